import type { Migration } from './migrations';

/** Issue 17 (proposal search): the reserved version 20. Never edited once landed. */
export const SEARCH_MIGRATIONS: Migration[] = [
  {
    version: 20,
    name: 'proposal-search',
    // proposal.list's q, category and year: two full-text indexes kept by triggers (see
    // sqlite.search.ts; search_grams is a function the connection registers) and two computed
    // columns. Both indexes are contentless: the text stays in the record.
    sql: `
      ALTER TABLE proposals ADD COLUMN category TEXT GENERATED ALWAYS AS (json_extract(record, '$.category')) VIRTUAL;
      ALTER TABLE proposals ADD COLUMN submitted_year INTEGER GENERATED ALWAYS AS (CAST(strftime('%Y', created_at, '+8 hours') AS INTEGER)) VIRTUAL;
      CREATE VIRTUAL TABLE proposal_text USING fts5(title, description, location, tokenize = 'trigram', content = '', contentless_delete = 1);
      CREATE VIRTUAL TABLE proposal_grams USING fts5(grams, tokenize = 'ascii', detail = 'none', content = '', contentless_delete = 1);
      INSERT INTO proposal_text (rowid, title, description, location)
        SELECT rowid, json_extract(record, '$.title'), json_extract(record, '$.description'), json_extract(record, '$.location') FROM proposals;
      INSERT INTO proposal_grams (rowid, grams)
        SELECT rowid, search_grams(json_extract(record, '$.title'), json_extract(record, '$.description'), json_extract(record, '$.location')) FROM proposals;
      CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals BEGIN
        INSERT INTO proposal_text (rowid, title, description, location)
          VALUES (NEW.rowid, json_extract(NEW.record, '$.title'), json_extract(NEW.record, '$.description'), json_extract(NEW.record, '$.location'));
        INSERT INTO proposal_grams (rowid, grams)
          VALUES (NEW.rowid, search_grams(json_extract(NEW.record, '$.title'), json_extract(NEW.record, '$.description'), json_extract(NEW.record, '$.location')));
      END;
      CREATE TRIGGER proposals_search_update AFTER UPDATE OF record ON proposals
        WHEN json_extract(OLD.record, '$.title') IS NOT json_extract(NEW.record, '$.title')
          OR json_extract(OLD.record, '$.description') IS NOT json_extract(NEW.record, '$.description')
          OR json_extract(OLD.record, '$.location') IS NOT json_extract(NEW.record, '$.location')
      BEGIN
        DELETE FROM proposal_text WHERE rowid = OLD.rowid;
        DELETE FROM proposal_grams WHERE rowid = OLD.rowid;
        INSERT INTO proposal_text (rowid, title, description, location)
          VALUES (NEW.rowid, json_extract(NEW.record, '$.title'), json_extract(NEW.record, '$.description'), json_extract(NEW.record, '$.location'));
        INSERT INTO proposal_grams (rowid, grams)
          VALUES (NEW.rowid, search_grams(json_extract(NEW.record, '$.title'), json_extract(NEW.record, '$.description'), json_extract(NEW.record, '$.location')));
      END;
      CREATE TRIGGER proposals_search_delete AFTER DELETE ON proposals BEGIN
        DELETE FROM proposal_text WHERE rowid = OLD.rowid;
        DELETE FROM proposal_grams WHERE rowid = OLD.rowid;
      END;
    `,
  },
];
