import type { Role } from '../../types/api';
import { CITY_SCOPE_ID } from '../domain/scope';

export { CITY_SCOPE_ID };

/** The demo data of spec/api.md, seeded into an empty store by `npm start`. */

export const demoDistricts = [{ id: 'd-yantian', name: '盐田区' }];

export const demoStreets = [
  { id: 's-shatoujiao', districtId: 'd-yantian', name: '沙头角街道' },
  { id: 's-haishan', districtId: 'd-yantian', name: '海山街道' },
];

export const demoCommunities = [
  { id: 'c-zhongying', streetId: 's-shatoujiao', name: '中英街社区' },
  { id: 'c-qiaoyuan', streetId: 's-shatoujiao', name: '桥园社区' },
  { id: 'c-tianxin', streetId: 's-haishan', name: '田心社区' },
];

export interface DemoUser {
  openid: string;
  name: string | null;
  /** The community the user lives in as a resident, if any. */
  communityId: string | null;
  grants: { role: Role; scopeId: string }[];
}


export const demoUsers: DemoUser[] = [
  { openid: 'u-res-1', name: '张小明', communityId: 'c-zhongying', grants: [{ role: 'resident', scopeId: 'c-zhongying' }] },
  { openid: 'u-res-2', name: '李秀英', communityId: 'c-zhongying', grants: [{ role: 'resident', scopeId: 'c-zhongying' }] },
  { openid: 'u-res-3', name: '王建国', communityId: 'c-tianxin', grants: [{ role: 'resident', scopeId: 'c-tianxin' }] },
  { openid: 'u-com-zhongying', name: '陈社工', communityId: null, grants: [{ role: 'community', scopeId: 'c-zhongying' }] },
  { openid: 'u-com-tianxin', name: '刘社工', communityId: null, grants: [{ role: 'community', scopeId: 'c-tianxin' }] },
  // Beyond spec/api.md's list: a worker and a resident of 桥园社区, so that its sample proposals
  // are made by the real use cases like the others.
  { openid: 'u-com-qiaoyuan', name: '黄社工', communityId: null, grants: [{ role: 'community', scopeId: 'c-qiaoyuan' }] },
  { openid: 'u-res-4', name: '林美华', communityId: 'c-qiaoyuan', grants: [{ role: 'resident', scopeId: 'c-qiaoyuan' }] },
  { openid: 'u-street-shatoujiao', name: '周审核', communityId: null, grants: [{ role: 'street', scopeId: 's-shatoujiao' }] },
  { openid: 'u-street-haishan', name: '吴审核', communityId: null, grants: [{ role: 'street', scopeId: 's-haishan' }] },
  { openid: 'u-district-yantian', name: '郑民政', communityId: null, grants: [{ role: 'district', scopeId: 'd-yantian' }] },
  { openid: 'u-city', name: '孙民政', communityId: null, grants: [{ role: 'city', scopeId: CITY_SCOPE_ID }] },
  // Beyond spec/api.md's list (issue 18): a read-only supervisor of the district (两代表一委员).
  { openid: 'u-supervisor-yantian', name: '何监督', communityId: null, grants: [{ role: 'supervisor', scopeId: 'd-yantian' }] },
];

/** spec/api.md: every community's quota is the policy's; the seed allocates half of it. */
export const DEFAULT_QUOTA_FEN = 200_000_000;

/**
 * Residency (hopping): the demo residents belong to their communities from 2020-01-01 (00:00 in
 * Asia/Shanghai), so that the demo's clock headers never make them newcomers.
 */
export const DEMO_RESIDENT_SINCE = '2019-12-31T16:00:00.000Z';
// Issue 14 (audit anchoring): the seed's first allocation of a ledger, as its chain's first entry.
export function seedAllocationEntry(communityId: string, year: number, at: string) {
  return {
    chainId: `ledger:${communityId}:${year}`,
    at,
    actor: 'system',
    action: 'ledger.seed',
    from: null,
    to: null,
    detail: { quotaFen: DEFAULT_QUOTA_FEN, fromAllocatedFen: 0, toAllocatedFen: DEFAULT_QUOTA_FEN / 2 },
  };
}
