import { GENESIS_HASH, hashEntry } from '../audit-chain';
import { DEFAULT_QUOTA_FEN, DEMO_RESIDENT_SINCE, demoCommunities, demoDistricts, demoStreets, demoUsers, seedAllocationEntry } from '../../seed/demo-directory';
import { auditDocId, COLLECTIONS, grantKey, ledgerDocId } from './collections';
import type { DocDb } from './doc-db';

/**
 * Seeds the demo data of spec/api.md (directory, users with their grants, ledgers) into an empty
 * CloudBase store, in one transaction: the store is either fully seeded or untouched, and a second
 * seed (even a concurrent one) changes nothing. The same data as the SQLite seed
 * (sqlite/sqlite.seed.ts): `year` is the current year in Asia/Shanghai; its ledgers and the
 * previous year's get half the quota allocated (R-FUN-2).
 */
export async function seedCloudBaseDemoData(db: DocDb, options: { at: string; year: number }): Promise<boolean> {
  const firstDistrict = demoDistricts[0].id;
  return db.runTransaction(async (tx) => {
    if (await tx.get(COLLECTIONS.places, firstDistrict)) return false;
    for (const [index, district] of demoDistricts.entries()) {
      await tx.set(COLLECTIONS.places, district.id, { kind: 'district', name: district.name, sort: index, districtId: district.id });
    }
    for (const [index, street] of demoStreets.entries()) {
      await tx.set(COLLECTIONS.places, street.id, { kind: 'street', name: street.name, sort: index, streetId: street.id, districtId: street.districtId });
    }
    for (const [index, community] of demoCommunities.entries()) {
      const districtId = demoStreets.find((street) => street.id === community.streetId)!.districtId;
      await tx.set(COLLECTIONS.places, community.id, {
        kind: 'community',
        name: community.name,
        sort: index,
        communityId: community.id,
        streetId: community.streetId,
        districtId,
      });
      // The previous year too: early in a year, the sample projects were approved in the last one.
      for (const year of [options.year - 1, options.year]) {
        // Issue 14: the first allocation is the ledger chain's first entry (audit:verify replays it).
        const entry = seedAllocationEntry(community.id, year, options.at);
        const hash = hashEntry(GENESIS_HASH, { ...entry, seq: 1 });
        await tx.set(COLLECTIONS.audit, auditDocId(entry.chainId, 1), { ...entry, seq: 1, prevHash: GENESIS_HASH, hash });
        await tx.set(COLLECTIONS.ledgers, ledgerDocId(community.id, year), {
          communityId: community.id,
          year,
          quotaFen: DEFAULT_QUOTA_FEN,
          allocatedFen: DEFAULT_QUOTA_FEN / 2,
          approvedFen: 0,
          spentFen: 0,
          auditSeq: 1,
          auditHash: hash,
        });
      }
    }
    for (const user of demoUsers) {
      const grants = user.grants.map((grant) => ({ ...grant, grantedBy: null, grantedAt: grant.role === 'resident' ? DEMO_RESIDENT_SINCE : options.at }));
      await tx.set(COLLECTIONS.users, user.openid, {
        name: user.name,
        communityId: user.communityId,
        grants,
        grantKeys: grants.map((grant) => grantKey(grant.role, grant.scopeId)),
        createdAt: options.at,
        updatedAt: options.at,
      });
    }
    return true;
  });
}
