import { z } from 'zod';
import { INVITATION_DAYS, invitationExpiresAt, type InvitationRecord } from '../../domain/invitations';
import { ROLE_LEVEL } from '../../domain/staffing';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { drawInvitationCode, invitationChain, refuseRetiredStaffUnit } from '../onboarding';
import { resolveScope } from '../scopes';

/** Draws before giving up on a free code (a clash is one in ~10^11 per open code). */
const CODE_DRAWS = 5;

export const createInvitation = defineAction({
  name: 'invitation.create',
  summary:
    'Invites a new staff member: an 8-character code (no look-alike characters) for a role at a unit, single use, valid 1–30 days (7 by default). A street invites its communities\' workers, a district its streets\' and communities\' staff, the city anyone. A retired unit takes no new staff (R-DIR-1, `invalid_state`).',
  schema: z.object({
    role: z.enum(['community', 'street', 'district', 'city', 'supervisor']),
    scopeId: z.string().min(1).max(64).describe('the unit the role is for: a community, street or district id, or `city`'),
    expiresInDays: z.number().int().min(INVITATION_DAYS.min).max(INVITATION_DAYS.max).optional().describe('1–30, default 7'),
  }),
  access: { signIn: true, permission: 'invitation.create' },
  audit: ['invitation'],
  next: ['invitation.list', 'invitation.cancel'],
  async run(input, context) {
    const { store } = context.services;
    const scope = await resolveScope(store, input.scopeId);
    if (!scope) return fail('not_found', '没有这个范围', 'scopeId');
    if (scope.kind !== ROLE_LEVEL[input.role]) return fail('invalid_input', '角色与范围不匹配', 'scopeId');
    const refused = context.authorize({ ...scope.target, grantRole: input.role });
    if (refused) return refused;
    // A retired unit takes no new staff (R-DIR-1).
    const retired = await refuseRetiredStaffUnit(store, input.scopeId, 'scopeId');
    if (retired) return retired;
    const expiresAt = invitationExpiresAt(context.at, input.expiresInDays ?? INVITATION_DAYS.default);
    for (let draw = 0; draw < CODE_DRAWS; draw += 1) {
      const invitation: InvitationRecord = {
        code: drawInvitationCode(),
        role: input.role,
        scopeId: input.scopeId,
        createdBy: context.caller.openid as string,
        createdAt: context.at,
        expiresAt,
        acceptedBy: null,
        acceptedAt: null,
        cancelledAt: null,
      };
      const created = await store.createInvitation({
        invitation,
        audit: context.auditEntry({ chainId: invitationChain(invitation.code), detail: { role: input.role, scopeId: input.scopeId, expiresAt } }),
      });
      if (created.ok) return ok({ code: invitation.code, role: invitation.role, scopeId: invitation.scopeId, expiresAt });
    }
    return fail('conflict', '邀请码生成失败，请重试');
  },
});
