import type { LibraryEntry, Role, RoleGrant } from '../../../types/api';
import type { BudgetLine, Category, Ledger, Policy, ProposalRecord, ProposalState } from '../../../types/domain';
import { NO_RATINGS } from '../../domain/ratings';
import { foldText, searchedFields, shanghaiYearOf } from '../../domain/search';
import { GENESIS_HASH } from '../audit-chain';
import type { AuditEntry, CommentRecord, Cursor, OutboxMessage, ProposalIndexing, ScopeFilter, Slice, StoredProposal, UserRecord } from '../../app/ports/store.port';
import { grantKey } from './collections';
import { keysetFilter, MAX_QUERY_LIMIT, type Conjunction, type Doc, type DocDb, type DocQuery, type Filter } from './doc-db';

/** Documents ⇄ records: how each record of the port is laid out in its collection. */

export interface Grant {
  role: Role;
  scopeId: string;
  grantedBy: string | null;
  grantedAt: string;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function grantsOf(doc: Doc | null): Grant[] {
  return [...((doc?.grants as Grant[] | undefined) ?? [])];
}

export function userOf(doc: Doc): UserRecord {
  const grants = grantsOf(doc).sort(
    (a, b) => compareText(a.grantedAt, b.grantedAt) || compareText(a.role, b.role) || compareText(a.scopeId, b.scopeId),
  );
  const user: UserRecord = {
    openid: doc._id,
    name: (doc.name as string | null | undefined) ?? null,
    communityId: (doc.communityId as string | null | undefined) ?? null,
    grants: grants.map(({ role, scopeId }): RoleGrant => ({ role, scopeId })),
  };
  // Residency (hopping): since when the person lives in their community.
  const resident = grants.find((grant) => grant.role === 'resident');
  return resident ? { ...user, residentSince: resident.grantedAt } : user;
}

export function userDoc(openid: string, name: string | null, communityId: string | null, grants: Grant[], createdAt: string, updatedAt: string) {
  return { name, communityId, grants, grantKeys: grants.map((grant) => grantKey(grant.role, grant.scopeId)), createdAt, updatedAt, _id: openid };
}

export function storedOf(doc: Doc): StoredProposal {
  const histogram = (doc.ratingHistogram as number[] | undefined) ?? NO_RATINGS.histogram;
  return {
    record: doc.record as ProposalRecord,
    counters: {
      commentCount: (doc.commentCount as number | undefined) ?? 0,
      ratingCount: (doc.ratingCount as number | undefined) ?? 0,
      ratingSum: (doc.ratingSum as number | undefined) ?? 0,
      histogram: [histogram[0], histogram[1], histogram[2], histogram[3], histogram[4]],
    },
    updatedAt: doc.updatedAt as string,
  };
}

/** The proposal document: the record, the fields its queries filter and sort on, and what it keeps. */
export function proposalDoc(record: ProposalRecord, indexing: ProposalIndexing, updatedAt: string, previous: Doc | null) {
  return {
    record,
    communityId: record.communityId,
    streetId: record.streetId,
    districtId: record.districtId,
    state: record.state,
    proposerOpenid: record.proposerOpenid,
    createdAt: record.createdAt,
    openDeadlineOn: indexing.openDeadlineOn,
    missingDocs: indexing.missingDocuments,
    hasMissingDocs: indexing.missingDocuments.length > 0,
    budgetYear: record.budgetYear ?? null,
    approvedBudgetFen: record.approvedBudgetFen ?? null,
    // proposal search (issue 17)
    category: record.category,
    submittedYear: shanghaiYearOf(record.createdAt),
    searchText: foldText(searchedFields(record).join('\n')),
    version: record.version,
    updatedAt,
    commentCount: previous?.commentCount ?? 0,
    pendingCommentCount: previous?.pendingCommentCount ?? 0,
    ratingCount: previous?.ratingCount ?? 0,
    ratingSum: previous?.ratingSum ?? 0,
    ratingHistogram: previous?.ratingHistogram ?? [...NO_RATINGS.histogram],
    auditSeq: previous?.auditSeq ?? 0,
    auditHash: previous?.auditHash ?? GENESIS_HASH,
  };
}

export function commentOf(doc: Doc): CommentRecord {
  const comment: CommentRecord = {
    id: doc._id,
    proposalId: doc.proposalId as string,
    authorOpenid: doc.authorOpenid as string,
    authorName: doc.authorName as string,
    text: doc.text as string,
    status: doc.status as CommentRecord['status'],
    createdAt: doc.createdAt as string,
  };
  const reply = doc.reply as CommentRecord['reply'] | null | undefined;
  if (reply) comment.reply = { text: reply.text, openid: reply.openid, repliedAt: reply.repliedAt };
  return comment;
}

export function ledgerOf(doc: Doc): Ledger {
  return {
    quotaFen: doc.quotaFen as number,
    allocatedFen: doc.allocatedFen as number,
    approvedFen: doc.approvedFen as number,
    spentFen: doc.spentFen as number,
  };
}

export function policyOf(doc: Doc): Policy {
  const thresholds = doc.streetThresholdFen as Record<Category, number>;
  return {
    districtId: doc.districtId as string,
    year: doc.year as number,
    quotaFen: doc.quotaFen as number,
    feeRatioPercent: doc.feeRatioPercent as number,
    streetThresholdFen: { works: thresholds.works, goods: thresholds.goods, services: thresholds.services },
    tenderThresholdFen: doc.tenderThresholdFen as number,
    // Supervision (issue 18): absent when the district left the default.
    ...(typeof doc.stallWorkingDays === 'number' ? { stallWorkingDays: doc.stallWorkingDays } : {}),
  };
}

export function libraryEntryOf(doc: Doc): LibraryEntry {
  return {
    id: doc._id,
    title: doc.title as string,
    category: doc.category as Category,
    plan: doc.plan as string,
    budgetLines: doc.budgetLines as BudgetLine[],
    createdAt: doc.createdAt as string,
    scopeId: doc.scopeId as string,
  };
}

export function auditEntryOf(doc: Doc): AuditEntry {
  return {
    chainId: doc.chainId as string,
    seq: doc.seq as number,
    at: doc.at as string,
    actor: doc.actor as string,
    action: doc.action as string,
    from: (doc.from as ProposalState | null | undefined) ?? null,
    to: (doc.to as ProposalState | null | undefined) ?? null,
    detail: (doc.detail as Record<string, unknown> | undefined) ?? {},
    prevHash: doc.prevHash as string,
    hash: doc.hash as string,
  };
}

export function outboxMessageOf(doc: Doc): OutboxMessage {
  return {
    id: doc.seq as number,
    recipientOpenid: doc.recipientOpenid as string,
    kind: doc.kind as string,
    payload: (doc.payload as Record<string, unknown> | undefined) ?? {},
    createdAt: doc.createdAt as string,
  };
}

const SCOPE_FIELD = { community: 'communityId', street: 'streetId', district: 'districtId' } as const;

export function scopeConjunction(scope: ScopeFilter): Conjunction {
  return scope.kind === 'all' ? {} : { [SCOPE_FIELD[scope.kind]]: scope.id };
}

const NEWEST_FIRST: DocQuery['orderBy'] = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
];

/** One page of a newest-first list: limit + 1 records tell whether more follow (≤ 1000 a query). */
export async function newestFirstPage(db: DocDb, collection: string, where: Filter, after: Cursor | undefined, limit: number): Promise<Slice<Doc>> {
  const size = Math.max(1, Math.min(limit, MAX_QUERY_LIMIT - 1));
  const docs = await db.query(collection, {
    where: keysetFilter(where, NEWEST_FIRST, after ? [after.createdAt, after.id] : undefined),
    orderBy: NEWEST_FIRST,
    limit: size + 1,
  });
  return { items: docs.slice(0, size), more: docs.length > size };
}

/** A keyset page in any order: `limit + 1` documents tell whether more follow. */
export async function keysetPage(db: DocDb, collection: string, where: Filter, orderBy: DocQuery['orderBy'], after: (string | number)[] | undefined, limit: number): Promise<Slice<Doc>> {
  const size = Math.max(1, Math.min(limit, MAX_QUERY_LIMIT - 1));
  const docs = await db.query(collection, { where: keysetFilter(where, orderBy, after), orderBy, limit: size + 1 });
  return { items: docs.slice(0, size), more: docs.length > size };
}
