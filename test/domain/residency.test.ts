import type { RoleGrant } from '../../types/domain';
import { joinCommunityGrants, sameGrant } from '../../backend/domain/residency';

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

  it('joining the same community again renews its one grant', () => {
    expect(joinCommunityGrants([{ role: 'resident', scopeId: 'c-tianxin' }], 'c-tianxin')).toEqual({
      revoke: [{ role: 'resident', scopeId: 'c-tianxin' }],
      grant: { role: 'resident', scopeId: 'c-tianxin' },
    });
  });

  test.each([
    [{ role: 'street', scopeId: 's-haishan' }, { role: 'street', scopeId: 's-haishan' }, true],
    [{ role: 'street', scopeId: 's-haishan' }, { role: 'street', scopeId: 's-shatoujiao' }, false],
    [{ role: 'street', scopeId: 's-haishan' }, { role: 'district', scopeId: 's-haishan' }, false],
  ] as [RoleGrant, RoleGrant, boolean][])('a role granted twice at one scope is one grant: %j and %j are the same: %p', (a, b, same) => {
    expect(sameGrant(a, b)).toBe(same);
  });
});
