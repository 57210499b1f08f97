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
