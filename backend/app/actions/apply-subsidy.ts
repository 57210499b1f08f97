import { z } from 'zod';
import type { SubsidyApplication, SubsidyProject } from '../../../types/api';
import { subsidyDueOn } from '../../domain/deadlines';
import { CATEGORY_LABELS, STATE_LABELS } from '../../../common/glossary';
import { sumFen } from '../../domain/money';
import { cityMatch } from '../../domain/policy';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { toCsv, yuanCell } from '../csv';
import { districtOf } from '../policies';
import { recordId, year } from '../schemas';

export const applySubsidy = defineAction({
  name: 'subsidy.application',
  summary: 'The district\'s list of the year\'s approved projects for the city subsidy, with totals, the city\'s 1:1 match (≤ 1,000,000 CNY per community on average) and the due dates (R-FUN-3), plus the list as CSV.',
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
    const projects: SubsidyProject[] = await store.listApprovedInYear(districtId, input.year);
    const communityCount = await store.countCommunities(districtId);
    const totalApprovedFen = sumFen(projects.map((project) => project.approvedBudgetFen));
    const dates = subsidyDueOn(input.year);
    const csv = toCsv(
      ['项目编号', '社区', '项目名称', '类别', '状态', '批复预算（元）'],
      projects.map((p) => [p.id, p.communityId, p.title, CATEGORY_LABELS[p.category], STATE_LABELS[p.state], yuanCell(p.approvedBudgetFen)]),
    );
    const application: SubsidyApplication = {
      districtId,
      year: input.year,
      projects,
      communityCount,
      totalApprovedFen,
      cityMatchFen: cityMatch(totalApprovedFen, communityCount),
      dueOn: dates.dueOn,
      lateDueOn: dates.lateDueOn,
      csv,
    };
    return ok(application);
  },
});
