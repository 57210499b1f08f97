import { createHash } from 'node:crypto';
import type { ProposalRecord } from '../../../types/domain';
import type { AuditDraft, ConsentRecord, Erasure, PersonalData, RatingRecord } from '../../app/ports/store.port';
import type { CloudBaseCore } from './cloudbase.core';
import { commentOf, userOf } from './cloudbase.documents';
import { COLLECTIONS, ratingDocId, requestDocId } from './collections';
import { queryAll, type Doc, type DocQuery } from './doc-db';

const openidDigest = (openid: string) => createHash('sha256').update(openid).digest('hex');

const OLDEST_FIRST: DocQuery['orderBy'] = [
  ['createdAt', 'asc'],
  ['_id', 'asc'],
];

function ratingOf(doc: Doc): RatingRecord {
  return {
    proposalId: doc.proposalId as string,
    openid: doc.openid as string,
    stars: doc.stars as number,
    ...(typeof doc.text === 'string' ? { text: doc.text } : {}),
    updatedAt: doc.updatedAt as string,
  };
}

/**
 * Personal data (PIPL, issue 17), as sqlite.personal-data.ts. The erasure cannot be one
 * transaction here (transactions take no queries): each record moves to the pseudonym in its own
 * transaction; the erasure's audit entry follows, and the profile goes last — a failed erasure
 * leaves the account in place, and running it again finishes it.
 */
export function cloudBasePersonalData(core: CloudBaseCore) {
  /** Rewrites one document in its own transaction (a racing write of it conflicts and is retried). */
  async function rewrite(collection: (typeof COLLECTIONS)[keyof typeof COLLECTIONS], id: string, change: (doc: Doc) => Record<string, unknown> | null): Promise<void> {
    await core.transact(async (unit) => {
      const doc = await unit.get(collection, id);
      const next = doc ? change(doc) : null;
      if (next) unit.put(collection, id, next);
    });
  }

  return {
    async findConsent(openid: string): Promise<ConsentRecord | null> {
      const doc = await core.db.get(COLLECTIONS.consents, openid);
      return doc ? { version: doc.version as string, at: doc.at as string } : null;
    },

    async recordConsent(input: { openid: string; consent: ConsentRecord; audit: AuditDraft }): Promise<ConsentRecord> {
      return core.transact(async (unit) => {
        unit.put(COLLECTIONS.consents, input.openid, { ...input.consent });
        await core.appendAudit(unit, input.audit);
        return { ...input.consent };
      });
    },

    async personalData(openid: string): Promise<PersonalData> {
      const [userDoc, consent, proposals, comments, ratings, files, messages] = await Promise.all([
        core.db.get(COLLECTIONS.users, openid),
        core.db.get(COLLECTIONS.consents, openid),
        queryAll(core.db, COLLECTIONS.proposals, [{ proposerOpenid: openid }], OLDEST_FIRST),
        queryAll(core.db, COLLECTIONS.comments, [{ authorOpenid: openid }], OLDEST_FIRST),
        queryAll(core.db, COLLECTIONS.ratings, [{ openid }], [['updatedAt', 'asc'], ['_id', 'asc']]),
        queryAll(core.db, COLLECTIONS.files, [{ ownerOpenid: openid }], OLDEST_FIRST),
        queryAll(core.db, COLLECTIONS.outbox, [{ recipientOpenid: openid }], [['seq', 'asc']]),
      ]);
      return {
        user: userDoc ? { ...userOf(userDoc), createdAt: userDoc.createdAt as string } : null,
        consent: consent ? { version: consent.version as string, at: consent.at as string } : null,
        proposals: proposals.map((doc) => doc.record as ProposalRecord),
        comments: comments.map(commentOf),
        ratings: ratings.map(ratingOf),
        files: files.map((doc) => ({
          id: doc._id,
          ownerOpenid: doc.ownerOpenid as string,
          contentType: doc.contentType as string,
          bytes: doc.bytes as number,
          path: doc.path as string,
          createdAt: doc.createdAt as string,
        })),
        messages: messages.map((doc) => ({
          kind: doc.kind as string,
          payload: doc.payload as Record<string, unknown>,
          createdAt: doc.createdAt as string,
          outcome: (doc.outcome as string | null | undefined) ?? null,
        })),
      };
    },

    async erasePerson(erasure: Erasure): Promise<void> {
      const { openid, pseudonym, erasedName, at } = erasure;
      const { db } = core;
      for (const doc of await queryAll(db, COLLECTIONS.proposals, [{ proposerOpenid: openid }], OLDEST_FIRST)) {
        await rewrite(COLLECTIONS.proposals, doc._id, (current) =>
          current.proposerOpenid !== openid
            ? null
            : { ...current, proposerOpenid: pseudonym, record: { ...(current.record as ProposalRecord), proposerOpenid: pseudonym, proposerName: erasedName } },
        );
      }
      await db.updateWhere(COLLECTIONS.comments, [{ authorOpenid: openid }], { authorOpenid: pseudonym, authorName: erasedName });
      for (const doc of await queryAll(db, COLLECTIONS.comments, [{ 'reply.openid': openid }], OLDEST_FIRST)) {
        await rewrite(COLLECTIONS.comments, doc._id, (current) => ({ ...current, reply: { ...(current.reply as Record<string, unknown>), openid: pseudonym } }));
      }
      // A complaint stays with the street that must answer it, under the pseudonym; so does a staff answer.
      await db.updateWhere(COLLECTIONS.complaints, [{ authorOpenid: openid }], { authorOpenid: pseudonym });
      for (const doc of await queryAll(db, COLLECTIONS.complaints, [{ 'answer.by': openid }], OLDEST_FIRST)) {
        await rewrite(COLLECTIONS.complaints, doc._id, (current) => ({ ...current, answer: { ...(current.answer as Record<string, unknown>), by: pseudonym } }));
      }
      // Keyed by openid: each moves to the pseudonym's key.
      for (const doc of await queryAll(db, COLLECTIONS.ratings, [{ openid }], [['updatedAt', 'asc'], ['_id', 'asc']])) {
        await core.transact(async (unit) => {
          const current = await unit.get(COLLECTIONS.ratings, doc._id);
          if (!current) return;
          const { _id, ...fields } = current;
          unit.put(COLLECTIONS.ratings, ratingDocId(fields.proposalId as string, pseudonym), { ...fields, openid: pseudonym });
        });
        await db.remove(COLLECTIONS.ratings, doc._id);
      }
      for (const doc of await queryAll(db, COLLECTIONS.requests, [{ openid }], OLDEST_FIRST)) {
        const { _id, ...fields } = doc;
        await db.set(COLLECTIONS.requests, requestDocId(fields.action as string, pseudonym, fields.requestId as string), { ...fields, openid: pseudonym });
        await db.remove(COLLECTIONS.requests, _id);
      }
      await db.updateWhere(COLLECTIONS.files, [{ ownerOpenid: openid }], { ownerOpenid: pseudonym });
      await db.removeWhere(COLLECTIONS.rateCounters, [{ openid }]);
      await db.updateWhere(COLLECTIONS.outbox, [{ recipientOpenid: openid, delivered: false }], { delivered: true, deliveredAt: at, outcome: 'skipped', outcomeDetail: 'account deleted' });
      await db.updateWhere(COLLECTIONS.outbox, [{ recipientOpenid: openid }], { recipientOpenid: pseudonym });
      // The inbox is the person's alone: it goes with them (me.export showed it).
      await db.removeWhere(COLLECTIONS.notifications, [{ recipientOpenid: openid }]);
      await db.removeWhere(COLLECTIONS.noticeReads, [{ openid }]);
      await core.transact(async (unit) => {
        unit.put(COLLECTIONS.erasures, `${openidDigest(openid)}:${pseudonym}`, { openidDigest: openidDigest(openid), pseudonym, erasedAt: at });
        await core.appendAudit(unit, erasure.audit);
      });
      // Last: until the profile goes, the person can sign in and run the erasure again.
      await db.remove(COLLECTIONS.consents, openid);
      await db.remove(COLLECTIONS.users, openid);
    },

    async erasedAt(openids: string[]): Promise<Map<string, string>> {
      const erased = new Map<string, string>();
      for (const openid of new Set(openids)) {
        const docs = await core.db.query(COLLECTIONS.erasures, { where: [{ openidDigest: openidDigest(openid) }], orderBy: [['erasedAt', 'desc']], limit: 1 });
        if (docs[0]) erased.set(openid, docs[0].erasedAt as string);
      }
      return erased;
    },
  };
}
