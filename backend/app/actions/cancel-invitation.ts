import { z } from 'zod';
import { normalizeInvitationCode } from '../../domain/invitations';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { invitationChain, invitationView } from '../onboarding';
import { resolveScope } from '../scopes';

export const cancelInvitation = defineAction({
  name: 'invitation.cancel',
  summary: 'Withdraws an open invitation; whoever may issue it may withdraw it. A used, cancelled or expired one is invalid_state.',
  schema: z.object({ code: z.string().min(1).max(64) }),
  access: { signIn: true, permission: 'invitation.cancel' },
  audit: ['invitation'],
  next: ['invitation.list'],
  async run(input, context) {
    const { store } = context.services;
    const code = normalizeInvitationCode(input.code);
    const invitation = await store.findInvitation(code);
    const scope = invitation ? await resolveScope(store, invitation.scopeId) : null;
    if (!invitation || !scope) return fail('not_found', '没有这个邀请码', 'code');
    const refused = context.authorize({ ...scope.target, grantRole: invitation.role });
    if (refused) return refused;
    const settled = await store.settleInvitation({
      code,
      outcome: 'cancel',
      openid: context.caller.openid as string,
      at: context.at,
      audit: [context.auditEntry({ chainId: invitationChain(code), detail: { cancelled: true } })],
    });
    if (!settled.ok) return fail('invalid_state', '邀请码已被使用、已撤回或已过期', 'code');
    return ok(invitationView(settled.value));
  },
});
