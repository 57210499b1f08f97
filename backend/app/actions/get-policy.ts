import { z } from 'zod';
import { yearOf } from '../../domain/calendar';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { policyFor } from '../proposals';
import { recordId, year } from '../schemas';
import { districtOf } from '../policies';

export const getPolicy = defineAction({
  name: 'policy.get',
  summary: 'The policy in force for a district and year — quota, services fee ratio, street and tender thresholds; the defaults until the district sets it. Public (R-TRN-1).',
  schema: z.object({ districtId: recordId.optional(), year: year.optional() }),
  access: { signIn: false, permission: 'policy.get' },
  audit: [],
  next: [],
  async run(input, context) {
    const districtId = await districtOf(context, input.districtId);
    if (input.districtId !== undefined && !districtId) return fail('not_found', '没有这个区', 'districtId');
    if (!districtId) return fail('invalid_input', '请指定区', 'districtId');
    return ok(await policyFor(context.services.store, districtId, input.year ?? yearOf(context.today)));
  },
});
