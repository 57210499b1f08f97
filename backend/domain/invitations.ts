/**
 * Staff invitations: a short code a higher scope hands to a new staff member, who accepts it to
 * receive the role. The code is 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * so it can be read out or typed from a screen; it is single use and expires. Pure: the random
 * draws and the instant are arguments.
 */
import type { Role } from '../../types/api';

export const INVITATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITATION_CODE_LENGTH = 8;
export const INVITATION_DAYS = { min: 1, max: 30, default: 7 } as const;

export interface InvitationRecord {
  code: string;
  role: Role;
  scopeId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  /** Set once: accepted (with who accepted) or cancelled. */
  acceptedBy: string | null;
  acceptedAt: string | null;
  cancelledAt: string | null;
}

export type InvitationStatus = 'open' | 'accepted' | 'cancelled' | 'expired';

/** A code from draws in [0, alphabet length): one character per draw. */
export function invitationCode(draws: readonly number[]): string {
  if (draws.length !== INVITATION_CODE_LENGTH || draws.some((draw) => !Number.isInteger(draw) || draw < 0 || draw >= INVITATION_ALPHABET.length)) {
    throw new RangeError(`an invitation code takes ${INVITATION_CODE_LENGTH} draws below ${INVITATION_ALPHABET.length}`);
  }
  return draws.map((draw) => INVITATION_ALPHABET[draw]).join('');
}

/** The instant an invitation made at `at` stops working: `days` whole days later. */
export function invitationExpiresAt(at: string, days: number): string {
  return new Date(Date.parse(at) + days * 86_400_000).toISOString();
}

/** Where an invitation stands at instant `at`: used or cancelled for good, else open until it expires. */
export function invitationStatus(invitation: InvitationRecord, at: string): InvitationStatus {
  if (invitation.acceptedAt !== null) return 'accepted';
  if (invitation.cancelledAt !== null) return 'cancelled';
  return Date.parse(at) >= Date.parse(invitation.expiresAt) ? 'expired' : 'open';
}

/**
 * A code as typed: spaces and dashes dropped, upper case. Nothing else is checked — any other
 * string is simply not an invitation (not_found), so a format check would only help guessing.
 */
export function normalizeInvitationCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
