/**
 * The collections of the CloudBase store and how their `_id`s are made. A uniqueness the system
 * needs is a deterministic `_id` (a second write of it is the same document, and two transactions
 * writing it conflict), never a check-then-insert. Ids of the directory, records and openids hold
 * only [A-Za-z0-9_-] (backend/app/schemas.ts), so ':' separates the parts without ambiguity.
 */

export const COLLECTIONS = {
  /** Districts, streets and communities: `_id` = the place id; `kind`, `name`, `sort`, parents. */
  places: 'places',
  /** One per person: `_id` = openid; grants inline, `grantKeys` = ["role:scopeId", …] for staffOf. */
  users: 'users',
  /** `_id` = proposal id: the record, its index fields, its counters and its audit chain's head. */
  proposals: 'proposals',
  /** `_id` = `${action}:${openid}:${requestId}` → the first record's id. */
  requests: 'requests',
  /** `_id` = `${action}:${openid}:${windowStart}` → the count in that window. */
  rateCounters: 'rate_counters',
  /** `_id` = `${communityId}:${year}`: quota, allocated, approved, spent and the `ledger:` chain's head. */
  ledgers: 'ledgers',
  /** `_id` = `${districtId}:${year}`. */
  policies: 'policies',
  /** `_id` = `${districtId}:${year}`: the running totals and version of the district's subsidy application. */
  subsidy: 'subsidy',
  /** `_id` = meeting id. */
  meetings: 'meetings',
  /** `_id` = change id. */
  changes: 'changes',
  /** `_id` = comment id. */
  comments: 'comments',
  /** `_id` = `${proposalId}:${openid}`: one rating per resident per proposal. */
  ratings: 'ratings',
  /** `_id` = library entry id. */
  library: 'library',
  /** `_id` = file id. */
  files: 'files',
  /** `_id` = `${proposalId}:${deadline}:${dueOn}`: a notice sent once, however often the sweep runs. */
  notices: 'notices',
  /** The heads of chains owned by no record document (`policy:…`, `user:…`, `library:…`): `_id` = chain id. */
  chains: 'chains',
  /** `_id` = `${chainId}#${seq padded to 10}`: entries are added, never changed. */
  audit: 'audit',
  /** `_id` = `o${seq}`: messages to people, written in the transaction of the change they tell of. */
  outbox: 'outbox',
  // Issue 17 (personal data)
  /** `_id` = openid: the privacy notice's version agreed to and when. */
  consents: 'consents',
  /** `_id` = `${sha256(openid)}:${pseudonym}`: an erased account (the openid itself is not kept). */
  erasures: 'erasures',
  // Issue 16: the working-day calendar as data
  /** `_id` = the year: a holiday schedule the city loaded (calendar.set); its chain `calendar:<year>` lives in `chains`. */
  calendarYears: 'calendar_years',
  // Notifications (the inbox):
  /** `_id` = `n${seq padded to 16}` (the seq of its outbox message): a person's own inbox item. */
  notifications: 'notifications',
  /** `_id` = `k${communityId}:${kind}:${proposalId}`: a notice to every resident of a community, once. */
  communityNotices: 'community_notices',
  /** `_id` = `${noticeId}:${openid}`: a resident read a community notice. */
  noticeReads: 'notice_reads',
  // Issue 18 (inspections, plans, reports)
  /** `_id` = inspection id: the record, `year`, `heldOn` and the units it is filed under. */
  inspections: 'inspections',
  /** `_id` = `${streetId}:${year}`: a street's plan of a year. */
  plans: 'plans',
  /** `_id` = `${communityId}:${year}:${quarter}`: the summary's running figures (`figures`: metric → value). */
  summaries: 'summaries',
  /** `_id` = `${scopeId}:${kind}:${period}`: a due-check reminder sent once. */
  dueChecks: 'due_checks',
  /** Complaints and suggestions (issue 18): `_id` = complaint id. */
  complaints: 'complaints',
  // Staff onboarding (issue 16)
  /** `_id` = the invitation code: role, scope (with its place ids), expiry, and how it was settled. */
  invitations: 'invitations',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** Every collection name, with an optional prefix (a test environment may share a database). */
export function collectionNames(prefix = ''): string[] {
  return Object.values(COLLECTIONS).map((name) => `${prefix}${name}`);
}

export const requestDocId = (action: string, openid: string, requestId: string) => `${action}:${openid}:${requestId}`;
export const rateDocId = (action: string, openid: string, windowStart: string) => `${action}:${openid}:${windowStart}`;
export const ledgerDocId = (communityId: string, year: number) => `${communityId}:${year}`;
export const policyDocId = (districtId: string, year: number) => `${districtId}:${year}`;
export const subsidyDocId = (districtId: string, year: number) => `${districtId}:${year}`;
export const ratingDocId = (proposalId: string, openid: string) => `${proposalId}:${openid}`;
export const noticeDocId = (proposalId: string, deadline: string, dueOn: string) => `${proposalId}:${deadline}:${dueOn}`;
export const auditDocId = (chainId: string, seq: number) => `${chainId}#${String(seq).padStart(10, '0')}`;
export const outboxDocId = (seq: number) => `o${seq}`;
// Notifications:
export const notificationDocId = (seq: number) => `n${String(seq).padStart(16, '0')}`;
export const communityNoticeDocId = (communityId: string, kind: string, proposalId: string) => `k${communityId}:${kind}:${proposalId}`;
export const noticeReadDocId = (noticeId: string, openid: string) => `${noticeId}:${openid}`;
export const planDocId = (streetId: string, year: number) => `${streetId}:${year}`;
export const summaryDocId = (communityId: string, year: number, quarter: number) => `${communityId}:${year}:${quarter}`;
export const dueCheckDocId = (scopeId: string, kind: string, period: string) => `${scopeId}:${kind}:${period}`;
export const grantKey = (role: string, scopeId: string) => `${role}:${scopeId}`;

/**
 * Where a chain's head (its last seq and hash) lives, so that two appends to one chain write one
 * document and conflict: a proposal's chain on the proposal, a `ledger:` chain on the ledger,
 * every other chain on its own document in `chains`.
 */
export function chainOwner(chainId: string): { collection: CollectionName; id: string; mustExist: boolean } {
  const ledger = /^ledger:([A-Za-z0-9_-]+):(\d{4})$/.exec(chainId);
  if (ledger) return { collection: COLLECTIONS.ledgers, id: ledgerDocId(ledger[1], Number(ledger[2])), mustExist: true };
  if (/^[A-Za-z0-9_-]+$/.test(chainId)) return { collection: COLLECTIONS.proposals, id: chainId, mustExist: true };
  return { collection: COLLECTIONS.chains, id: chainId, mustExist: false };
}
