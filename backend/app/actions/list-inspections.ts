import { z } from 'zod';
import type { InspectionKind } from '../../../types/domain';
import { INSPECTED_LEVELS, INSPECTOR_ROLE } from '../../domain/inspections';
import { dueChecksNow } from '../../domain/inspections.due';
import { can } from '../../domain/permissions';
import { defineAction } from '../action';
import { ok } from '../answers';
import { authorizedScope } from '../scopes';
import { year } from '../schemas';

const KINDS = Object.keys(INSPECTOR_ROLE) as InspectionKind[];

export const listInspections = defineAction({
  name: 'inspection.list',
  summary:
    'The checks of a unit and of every unit below it, latest first, with their findings and how each was resolved (R-INS-1); with the checks the unit is due this month (`due`, May and November) and what the caller may do here (`recordKinds`, `allowedActions`).',
  schema: z.object({ scopeId: z.string().min(1).max(64).describe('a community, street or district id, or `city`'), year: year.optional() }),
  access: { signIn: true, permission: 'inspection.list' },
  audit: [],
  next: ['inspection.resolve'],
  async run(input, context) {
    const { store } = context.services;
    const found = await authorizedScope(context, input.scopeId);
    if (!found.ok) return found;
    const { scope } = found;
    const items = await store.listInspections(scope.filter, input.year);
    // Issue 18 (inspection screens): the due checks of this month, read from this month's checks.
    let due: ReturnType<typeof dueChecksNow> = [];
    if (scope.kind === 'street' || scope.kind === 'district') {
      const thisYear = Number(context.today.slice(0, 4));
      const recent = input.year === thisYear ? items : await store.listInspections(scope.filter, thisYear);
      const directory = scope.kind === 'district' ? await store.getDirectory() : null;
      const streetIds = directory?.districts.find((district) => district.id === input.scopeId)?.streets.map((street) => street.id) ?? [];
      due = dueChecksNow({ level: scope.kind, id: input.scopeId, streetIds }, context.today, recent);
    }
    // A self-check or census covers this very unit; a sampling picks any unit below (the page asks which).
    const recordKinds = KINDS.filter(
      (kind) =>
        (kind === 'sampling' || (INSPECTED_LEVELS[kind] as readonly string[]).includes(scope.kind)) &&
        can(context.actor, 'inspection.record', { ...scope.target, inspectionKind: kind }),
    );
    const allowedActions = [
      ...(recordKinds.length > 0 ? ['inspection.record'] : []),
      ...(can(context.actor, 'inspection.resolve', scope.target) ? ['inspection.resolve'] : []),
    ];
    return ok({ items, due, recordKinds, allowedActions });
  },
});
