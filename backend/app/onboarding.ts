import { randomInt } from 'node:crypto';
import { retiredUnitOf, type DirectoryUnit } from '../domain/directory';
import { INVITATION_ALPHABET, INVITATION_CODE_LENGTH, invitationCode, type InvitationRecord } from '../domain/invitations';
import { CITY_SCOPE_ID, type ScopeTarget } from '../domain/scope';
import { fail } from './answers';
import type { Store } from './ports/store.port';

/** The audit chain of every change of the directory (an import, an added, renamed, moved or retired unit). */
export const directoryChain = () => 'directory:city';
/** The audit chain of one invitation: made, accepted or cancelled. */
export const invitationChain = (code: string) => `invitation:${code}`;

/** A fresh invitation code from the operating system's random source (the domain makes the code of the draws). */
export function drawInvitationCode(): string {
  return invitationCode(Array.from({ length: INVITATION_CODE_LENGTH }, () => randomInt(INVITATION_ALPHABET.length)));
}

/** Where a unit lies, as a permission target, with its parent taken from `parentId` (not the stored one). */
export function placeOfUnit(units: readonly DirectoryUnit[], unit: Pick<DirectoryUnit, 'id' | 'kind' | 'parentId'>): ScopeTarget {
  if (unit.kind === 'district') return { districtId: unit.id };
  const parent = units.find((candidate) => candidate.id === unit.parentId);
  if (unit.kind === 'street') return { streetId: unit.id, districtId: unit.parentId };
  return { communityId: unit.id, streetId: unit.parentId, districtId: parent?.parentId };
}

/** An invitation as the API shows it. */
export function invitationView(invitation: InvitationRecord) {
  return {
    code: invitation.code,
    role: invitation.role,
    scopeId: invitation.scopeId,
    expiresAt: invitation.expiresAt,
    createdAt: invitation.createdAt,
    createdBy: invitation.createdBy,
  };
}

const KIND_NAMES = { district: '区', street: '街道', community: '社区' } as const;

/**
 * The refusal of a unit that takes nothing new because it, or a unit above it, is retired
 * (`invalid_state`: the unit's state does not allow it), or null when it is open (R-DIR-1).
 */
export async function refuseRetiredUnit(store: Store, unitId: string, field: string, refused: string) {
  const retired = retiredUnitOf(await store.findUnitLine(unitId));
  if (!retired) return null;
  const which = retired.id === unitId ? retired.name : `所属${KIND_NAMES[retired.kind]}“${retired.name}”`;
  return fail('invalid_state', `${which}已撤销，${refused}`, field);
}

/** A retired community, or one under a retired street or district, takes no new residents and no new proposals. */
export const refuseRetiredCommunity = (store: Store, communityId: string) => refuseRetiredUnit(store, communityId, 'communityId', '不再接受新的居民和提议');

/** A retired unit takes no new staff: no invitation is made for it, and one made before is not redeemed. The city is never retired. */
export const refuseRetiredStaffUnit = async (store: Store, scopeId: string, field: string) =>
  scopeId === CITY_SCOPE_ID ? null : refuseRetiredUnit(store, scopeId, field, '不再接受新的工作人员');
