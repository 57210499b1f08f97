import { collectionNames, COLLECTIONS } from './collections';

/**
 * Every index the CloudBase store's queries need — the one list to create in an environment.
 * Each query of cloudbase.store.ts filters on equality fields and sorts on a keyset; its index is
 * those equality fields followed by the sort fields in the sort's directions. Lookups by `_id`
 * (most reads, and every read inside a transaction) need none.
 *
 * To create them:
 * - Console: 云开发控制台 → 数据库 → <collection> → 索引管理 → 新建索引: the fields in order with
 *   their directions (1 升序, -1 降序), "非唯一" unless marked unique.
 * - Script (with credentials of the environment; @cloudbase/manager-node is not a dependency of
 *   this project — install it for the run):
 *     npm install --no-save @cloudbase/manager-node@5
 *     TCB_ENV=<env-id> TCB_SECRET_ID=… TCB_SECRET_KEY=… npx tsx backend/store/cloudbase/indexes.ts --apply
 *   Without `--apply` it prints the plan. It creates the missing collections and the indexes that
 *   do not exist yet (by name); it never drops anything.
 */

export type IndexKey = [field: string, direction: 1 | -1];

export interface IndexSpec {
  collection: string;
  name: string;
  keys: IndexKey[];
  unique?: boolean;
  /** The query that uses it. */
  for: string;
}

const NEWEST: IndexKey[] = [
  ['createdAt', -1],
  ['_id', -1],
];

export const INDEXES: IndexSpec[] = [
  // proposal.list: by scope, optionally by state; mine; all — newest first.
  { collection: COLLECTIONS.proposals, name: 'community_newest', keys: [['communityId', 1], ...NEWEST], for: 'listProposals (community)' },
  { collection: COLLECTIONS.proposals, name: 'community_state_newest', keys: [['communityId', 1], ['state', 1], ...NEWEST], for: 'listProposals (community, state)' },
  { collection: COLLECTIONS.proposals, name: 'street_newest', keys: [['streetId', 1], ...NEWEST], for: 'listProposals (street)' },
  { collection: COLLECTIONS.proposals, name: 'street_state_newest', keys: [['streetId', 1], ['state', 1], ...NEWEST], for: 'listProposals (street, state)' },
  { collection: COLLECTIONS.proposals, name: 'district_newest', keys: [['districtId', 1], ...NEWEST], for: 'listProposals (district)' },
  { collection: COLLECTIONS.proposals, name: 'district_state_newest', keys: [['districtId', 1], ['state', 1], ...NEWEST], for: 'listProposals (district, state)' },
  { collection: COLLECTIONS.proposals, name: 'proposer_newest', keys: [['proposerOpenid', 1], ...NEWEST], for: 'listProposals (mine)' },
  { collection: COLLECTIONS.proposals, name: 'state_newest', keys: [['state', 1], ...NEWEST], for: 'listProposals (state)' },
  { collection: COLLECTIONS.proposals, name: 'newest', keys: NEWEST, for: 'listProposals (all)' },
  // Overdue lists and the cron's sweep and reminders: running deadline, oldest first.
  { collection: COLLECTIONS.proposals, name: 'due', keys: [['openDeadlineOn', 1], ['_id', 1]], for: 'listOverdueCandidates (all)' },
  { collection: COLLECTIONS.proposals, name: 'street_due', keys: [['streetId', 1], ['openDeadlineOn', 1], ['_id', 1]], for: 'listOverdueCandidates (street)' },
  { collection: COLLECTIONS.proposals, name: 'district_due', keys: [['districtId', 1], ['openDeadlineOn', 1], ['_id', 1]], for: 'listOverdueCandidates (district)' },
  // Oversight checklist: records missing documents, newest first.
  { collection: COLLECTIONS.proposals, name: 'missing_newest', keys: [['hasMissingDocs', 1], ...NEWEST], for: 'listWithMissingDocuments (all)' },
  { collection: COLLECTIONS.proposals, name: 'street_missing_newest', keys: [['streetId', 1], ['hasMissingDocs', 1], ...NEWEST], for: 'listWithMissingDocuments (street)' },
  { collection: COLLECTIONS.proposals, name: 'district_missing_newest', keys: [['districtId', 1], ['hasMissingDocs', 1], ...NEWEST], for: 'listWithMissingDocuments (district)' },
  // The subsidy application: a district's budgets of a year, by community then age.
  {
    collection: COLLECTIONS.proposals,
    name: 'district_budget_year',
    keys: [['districtId', 1], ['budgetYear', 1], ['communityId', 1], ['createdAt', 1], ['_id', 1]],
    for: 'listApprovedInYear',
  },

  { collection: COLLECTIONS.comments, name: 'proposal_status_newest', keys: [['proposalId', 1], ['status', 1], ...NEWEST], for: 'listComments' },
  // comment.mine, rating.mine (issue 17)
  { collection: COLLECTIONS.comments, name: 'author_newest', keys: [['authorOpenid', 1], ...NEWEST], for: 'listCommentsBy (comment.mine)' },
  { collection: COLLECTIONS.ratings, name: 'rater_latest', keys: [['openid', 1], ['updatedAt', -1], ['proposalId', -1]], for: 'listRatingsBy (rating.mine)' },
  { collection: COLLECTIONS.comments, name: 'status_oldest', keys: [['status', 1], ['createdAt', 1], ['_id', 1]], for: 'listPendingComments (cron recheck)' },

  { collection: COLLECTIONS.users, name: 'grant_keys', keys: [['grantKeys', 1]], for: 'staffOf (an array field: one entry per grant)' },
  { collection: COLLECTIONS.places, name: 'kind_district', keys: [['kind', 1], ['districtId', 1]], for: 'countCommunities, savePolicy' },
  { collection: COLLECTIONS.meetings, name: 'community_meeting_on_id', keys: [['communityId', 1], ['meetingOn', -1], ['_id', -1]], for: 'listMeetings' },
  { collection: COLLECTIONS.library, name: 'newest', keys: NEWEST, for: 'listLibrary' },
  { collection: COLLECTIONS.library, name: 'scope_newest', keys: [['scopeId', 1], ...NEWEST], for: 'listLibrary (R-SUP-3: the entries usable in a unit)' },
  // Issue 18 (inspections, plans, reports)
  { collection: COLLECTIONS.inspections, name: 'scope_held', keys: [['scopeId', 1], ['heldOn', -1], ['_id', -1]], for: 'listInspections (community)' },
  { collection: COLLECTIONS.inspections, name: 'street_held', keys: [['streetId', 1], ['heldOn', -1], ['_id', -1]], for: 'listInspections (street)' },
  { collection: COLLECTIONS.inspections, name: 'district_held', keys: [['districtId', 1], ['heldOn', -1], ['_id', -1]], for: 'listInspections (district)' },
  { collection: COLLECTIONS.inspections, name: 'held', keys: [['heldOn', -1], ['_id', -1]], for: 'listInspections (city)' },
  { collection: COLLECTIONS.plans, name: 'district_year', keys: [['districtId', 1], ['year', 1], ['_id', 1]], for: 'listPlans (district)' },
  { collection: COLLECTIONS.plans, name: 'year', keys: [['year', 1], ['_id', 1]], for: 'listPlans (city)' },
  { collection: COLLECTIONS.summaries, name: 'street_year', keys: [['streetId', 1], ['year', 1], ['_id', 1]], for: 'summaryTotals (street)' },
  { collection: COLLECTIONS.summaries, name: 'district_year', keys: [['districtId', 1], ['year', 1], ['_id', 1]], for: 'summaryTotals (district)' },
  { collection: COLLECTIONS.summaries, name: 'year', keys: [['year', 1], ['_id', 1]], for: 'summaryTotals (city)' },
  {
    collection: COLLECTIONS.proposals,
    name: 'district_budget_year_rated',
    keys: [['districtId', 1], ['budgetYear', 1], ['ratingCount', 1], ['_id', 1]],
    for: 'summaryCounts (ratings)',
  },
  { collection: COLLECTIONS.audit, name: 'chain_seq', keys: [['chainId', 1], ['seq', 1]], unique: true, for: 'auditTrail (and a second entry with one seq is refused)' },
  { collection: COLLECTIONS.outbox, name: 'undelivered', keys: [['delivered', 1], ['seq', 1]], for: 'takeUndelivered' },
  // Issue 16: every loaded year of the working-day calendar, read by every request.
  { collection: COLLECTIONS.calendarYears, name: 'year', keys: [['year', 1]], for: 'listCalendarYears' },
  // Notifications:
  { collection: COLLECTIONS.notifications, name: 'recipient_newest', keys: [['recipientOpenid', 1], ...NEWEST], for: 'listNotifications (own items)' },
  { collection: COLLECTIONS.notifications, name: 'recipient_read', keys: [['recipientOpenid', 1], ['read', 1], ['createdAt', 1]], for: 'countUnreadNotifications, markNotificationsRead' },
  { collection: COLLECTIONS.communityNotices, name: 'community_newest', keys: [['communityId', 1], ...NEWEST], for: 'listNotifications (community notices)' },
  { collection: COLLECTIONS.noticeReads, name: 'reader_community', keys: [['openid', 1], ['communityId', 1], ['noticeCreatedAt', 1]], for: 'countUnreadNotifications' },
  { collection: COLLECTIONS.rateCounters, name: 'window_start', keys: [['windowStart', 1]], for: 'pruneRateCounters (jobs)' },
  // Issue 14 (audit anchoring, uploads) and issue 17 (personal data)
  { collection: COLLECTIONS.audit, name: 'at_chain_seq', keys: [['at', 1], ['chainId', 1], ['seq', 1]], for: 'auditDigests (audit.heads)' },
  { collection: COLLECTIONS.files, name: 'owner_oldest', keys: [['ownerOpenid', 1], ['createdAt', 1], ['_id', 1]], for: 'uploadUsage, personalData' },
  { collection: COLLECTIONS.files, name: 'unkept_oldest', keys: [['kept', 1], ['createdAt', 1], ['_id', 1]], for: 'listUnreferencedFiles' },
  { collection: COLLECTIONS.comments, name: 'author_oldest', keys: [['authorOpenid', 1], ['createdAt', 1], ['_id', 1]], for: 'personalData, erasePerson' },
  { collection: COLLECTIONS.comments, name: 'reply_openid', keys: [['reply.openid', 1], ['createdAt', 1], ['_id', 1]], for: 'erasePerson' },
  { collection: COLLECTIONS.ratings, name: 'rater_oldest', keys: [['openid', 1], ['updatedAt', 1], ['_id', 1]], for: 'personalData, erasePerson' },
  { collection: COLLECTIONS.requests, name: 'openid_oldest', keys: [['openid', 1], ['createdAt', 1], ['_id', 1]], for: 'erasePerson' },
  { collection: COLLECTIONS.rateCounters, name: 'openid', keys: [['openid', 1]], for: 'erasePerson' },
  { collection: COLLECTIONS.outbox, name: 'recipient', keys: [['recipientOpenid', 1], ['delivered', 1]], for: 'erasePerson' },
  { collection: COLLECTIONS.outbox, name: 'recipient_oldest', keys: [['recipientOpenid', 1], ['seq', 1]], for: 'personalData' },
  { collection: COLLECTIONS.erasures, name: 'digest_latest', keys: [['openidDigest', 1], ['erasedAt', -1]], for: 'erasedAt' },
  // Complaints and suggestions (issue 18): by unit or author, optionally by status, newest first.
  { collection: COLLECTIONS.complaints, name: 'community_newest', keys: [['communityId', 1], ...NEWEST], for: 'listComplaints (community)' },
  { collection: COLLECTIONS.complaints, name: 'street_status_newest', keys: [['streetId', 1], ['status', 1], ...NEWEST], for: 'listComplaints (street, status)' },
  { collection: COLLECTIONS.complaints, name: 'street_newest', keys: [['streetId', 1], ...NEWEST], for: 'listComplaints (street)' },
  { collection: COLLECTIONS.complaints, name: 'district_newest', keys: [['districtId', 1], ...NEWEST], for: 'listComplaints (district)' },
  { collection: COLLECTIONS.complaints, name: 'district_status_newest', keys: [['districtId', 1], ['status', 1], ...NEWEST], for: 'listComplaints (district, status)' },
  { collection: COLLECTIONS.complaints, name: 'author_newest', keys: [['authorOpenid', 1], ...NEWEST], for: 'listComplaints (author)' },
  { collection: COLLECTIONS.complaints, name: 'newest', keys: NEWEST, for: 'listComplaints (all)' },
  // Staff onboarding (issue 16): open invitations by unit, newest first.
  { collection: COLLECTIONS.invitations, name: 'open_newest', keys: [['open', 1], ...NEWEST], for: 'listInvitations (city)' },
  { collection: COLLECTIONS.invitations, name: 'open_community_newest', keys: [['open', 1], ['communityId', 1], ...NEWEST], for: 'listInvitations (community)' },
  { collection: COLLECTIONS.invitations, name: 'open_street_newest', keys: [['open', 1], ['streetId', 1], ...NEWEST], for: 'listInvitations (street)' },
  { collection: COLLECTIONS.invitations, name: 'open_district_newest', keys: [['open', 1], ['districtId', 1], ...NEWEST], for: 'listInvitations (district)' },
];

/** The request body of CloudBase's UpdateTable (`manager.database.updateCollection`) for one index. */
export function createIndexRequest(index: IndexSpec) {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: index.keys.map(([field, direction]) => ({ Name: field, Direction: String(direction) })),
      MgoIsUnique: index.unique ?? false,
    },
  };
}

interface ManagerDatabase {
  createCollectionIfNotExists(name: string): Promise<unknown>;
  checkIndexExists(collection: string, index: string): Promise<{ Exists: boolean }>;
  updateCollection(collection: string, info: { CreateIndexes: ReturnType<typeof createIndexRequest>[] }): Promise<unknown>;
}

/** Creates the collections and the indexes that are missing (never drops any). */
export async function applyIndexes(database: ManagerDatabase, log: (line: string) => void = console.log, prefix = ''): Promise<void> {
  for (const name of collectionNames(prefix)) await database.createCollectionIfNotExists(name);
  for (const index of INDEXES) {
    const collection = `${prefix}${index.collection}`;
    if ((await database.checkIndexExists(collection, index.name)).Exists) {
      log(`[indexes] ${collection}.${index.name}: exists`);
      continue;
    }
    await database.updateCollection(collection, { CreateIndexes: [createIndexRequest(index)] });
    log(`[indexes] ${collection}.${index.name}: created`);
  }
}

type ManagerClass = new (config: { envId: string; secretId: string; secretKey: string }) => { database: ManagerDatabase };

function describe(index: IndexSpec): string {
  const keys = index.keys.map(([field, direction]) => `${field} ${direction === 1 ? '升序' : '降序'}`).join(', ');
  return `${index.collection}.${index.name}${index.unique ? ' (唯一)' : ''}: ${keys} — ${index.for}`;
}

async function main(): Promise<void> {
  console.log(`collections: ${collectionNames().join(', ')}`);
  for (const index of INDEXES) console.log(describe(index));
  if (!process.argv.includes('--apply')) return;
  const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (!TCB_ENV || !TCB_SECRET_ID || !TCB_SECRET_KEY) throw new Error('--apply needs TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('@cloudbase/manager-node') as ManagerClass | { default: ManagerClass };
  const Manager = 'default' in loaded ? loaded.default : loaded;
  const manager = new Manager({ envId: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY });
  await applyIndexes(manager.database, console.log, process.env.TCB_COLLECTION_PREFIX ?? '');
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
