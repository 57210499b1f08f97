import { createHash } from 'node:crypto';
import type { ProposalRecord, Role } from '../../../types/domain';
import type { AuditDraft, CommentRecord, ConsentRecord, Erasure, FileRecord, PersonalData, RatingRecord } from '../../app/ports/store.port';
import type { SqliteCore } from './sqlite.core';

/** What the erasure table keeps of an openid: its digest, never the openid itself. */
export const openidDigest = (openid: string) => createHash('sha256').update(openid).digest('hex');

/** Personal data (PIPL, issue 17): consent, the export of everything about a person, erasure. */
export function sqlitePersonalData(core: SqliteCore) {
  const { db } = core;
  const statements = {
    consent: db.prepare('SELECT version, at FROM consents WHERE openid = ?'),
    saveConsent: db.prepare(
      'INSERT INTO consents (openid, version, at) VALUES (?, ?, ?) ON CONFLICT (openid) DO UPDATE SET version = excluded.version, at = excluded.at',
    ),
    user: db.prepare('SELECT openid, name, community_id AS communityId, created_at AS createdAt FROM users WHERE openid = ?'),
    grants: db.prepare('SELECT role, scope_id AS scopeId FROM role_grants WHERE openid = ? ORDER BY granted_at, role, scope_id'),
    proposals: db.prepare('SELECT record FROM proposals WHERE proposer_openid = ? ORDER BY created_at, id'),
    comments: db.prepare('SELECT * FROM comments WHERE author_openid = ? ORDER BY created_at, id'),
    ratings: db.prepare('SELECT proposal_id AS proposalId, openid, stars, text, updated_at AS updatedAt FROM ratings WHERE openid = ? ORDER BY updated_at'),
    files: db.prepare(
      'SELECT id, owner_openid AS ownerOpenid, content_type AS contentType, bytes, path, created_at AS createdAt FROM files WHERE owner_openid = ? ORDER BY created_at',
    ),
    messages: db.prepare('SELECT kind, payload, created_at AS createdAt, outcome FROM outbox WHERE recipient_openid = ? ORDER BY id'),
    erasedAt: db.prepare('SELECT MAX(erased_at) AS at FROM erasures WHERE openid_digest = ?'),
    erase: [
      // Public records keep their content under the erased name, keyed to the pseudonym.
      `UPDATE proposals SET proposer_openid = @pseudonym,
         record = json_set(record, '$.proposerOpenid', @pseudonym, '$.proposerName', @erasedName) WHERE proposer_openid = @openid`,
      'UPDATE comments SET author_openid = @pseudonym, author_name = @erasedName WHERE author_openid = @openid',
      'UPDATE comments SET reply_openid = @pseudonym WHERE reply_openid = @openid',
      'UPDATE ratings SET openid = @pseudonym WHERE openid = @openid',
      // A complaint stays with the street that must answer it, under the pseudonym; so does a staff answer.
      "UPDATE complaints SET author_openid = @pseudonym, record = json_set(record, '$.authorOpenid', @pseudonym) WHERE author_openid = @openid",
      "UPDATE complaints SET record = json_set(record, '$.answer.by', @pseudonym) WHERE json_extract(record, '$.answer.by') = @openid",
      'UPDATE files SET owner_openid = @pseudonym WHERE owner_openid = @openid',
      // A later sign-in is someone new: their request ids and limits start afresh.
      'UPDATE idempotency SET openid = @pseudonym WHERE openid = @openid',
      'DELETE FROM rate_counters WHERE openid = @openid',
      // Nobody is left to tell: messages not yet delivered are settled unsent.
      `UPDATE outbox SET outcome = 'skipped', outcome_detail = 'account deleted', delivered_at = @at
         WHERE recipient_openid = @openid AND delivered_at IS NULL`,
      'UPDATE outbox SET recipient_openid = @pseudonym WHERE recipient_openid = @openid',
      // The inbox is the person's alone: it goes with them (me.export showed it).
      'DELETE FROM notifications WHERE recipient_openid = @openid',
      'DELETE FROM community_notice_reads WHERE openid = @openid',
      'UPDATE role_grants SET granted_by = @pseudonym WHERE granted_by = @openid',
      'DELETE FROM role_grants WHERE openid = @openid',
      'DELETE FROM consents WHERE openid = @openid',
      'DELETE FROM users WHERE openid = @openid',
      'INSERT INTO erasures (openid_digest, pseudonym, erased_at) VALUES (@digest, @pseudonym, @at)',
    ].map((sql) => db.prepare(sql)),
  };

  return {
    async findConsent(openid: string): Promise<ConsentRecord | null> {
      return (statements.consent.get(openid) as ConsentRecord | undefined) ?? null;
    },

    async recordConsent(input: { openid: string; consent: ConsentRecord; audit: AuditDraft }): Promise<ConsentRecord> {
      return core.transaction(() => {
        statements.saveConsent.run(input.openid, input.consent.version, input.consent.at);
        core.appendAudit(input.audit);
        return { ...input.consent };
      });
    },

    async personalData(openid: string): Promise<PersonalData> {
      return core.transaction(() => {
        const user = statements.user.get(openid) as { openid: string; name: string | null; communityId: string | null; createdAt: string } | undefined;
        const grants = statements.grants.all(openid) as { role: Role; scopeId: string }[];
        const comments = (statements.comments.all(openid) as Record<string, string | null>[]).map((row): CommentRecord => ({
          id: row.id as string,
          proposalId: row.proposal_id as string,
          authorOpenid: row.author_openid as string,
          authorName: row.author_name as string,
          text: row.text as string,
          status: row.status as CommentRecord['status'],
          createdAt: row.created_at as string,
          ...(row.reply_text !== null ? { reply: { text: row.reply_text, openid: row.reply_openid as string, repliedAt: row.replied_at as string } } : {}),
        }));
        const ratings = (statements.ratings.all(openid) as (RatingRecord & { text: string | null })[]).map(({ text, ...rating }) => ({
          ...rating,
          ...(text !== null ? { text } : {}),
        }));
        return {
          user: user ? { ...user, grants } : null,
          consent: (statements.consent.get(openid) as ConsentRecord | undefined) ?? null,
          proposals: (statements.proposals.pluck().all(openid) as string[]).map((json) => JSON.parse(json) as ProposalRecord),
          comments,
          ratings,
          files: statements.files.all(openid) as FileRecord[],
          messages: (statements.messages.all(openid) as { kind: string; payload: string; createdAt: string; outcome: string | null }[]).map((row) => ({
            ...row,
            payload: JSON.parse(row.payload) as Record<string, unknown>,
          })),
        };
      });
    },

    async erasePerson(erasure: Erasure): Promise<void> {
      const params = { openid: erasure.openid, pseudonym: erasure.pseudonym, erasedName: erasure.erasedName, at: erasure.at, digest: openidDigest(erasure.openid) };
      core.transaction(() => {
        for (const statement of statements.erase) statement.run(params);
        core.appendAudit(erasure.audit);
      });
    },

    async erasedAt(openids: string[]): Promise<Map<string, string>> {
      const erased = new Map<string, string>();
      for (const openid of new Set(openids)) {
        const row = statements.erasedAt.get(openidDigest(openid)) as { at: string | null };
        if (row.at) erased.set(openid, row.at);
      }
      return erased;
    },
  };
}
