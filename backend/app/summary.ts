import type { SummaryReport, SummaryRow, SummarySums } from '../../types/api';
import { addFigure, emptyFigures, summaryPeriod } from '../domain/summary';
import { averageStars } from '../domain/ratings';
import type { ScopeFilter, Store } from './ports/store.port';
import type { ResolvedScope } from './scopes';

/** The communities of a scope with their names, in the directory's order. */
async function communitiesOf(store: Store, scope: ResolvedScope, scopeId: string): Promise<{ id: string; name: string }[]> {
  const directory = await store.getDirectory();
  const within = (ids: { district: string; street: string; community: string }) =>
    scope.kind === 'city' ||
    (scope.kind === 'district' && ids.district === scopeId) ||
    (scope.kind === 'street' && ids.street === scopeId) ||
    (scope.kind === 'community' && ids.community === scopeId);
  return directory.districts.flatMap((district) =>
    district.streets.flatMap((street) =>
      street.communities.filter((community) => within({ district: district.id, street: street.id, community: community.id })).map(({ id, name }) => ({ id, name })),
    ),
  );
}

function emptySums(): SummarySums {
  return { ...emptyFigures(), plannedCount: 0, plannedFen: 0, overdue: 0, stalled: 0, meetingsHeld: 0, ratingAverage: 0 };
}

/**
 * R-RPT-1: the summary of a scope for a year, or for the year up to a quarter's end: one row per
 * community of the scope and the total. Every figure is read from running totals and indexed
 * counts (no record is opened). `export.create`'s `summary` kind writes these rows.
 *
 * `stalled` counts what `stalledOf` answers per community (app/stalls.ts: on the day asked, over
 * the records oversight.overdue looks at, by the same rule and policy `stallWorkingDays`) — the
 * one figure read from records, and only from those past a deadline.
 */
export async function buildSummary(
  store: Store,
  input: { scope: ResolvedScope; scopeId: string; year: number; quarter?: number; today: string },
  stalledOf: (filter: ScopeFilter) => Promise<Record<string, number>> = async () => ({}),
): Promise<SummaryReport> {
  const { scope, scopeId, year, quarter, today } = input;
  const period = summaryPeriod(year, quarter);
  const [communities, totals, counts, plans, stalled] = await Promise.all([
    communitiesOf(store, scope, scopeId),
    store.summaryTotals(scope.filter, year, quarter ?? 4),
    store.summaryCounts({ scope: scope.filter, today, year, from: period.from, through: period.through }),
    store.listPlans(scope.filter, year),
    stalledOf(scope.filter),
  ]);
  const rows = new Map<string, SummaryRow & { ratingSum: number; ratingCount: number }>(
    communities.map((community) => [community.id, { communityId: community.id, name: community.name, ...emptySums(), ratingSum: 0, ratingCount: 0 }]),
  );
  for (const total of totals) {
    const row = rows.get(total.communityId);
    if (row) addFigure(row, total.metric, total.value);
  }
  for (const count of counts) {
    const row = rows.get(count.communityId);
    if (!row) continue;
    Object.assign(row, { overdue: count.overdue, meetingsHeld: count.meetingsHeld, ratingSum: count.ratingSum, ratingCount: count.ratingCount });
  }
  for (const item of plans.flatMap((plan) => plan.items)) {
    const row = rows.get(item.communityId);
    if (row) Object.assign(row, { plannedCount: item.plannedCount, plannedFen: item.plannedFen });
  }
  for (const [communityId, n] of Object.entries(stalled)) {
    const row = rows.get(communityId);
    if (row) row.stalled = n;
  }
  const total = emptySums();
  let ratingSum = 0;
  let ratingCount = 0;
  const shown: SummaryRow[] = [];
  for (const { ratingSum: sum, ratingCount: n, ...row } of rows.values()) {
    row.ratingAverage = averageStars(sum, n);
    shown.push(row);
    ratingSum += sum;
    ratingCount += n;
    for (const [state, value] of Object.entries(row.byState)) total.byState[state as keyof typeof total.byState] = (total.byState[state as keyof typeof total.byState] ?? 0) + value;
    for (const [category, value] of Object.entries(row.byCategory)) {
      total.byCategory[category as keyof typeof total.byCategory] = (total.byCategory[category as keyof typeof total.byCategory] ?? 0) + value;
    }
    for (const key of ['changes', 'withdrawals', 'approvedFen', 'paidFen', 'auditedFen', 'plannedCount', 'plannedFen', 'overdue', 'stalled', 'meetingsHeld'] as const) {
      total[key] += row[key];
    }
  }
  total.ratingAverage = averageStars(ratingSum, ratingCount);
  return { scopeId, year, ...(quarter === undefined ? {} : { quarter }), ...period, rows: shown, total };
}
