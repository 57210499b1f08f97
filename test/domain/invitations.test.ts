import {
  INVITATION_ALPHABET,
  invitationCode,
  invitationExpiresAt,
  invitationStatus,
  normalizeInvitationCode,
  type InvitationRecord,
} from '../../backend/domain/invitations';

const AT = '2026-03-02T02:00:00.000Z';
const open: InvitationRecord = {
  code: 'ABCD2345',
  role: 'community',
  scopeId: 'c-zhongying',
  createdBy: 'u-street-shatoujiao',
  createdAt: AT,
  expiresAt: invitationExpiresAt(AT, 7),
  acceptedBy: null,
  acceptedAt: null,
  cancelledAt: null,
};

describe('invitation codes', () => {
  it('are 8 characters of an alphabet without look-alikes', () => {
    expect(INVITATION_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(INVITATION_ALPHABET).size).toBe(INVITATION_ALPHABET.length);
    expect(invitationCode([0, 1, 2, 3, 4, 5, 6, 30])).toBe('2345678Z');
  });

  test.each([[[1, 2, 3]], [[0, 0, 0, 0, 0, 0, 0, 31]], [[0, 0, 0, 0, 0, 0, 0, -1]], [[0, 0, 0, 0, 0, 0, 0, 1.5]]])('refuse draws %j', (draws) => {
    expect(() => invitationCode(draws)).toThrow(RangeError);
  });

  it('are read back whatever the case, spaces or dashes', () => {
    expect(normalizeInvitationCode(' abcd-2345 ')).toBe('ABCD2345');
  });
});

describe('an invitation is single use and expires', () => {
  it('expires whole days after it was made', () => {
    expect(invitationExpiresAt(AT, 7)).toBe('2026-03-09T02:00:00.000Z');
  });

  test.each<[string, Partial<InvitationRecord>, string, string]>([
    ['open before it expires', {}, '2026-03-09T01:59:59.000Z', 'open'],
    ['expired at its expiry instant', {}, '2026-03-09T02:00:00.000Z', 'expired'],
    ['accepted for good', { acceptedBy: 'u-x', acceptedAt: AT }, AT, 'accepted'],
    ['cancelled for good', { cancelledAt: AT }, AT, 'cancelled'],
  ])('%s', (_title, overrides, at, status) => {
    expect(invitationStatus({ ...open, ...overrides }, at)).toBe(status);
  });
});
