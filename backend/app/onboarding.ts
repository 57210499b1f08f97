import { randomInt } from 'node:crypto';
import type { DirectoryUnit } from '../domain/directory';
import { INVITATION_ALPHABET, INVITATION_CODE_LENGTH, invitationCode, type InvitationRecord } from '../domain/invitations';
import type { ScopeTarget } from '../domain/scope';

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
