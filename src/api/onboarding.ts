import type { RequestOf } from './transport.types';
import { send } from './transport';

// Directory upkeep and staff onboarding (issue 16): imported only by the `onboarding` subpackage
// (and 我的 for accepting an invitation).
export const listUnits = () => send('directory.units', {});
export const upsertUnit = (request: RequestOf<'directory.upsert'>) => send('directory.upsert', request);
export const createInvitation = (request: RequestOf<'invitation.create'>) => send('invitation.create', request);
export const acceptInvitation = (request: RequestOf<'invitation.accept'>) => send('invitation.accept', request);
export const listInvitations = (scopeId: string) => send('invitation.list', { scopeId });
export const cancelInvitation = (code: string) => send('invitation.cancel', { code });
export const listRoles = (scopeId: string) => send('role.list', { scopeId });
export const revokeRole = (request: RequestOf<'role.revoke'>) => send('role.revoke', request);
