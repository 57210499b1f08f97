import type { Policy } from '../../types/domain';
import type { WorkCalendar } from '../domain/calendar';
import { policyYearOf } from '../domain/lifecycle';
import { stalledOf } from '../domain/stall';
import type { ScopeFilter, Store } from './ports/store.port';
import { policyFor } from './proposals';

const PAGE = 200;

/**
 * Issue 18: the stalled projects of a scope on `today`, counted per community — the same records
 * and the same rule (domain/stall.ts, by the policy of each record's year) as oversight.overdue
 * lists them. report.summary's `stalled` column.
 */
export async function stalledCountsOf(store: Store, filter: ScopeFilter, today: string, calendar: WorkCalendar): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const policies = new Map<string, Policy>();
  let after: { on: string; id: string } | undefined;
  for (;;) {
    const slice = await store.listOverdueCandidates(filter, today, after, PAGE);
    for (const { record } of slice.items) {
      const key = `${record.districtId}:${policyYearOf(record, today)}`;
      if (!policies.has(key)) policies.set(key, await policyFor(store, record.districtId, policyYearOf(record, today)));
      if (stalledOf(record, today, policies.get(key)!, calendar)) counts[record.communityId] = (counts[record.communityId] ?? 0) + 1;
    }
    const last = slice.items[slice.items.length - 1];
    if (!slice.more || !last) return counts;
    after = { on: last.openDeadlineOn, id: last.record.id };
  }
}
