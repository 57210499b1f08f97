import type { Migration } from './migrations';

/** Issue 14 (audit anchoring, upload quotas) and issue 17 (personal data): versions 12 and 13. Never edited once landed. */
export const ANCHORING_MIGRATIONS: Migration[] = [
  {
    version: 12,
    name: 'audit-days-upload-quota',
    // audit.heads folds every entry, in the order they were appended (\`gseq\`, numbered here for
    // the entries already there by (at, chain, seq)), into one running hash a day; the upload quota
    // counts a person's files of a day; the sweep looks only at files not yet found shown on a
    // proposal (\`kept\` = 1 once found, so it never reads them again).
    sql: `
      ALTER TABLE audit_entries ADD COLUMN gseq INTEGER;
      DROP TRIGGER audit_entries_no_update;
      WITH ordered AS (SELECT chain_id, seq, ROW_NUMBER() OVER (ORDER BY at, chain_id, seq) AS n FROM audit_entries)
        UPDATE audit_entries SET gseq = (SELECT n FROM ordered o WHERE o.chain_id = audit_entries.chain_id AND o.seq = audit_entries.seq);
      CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
      CREATE UNIQUE INDEX audit_entries_by_gseq ON audit_entries(gseq);
      CREATE INDEX files_by_owner ON files(owner_openid, created_at);
      ALTER TABLE files ADD COLUMN kept INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX files_unkept ON files(created_at) WHERE kept = 0;
    `,
  },
  {
    version: 13,
    name: 'personal-data',
    // me.consent keeps the privacy notice's version a person agreed to; me.delete leaves only the
    // digest of the erased openid with the instant (audit.trail shows 已注销用户 for entries before it).
    sql: `
      CREATE TABLE consents (openid TEXT PRIMARY KEY, version TEXT NOT NULL, at TEXT NOT NULL);
      CREATE TABLE erasures (
        openid_digest TEXT NOT NULL,
        pseudonym TEXT NOT NULL,
        erased_at TEXT NOT NULL,
        PRIMARY KEY (openid_digest, pseudonym)
      );
    `,
  },
];
