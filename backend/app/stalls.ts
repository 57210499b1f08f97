import type { Policy, ProposalRecord } from '../../types/domain';
import type { WorkCalendar } from '../domain/calendar';
import { policyYearOf } from '../domain/lifecycle';
import { stalledOf } from '../domain/stall';
import type { ScopeFilter, Store } from './ports/store.port';
import { policyFor } from './proposals';

const PAGE = 200;

/**
 * stalledOf for the many records of one request: each district's policy of a year is read once,
 * not once per record (domain/stall.ts, by the policy of each record's year — an index made under
 * an older policy is judged afresh).
 */
export function stalledJudge(store: Store, today: string, calendar: WorkCalendar) {
  const policies = new Map<string, Promise<Policy>>();
  return async (record: ProposalRecord) => {
    const year = policyYearOf(record, today);
    const key = `${record.districtId}:${year}`;
    if (!policies.has(key)) policies.set(key, policyFor(store, record.districtId, year));
    return stalledOf(record, today, await policies.get(key)!, calendar);
  };
}

/**
 * Issue 18: the stalled projects of a scope on `today`, counted per community — the same records
 * and the same rule as oversight.overdue lists them. report.summary's `stalled` column.
 */
export async function stalledCountsOf(store: Store, filter: ScopeFilter, today: string, calendar: WorkCalendar): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const stalled = stalledJudge(store, today, calendar);
  let after: { on: string; id: string } | undefined;
  for (;;) {
    const slice = await store.listOverdueCandidates(filter, today, after, PAGE);
    for (const { record } of slice.items) {
      if (await stalled(record)) counts[record.communityId] = (counts[record.communityId] ?? 0) + 1;
    }
    const last = slice.items[slice.items.length - 1];
    if (!slice.more || !last) return counts;
    after = { on: last.openDeadlineOn, id: last.record.id };
  }
}
