import { DEFAULT_QUOTA_FEN, DEMO_RESIDENT_SINCE, demoCommunities, demoDistricts, demoStreets, demoUsers } from '../../seed/demo-directory';
import type { SqliteStore } from './sqlite.store';
import { seedAllocationEntry } from '../../seed/demo-directory';

/**
 * Seeds the demo data of spec/api.md into an empty store, in one transaction: a store is either
 * fully seeded or untouched. `year` is the current year in Asia/Shanghai; its ledgers get half
 * the quota allocated, as a street would at the start of the year (R-FUN-2).
 */
export function seedDemoData(store: SqliteStore, options: { at: string; year: number }): boolean {
  const { db } = store;
  return db
    .transaction(() => {
      if (!store.isEmpty()) return false;
      const insertDistrict = db.prepare('INSERT INTO districts (id, name, sort_order) VALUES (?, ?, ?)');
      const insertStreet = db.prepare('INSERT INTO streets (id, district_id, name, sort_order) VALUES (?, ?, ?, ?)');
      const insertCommunity = db.prepare('INSERT INTO communities (id, street_id, name, sort_order) VALUES (?, ?, ?, ?)');
      const insertUser = db.prepare(
        'INSERT INTO users (openid, name, community_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      );
      const insertLedger = db.prepare(
        'INSERT INTO ledgers (community_id, year, quota_fen, allocated_fen, approved_fen, spent_fen) VALUES (?, ?, ?, ?, 0, 0)',
      );
      demoDistricts.forEach((district, index) => insertDistrict.run(district.id, district.name, index));
      demoStreets.forEach((street, index) => insertStreet.run(street.id, street.districtId, street.name, index));
      demoCommunities.forEach((community, index) => {
        insertCommunity.run(community.id, community.streetId, community.name, index);
        // The previous year too: early in a year, the sample projects were approved in the last one.
        for (const year of [options.year - 1, options.year]) {
          insertLedger.run(community.id, year, DEFAULT_QUOTA_FEN, DEFAULT_QUOTA_FEN / 2);
          // Issue 14: the first allocation is on the ledger's chain, so audit:verify can replay it.
          store.appendAuditEntry(seedAllocationEntry(community.id, year, options.at));
        }
      });
      for (const user of demoUsers) {
        insertUser.run(user.openid, user.name, user.communityId, options.at, options.at);
        for (const grant of user.grants) store.insertGrant(user.openid, grant.role, grant.scopeId, null, grant.role === 'resident' ? DEMO_RESIDENT_SINCE : options.at);
      }
      return true;
    })
    .immediate();
}
