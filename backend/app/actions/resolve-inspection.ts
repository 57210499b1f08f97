import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { resolveFinding } from '../../domain/inspections';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { commitRefused } from '../proposals';
import { count, dateString, personText, recordId } from '../schemas';
import { inspectionChain } from './record-inspection';

export const resolveInspection = defineAction({
  name: 'inspection.resolve',
  summary: 'Records how one finding of a check was fixed, with the day and a note (R-INS-1); a finding is resolved once.',
  schema: z.object({ id: recordId, findingIndex: count.describe('the finding\'s place in `findings`, from 0'), resolvedOn: dateString, note: personText(TEXT_LIMITS.reason) }),
  access: { signIn: true, permission: 'inspection.resolve' },
  audit: ['inspection'],
  next: ['inspection.list'],
  async run(input, context) {
    const { store } = context.services;
    const found = await store.findInspection(input.id);
    if (!found) return fail('not_found', '没有这次检查', 'id');
    const refused = context.authorize(found.place);
    if (refused) return refused;
    const resolved = resolveFinding(found.inspection, input, context.today);
    if (!resolved.ok) return resolved;
    const committed = await store.updateInspection({
      inspection: resolved.value,
      expectedVersion: found.inspection.version,
      audit: context.auditEntry({
        chainId: inspectionChain(input.id),
        detail: { event: 'FindingResolved', findingIndex: input.findingIndex, resolvedOn: input.resolvedOn },
      }),
      outbox: [],
    });
    return committed.ok ? ok(committed.value) : commitRefused(committed);
  },
});
