import { z } from 'zod';
import { defineAction } from '../action';
import { ok } from '../answers';
import { authorizedScope } from '../scopes';
import { year } from '../schemas';
import { buildSummary } from '../summary';
import { stalledCountsOf } from '../stalls';
import { can } from '../../domain/permissions';

export const summarizeReport = defineAction({
  name: 'report.summary',
  summary:
    'The report upward of a street, district or the city for a year, or the year up to the end of a quarter (R-RPT-1): per community and in total, proposals by state and category, changes and withdrawals, approved / paid / audited sums, the plan against them, overdue and stalled counts (as the records stand today, whatever the quarter), council meetings held and the rating average; `allowedActions` names `plan.set` when the caller may set the plan of the street asked, and `export.create` when they may export it (kind `summary`).',
  schema: z.object({
    scopeId: z.string().min(1).max(64).describe('a community, street or district id, or `city`'),
    year,
    quarter: z.number().int().min(1).max(4).optional().describe('1–4: the year from 1 January to that quarter\'s end'),
  }),
  access: { signIn: true, permission: 'report.summary' },
  audit: [],
  next: ['plan.set'],
  async run(input, context) {
    const { store } = context.services;
    const found = await authorizedScope(context, input.scopeId);
    if (!found.ok) return found;
    const { scope } = found;
    const report = await buildSummary(store, { scope, scopeId: input.scopeId, year: input.year, quarter: input.quarter, today: context.today }, (filter) =>
      stalledCountsOf(store, filter, context.today, context.services.calendar),
    );
    // Issue 18 (summary screen): a street's summary offers its plan to whoever may set it.
    const allowedActions = [
      ...(scope.kind === 'street' && can(context.actor, 'plan.set', scope.target) ? ['plan.set'] : []),
      // The same report as a workbook (export.create kind summary), for whoever may export there.
      ...(can(context.actor, 'export.create', scope.target) ? ['export.create'] : []),
    ];
    return ok({ ...report, allowedActions });
  },
});
