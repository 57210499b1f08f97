import { z } from 'zod';
import { invitationStatus, normalizeInvitationCode } from '../../domain/invitations';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { resolveScope } from '../scopes';

/** The page a scanned invitation opens, with the code as its `scene`. */
export const ACCEPT_PAGE = 'onboarding/pages/accept/index';

export const invitationWxacode = defineAction({
  name: 'invitation.wxacode',
  summary:
    'The mini-program code of an open invitation (scene = the code, opening the invitation page), as a PNG data URL, for the issuer\'s scope — made by WeChat in the cloud function; locally there is none (invalid_state), the H5 page draws a QR image.',
  schema: z.object({ code: z.string().min(1).max(64) }),
  access: { signIn: true, permission: 'invitation.list' },
  audit: [],
  next: ['invitation.cancel'],
  async run(input, context) {
    const { store, miniProgramCodes } = context.services;
    const code = normalizeInvitationCode(input.code);
    const invitation = await store.findInvitation(code);
    const scope = invitation ? await resolveScope(store, invitation.scopeId) : null;
    if (!invitation || !scope) return fail('not_found', '没有这个邀请码', 'code');
    const refused = context.authorize(scope.target);
    if (refused) return refused;
    if (invitationStatus(invitation, context.at) !== 'open') return fail('invalid_state', '邀请码已被使用、已撤回或已过期', 'code');
    if (!miniProgramCodes) return fail('invalid_state', '本地环境不生成小程序码');
    const png = await miniProgramCodes.make({ scene: code, page: ACCEPT_PAGE });
    return ok({ image: `data:image/png;base64,${Buffer.from(png).toString('base64')}` });
  },
});
