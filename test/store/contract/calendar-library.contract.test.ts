import { verifyChain } from '../../../backend/store/audit-chain';
import type { AuditDraft, Store } from '../../../backend/app/ports/store.port';
import { cloudBaseMemoryTarget, cloudBaseWxShimTarget, liveTarget, sqliteTarget, type OpenedStore, type StoreTarget } from './targets';

// Issue 16's part of the Store contract (the loaded calendar years, editing the library), run
// against every adapter like store.contract.test.ts.

const live = liveTarget();
const targets: StoreTarget[] = [sqliteTarget, cloudBaseMemoryTarget, cloudBaseWxShimTarget, ...(live ? [live] : [])];
const AT = '2026-12-01T02:00:00.000Z';

function auditOf(chainId: string, action: string, detail: Record<string, unknown> = {}): AuditDraft {
  return { chainId, at: AT, actor: 'u-contract', action, from: null, to: null, detail };
}

describe.each(targets)('the Store contract (calendar, library editing) on $name', (target) => {
  let opened: OpenedStore;
  let store: Store;

  beforeEach(async () => {
    opened = await target.open();
    store = opened.store;
  }, target.timeoutMs);

  afterEach(async () => {
    await opened?.close();
  });

  test('R-TIME-1: a loaded year is kept, listed oldest first, replaced by a second load, each load on its chain', async () => {
    expect(await store.listCalendarYears()).toEqual([]);
    const y2028 = { year: 2028, holidays: ['2028-01-01'], workdays: [], note: '通知 2028', setAt: AT, setBy: 'u-city' };
    const y2027 = { year: 2027, holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-14'], note: '通知 2027', setAt: AT, setBy: 'u-city' };
    expect(await store.saveCalendarYear({ year: y2028, audit: auditOf('calendar:2028', 'calendar.set') })).toEqual(y2028);
    await store.saveCalendarYear({ year: y2027, audit: auditOf('calendar:2027', 'calendar.set') });
    expect(await store.listCalendarYears()).toEqual([y2027, y2028]);

    const again = { ...y2027, holidays: ['2027-01-01'], note: '更正' };
    await store.saveCalendarYear({ year: again, audit: auditOf('calendar:2027', 'calendar.set') });
    expect(await store.listCalendarYears()).toEqual([again, y2028]);
    const trail = await store.auditTrail('calendar:2027');
    expect(trail.map((entry) => entry.seq)).toEqual([1, 2]);
    expect(verifyChain(trail)).toBeNull();
  }, target.timeoutMs);

  test('R-SUP-3: a library entry is found with its owner scope and updated with its audit entry', async () => {
    const entry = { id: 'lib-contract-1', title: '长者助餐', category: 'services' as const, plan: '方案', budgetLines: [{ item: '助餐', amountFen: 100_000 }], createdAt: AT };
    await store.addLibraryEntry({ entry, scopeId: 's-shatoujiao', createdBy: 'u-street-shatoujiao', audit: auditOf('library:lib-contract-1', 'library.add') });
    // R-SUP-3: the entry as read carries the unit it belongs to.
    const owned = { ...entry, scopeId: 's-shatoujiao' };
    expect(await store.findLibraryEntryOwner('lib-contract-1')).toEqual({ entry: owned, scopeId: 's-shatoujiao' });
    expect(await store.findLibraryEntryOwner('lib-none')).toBeNull();

    const edited = { ...owned, title: '长者助餐服务', budgetLines: [{ item: '助餐', amountFen: 120_000 }] };
    expect(await store.updateLibraryEntry({ entry: edited, audit: auditOf('library:lib-contract-1', 'library.update') })).toEqual(edited);
    expect(await store.findLibraryEntry('lib-contract-1')).toEqual(edited);
    expect(await store.findLibraryEntryOwner('lib-contract-1')).toEqual({ entry: edited, scopeId: 's-shatoujiao' });
    const trail = await store.auditTrail('library:lib-contract-1');
    expect(trail.map((e) => e.action)).toEqual(['library.add', 'library.update']);
    expect(verifyChain(trail)).toBeNull();
  }, target.timeoutMs);
});
