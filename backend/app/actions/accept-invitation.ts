import { z } from 'zod';
import { TEXT_LIMITS } from '../../../common/limits';
import { invitationStatus, normalizeInvitationCode } from '../../domain/invitations';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { hourWindowOf } from '../comments';
import { invitationChain, refuseRetiredStaffUnit } from '../onboarding';
import { userChain } from '../proposals';
import { personText } from '../schemas';

/** Codes one person may try in an hour: enough for typos, far too few to guess one (31^8 codes). */
export const ACCEPT_ATTEMPTS_PER_HOUR = 10;

export const acceptInvitation = defineAction({
  name: 'invitation.accept',
  summary:
    'Redeems an invitation code: the caller receives its role at its unit (and, with `name`, is named by it when they have no name yet). Single use; an expired, cancelled or used code is invalid_state, any other string not_found (codes are not format-checked); a code for a unit retired since is invalid_state (R-DIR-1); at most 10 tries an hour.',
  schema: z.object({
    code: z.string().min(1).max(64).describe('the code as shown or scanned; spaces, dashes and case do not matter'),
    name: personText(TEXT_LIMITS.name).optional().describe('the new staff member\'s name for the staff list (人员管理); a name already held stays'),
  }),
  access: { signIn: true, permission: 'invitation.accept' },
  audit: ['invitation', 'user'],
  next: ['me.get'],
  async run(input, context) {
    const refused = context.authorize({});
    if (refused) return refused;
    const { store } = context.services;
    const openid = context.caller.openid as string;
    // Every try counts, a wrong one too: guessing stops long before it could succeed.
    const counted = await store.countAttempt({ openid, action: 'invitation.accept', windowStart: hourWindowOf(context.at), max: ACCEPT_ATTEMPTS_PER_HOUR });
    if (!counted) return fail('rate_limited', '尝试次数过多，请一小时后再试');
    const code = normalizeInvitationCode(input.code);
    const invitation = await store.findInvitation(code);
    if (!invitation) return fail('not_found', '没有这个邀请码', 'code');
    const status = invitationStatus(invitation, context.at);
    if (status !== 'open') return fail('invalid_state', STATUS_MESSAGES[status], 'code');
    // A unit retired after the code was made takes no new staff either (R-DIR-1).
    const retired = await refuseRetiredStaffUnit(store, invitation.scopeId, 'code');
    if (retired) return retired;
    const settled = await store.settleInvitation({
      code,
      outcome: 'accept',
      openid,
      ...(input.name !== undefined ? { name: input.name } : {}),
      at: context.at,
      audit: [
        context.auditEntry({ chainId: invitationChain(code), detail: { accepted: true } }),
        context.auditEntry({ chainId: userChain(openid), detail: { role: invitation.role, scopeId: invitation.scopeId, invitation: code } }),
      ],
    });
    if (!settled.ok) return fail('invalid_state', '邀请码已被使用或已撤回', 'code');
    return ok({ role: invitation.role, scopeId: invitation.scopeId });
  },
});

const STATUS_MESSAGES = {
  accepted: '邀请码已被使用',
  cancelled: '邀请码已被撤回',
  expired: '邀请码已过期，请联系邀请人重新生成',
} as const;
