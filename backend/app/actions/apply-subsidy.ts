import { z } from 'zod';
import type { SubsidyApplication } from '../../../types/api';
import { subsidyDueOn } from '../../domain/deadlines';
import { CATEGORY_LABELS, STATE_LABELS } from '../../../common/glossary';
import { cityMatch } from '../../domain/policy';
import type { Store } from '../ports/store.port';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { toCsv, yuanCell } from '../csv';
import { districtOf } from '../policies';
import { recordId, year } from '../schemas';

/**
 * The application of a district-year as last made, by store: a district has thousands of
 * projects a year, and the store's running totals say by their version whether any of them
 * changed since. Each process keeps its own; the version, read from the store on every request,
 * keeps them true. What is kept is frozen: it is handed out again and again (and a door may
 * keep its encoding).
 */
const made = new WeakMap<Store, Map<string, { version: number; application: SubsidyApplication }>>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

async function applicationOf(store: Store, districtId: string, year: number): Promise<SubsidyApplication> {
  // The totals are kept running by the store (domain/subsidy.ts): no sum over the projects.
  const totals = await store.subsidyTotals(districtId, year);
  const communityCount = await store.countCommunities(districtId);
  const byKey = made.get(store) ?? new Map<string, { version: number; application: SubsidyApplication }>();
  made.set(store, byKey);
  const key = `${districtId}:${year}`;
  const known = byKey.get(key);
  if (known && known.version === totals.version && known.application.communityCount === communityCount) return known.application;
  const projects = await store.listApprovedInYear(districtId, year);
  const csv = toCsv(
    ['项目编号', '社区', '项目名称', '类别', '状态', '批复预算（元）'],
    projects.map((p) => [p.id, p.communityId, p.title, CATEGORY_LABELS[p.category], STATE_LABELS[p.state], yuanCell(p.approvedBudgetFen)]),
  );
  const application: SubsidyApplication = deepFreeze({
    districtId,
    year,
    projects,
    communityCount,
    totalApprovedFen: totals.approvedFen,
    cityMatchFen: cityMatch(totals.approvedFen, communityCount),
    // Placeholders: the dates are computed on each answer, on the calendar as it stands now.
    dueOn: { on: `${year}-11-30`, provisional: true },
    lateDueOn: { on: `${year + 1}-01-30`, provisional: true },
    csv,
  });
  byKey.set(key, { version: totals.version, application });
  return application;
}

export const applySubsidy = defineAction({
  name: 'subsidy.application',
  summary: 'The district\'s list of the year\'s approved projects for the city subsidy, with totals, the city\'s 1:1 match (≤ 1,000,000 CNY per community on average) and the due dates (R-FUN-3: 30 November and 30 January, rolled to the next working day, provisional in an unknown year), plus the list as CSV.',
  schema: z.object({ year, districtId: recordId.optional() }),
  access: { signIn: true, permission: 'subsidy.application' },
  audit: [],
  next: [],
  async run(input, context) {
    const { store } = context.services;
    const districtId = await districtOf(context, input.districtId);
    if (!districtId) return fail('not_found', '没有这个区', 'districtId');
    const refused = context.authorize({ districtId });
    if (refused) return refused;
    // R-FUN-3, R-TIME-3: the due dates on the calendar as it stands (a year loaded later stops them being provisional).
    return ok({ ...(await applicationOf(store, districtId, input.year)), ...subsidyDueOn(input.year, context.services.calendar) });
  },
});
