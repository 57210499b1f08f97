import { z } from 'zod';
import { invitationStatus } from '../../domain/invitations';
import { defineAction } from '../action';
import { ok } from '../answers';
import { invitationView } from '../onboarding';
import { authorizedScope } from '../scopes';

export const listInvitations = defineAction({
  name: 'invitation.list',
  summary: 'The open invitations (not used, cancelled or expired) for a unit and every unit below it, newest first — for the scopes that issue them.',
  schema: z.object({ scopeId: z.string().min(1).max(64).describe('a community, street or district id, or `city`') }),
  access: { signIn: true, permission: 'invitation.list' },
  audit: [],
  next: ['invitation.cancel'],
  async run(input, context) {
    const found = await authorizedScope(context, input.scopeId);
    if (!found.ok) return found;
    const { scope } = found;
    const items = await context.services.store.listInvitations(scope.filter);
    return ok({ items: items.filter((invitation) => invitationStatus(invitation, context.at) === 'open').map(invitationView) });
  },
});
