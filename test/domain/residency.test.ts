import type { RoleGrant } from '../../types/domain';
import { canChangeCommunity, canRateAsResident, joinCommunityGrants, RESIDENCY_CHANGE_DAYS, sameGrant } from '../../backend/domain/residency';

describe('a person is a resident of one community at a time', () => {
  it('a first join gives the resident grant and takes nothing', () => {
    expect(joinCommunityGrants([], 'c-zhongying')).toEqual({ revoke: [], grant: { role: 'resident', scopeId: 'c-zhongying' } });
  });

  it('moving takes the old resident grant and leaves staff grants alone', () => {
    const grants: RoleGrant[] = [
      { role: 'resident', scopeId: 'c-zhongying' },
      { role: 'community', scopeId: 'c-zhongying' },
      { role: 'street', scopeId: 's-haishan' },
    ];
    expect(joinCommunityGrants(grants, 'c-tianxin')).toEqual({
      revoke: [{ role: 'resident', scopeId: 'c-zhongying' }],
      grant: { role: 'resident', scopeId: 'c-tianxin' },
    });
  });

  it('joining the same community again keeps its one grant, and with it the day of joining', () => {
    expect(joinCommunityGrants([{ role: 'resident', scopeId: 'c-tianxin' }], 'c-tianxin')).toEqual({ revoke: [], grant: null });
  });

  test.each([
    [{ role: 'street', scopeId: 's-haishan' }, { role: 'street', scopeId: 's-haishan' }, true],
    [{ role: 'street', scopeId: 's-haishan' }, { role: 'street', scopeId: 's-shatoujiao' }, false],
    [{ role: 'street', scopeId: 's-haishan' }, { role: 'district', scopeId: 's-haishan' }, false],
  ] as [RoleGrant, RoleGrant, boolean][])('a role granted twice at one scope is one grant: %j and %j are the same: %p', (a, b, same) => {
    expect(sameGrant(a, b)).toBe(same);
  });
});

describe('M3: residency against community hopping', () => {
  const zhongying = { communityId: 'c-zhongying', since: '2026-03-01' };

  it('M3: a first join and joining one\'s own community again are always allowed', () => {
    expect(canChangeCommunity(null, 'c-tianxin', '2026-03-01')).toEqual({ ok: true });
    expect(canChangeCommunity(zhongying, 'c-zhongying', '2026-03-02')).toEqual({ ok: true });
  });

  it('M3: a resident changes community at most once in 30 days (too_early, saying from which day)', () => {
    expect(RESIDENCY_CHANGE_DAYS).toBe(30);
    const early = canChangeCommunity(zhongying, 'c-tianxin', '2026-03-30');
    expect(early).toMatchObject({ ok: false, error: { code: 'too_early', field: 'communityId' } });
    expect(JSON.stringify(early)).toContain('2026-03-31');
    expect(canChangeCommunity(zhongying, 'c-tianxin', '2026-03-31')).toEqual({ ok: true });
  });

  it('M3: a rating speaks only for a resident of the community who already lived there on the day of completion', () => {
    expect(canRateAsResident(zhongying, 'c-zhongying', '2026-03-01')).toEqual({ ok: true });
    expect(canRateAsResident(zhongying, 'c-zhongying', '2026-05-01')).toEqual({ ok: true });
    expect(canRateAsResident(zhongying, 'c-zhongying', '2026-02-28')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(canRateAsResident(zhongying, 'c-tianxin', '2026-05-01')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(canRateAsResident(null, 'c-zhongying', '2026-05-01')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
