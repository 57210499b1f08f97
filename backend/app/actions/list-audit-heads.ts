import { z } from 'zod';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { dayHeadsOf, type DayHead } from '../audit-days';
import { dateString } from '../schemas';

export const listAuditHeads = defineAction({
  name: 'audit.heads',
  summary:
    'The head of the whole audit trail at the end of each day (today\'s so far included), public so that anyone can keep a copy: every entry of every chain, in the order it was appended, folded into one running sha256 (days in Asia/Shanghai); `npm run audit:verify --anchor FILE` reports a kept head the trail no longer reproduces (R-SUP-2).',
  schema: z.object({
    from: dateString.optional().describe('the first day to list (Asia/Shanghai), inclusive'),
    to: dateString.optional().describe('the last day to list, inclusive'),
  }),
  access: { signIn: false, permission: 'audit.heads' },
  audit: [],
  next: [],
  async run(input, context) {
    const refused = context.authorize({});
    if (refused) return refused;
    if (input.from && input.to && input.from > input.to) return fail('invalid_input', '开始日期不能晚于结束日期', 'from');
    const items: DayHead[] = (await dayHeadsOf(context.services.store)).filter(
      (head) => (!input.from || head.day >= input.from) && (!input.to || head.day <= input.to),
    );
    return ok({ items });
  },
});
