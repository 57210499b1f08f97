import { z } from 'zod';
import { yearOf } from '../../domain/calendar';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { policyFor } from '../proposals';
import { recordId, year } from '../schemas';
import { districtOf } from '../policies';

/** policy.get: the policy in force for a district and year is public (R-TRN-1). */
export const getPolicy = defineUseCase({
  schema: z.object({ districtId: recordId.optional(), year: year.optional() }),
  requiresSignIn: false,
  async run(input, context) {
    const districtId = await districtOf(context, input.districtId);
    if (input.districtId !== undefined && !districtId) return fail('not_found', '没有这个区', 'districtId');
    if (!districtId) return fail('invalid_input', '请指定区', 'districtId');
    return ok(await policyFor(context.services.store, districtId, input.year ?? yearOf(context.today)));
  },
});
