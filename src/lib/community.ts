import Taro from '@tarojs/taro';
import type { Answer, Directory, HomeBoard, Me } from '../../types/api';
import { getDirectory, getHome, getMe } from '../api';
import { readDevIdentity } from '../api/dev-identity';
import { shanghaiDateOf } from './dates';

/** A community with the names of its street and district, as the directory gives them. */
export interface CommunityPlace {
  id: string;
  name: string;
  streetName: string;
  districtName: string;
}

export interface CommunityContext {
  /** Null for a visitor who is not signed in: everything public still shows (R-TRN-1). */
  me: Me | null;
  directory: Directory;
  /** The community the pages show: the one joined, else the one picked on the home page. */
  community: CommunityPlace | null;
  /** True when `community` is the one the user has joined. */
  joined: boolean;
}

/** The community a visitor picked to look at before joining one. */
const PICKED_KEY = 'home.communityId';

export function pickCommunity(id: string | null): void {
  try {
    if (id) Taro.setStorageSync(PICKED_KEY, id);
    else Taro.removeStorageSync(PICKED_KEY);
  } catch {
    // Without storage the pick lasts as long as the page.
  }
}

function pickedCommunity(): string | null {
  try {
    return Taro.getStorageSync(PICKED_KEY) || null;
  } catch {
    return null;
  }
}

export function findCommunity(directory: Directory, id: string | null): CommunityPlace | null {
  if (!id) return null;
  for (const district of directory.districts) {
    for (const street of district.streets) {
      const community = street.communities.find((entry) => entry.id === id);
      if (community) return { id: community.id, name: community.name, streetName: street.name, districtName: district.name };
    }
  }
  return null;
}

/** The signed-in user, or null when not signed in; any other failure is an error. */
export async function loadMe(): Promise<Answer<Me | null>> {
  const me = await getMe();
  if (me.ok) return me;
  return me.error.code === 'unauthenticated' ? { ok: true, data: null } : me;
}

export async function loadCommunityContext(): Promise<Answer<CommunityContext>> {
  const [directory, me] = await Promise.all([getDirectory(), loadMe()]);
  if (!directory.ok) return directory;
  if (!me.ok) return me;
  const joinedId = me.data?.communityId ?? null;
  const community = findCommunity(directory.data, joinedId ?? pickedCommunity());
  return { ok: true, data: { me: me.data, directory: directory.data, community, joined: Boolean(joinedId) && community?.id === joinedId } };
}

// --- issue 17 (first paint): the home page's context and board in one request (home.get) ---

export interface HomeContext extends CommunityContext {
  /** The community's first proposals of each section and its ledger; null when no community is shown. */
  board: HomeBoard | null;
}

export async function loadHomeContext(): Promise<Answer<HomeContext>> {
  const picked = pickedCommunity();
  const home = await getHome({ year: currentYear(), ...(picked ? { communityId: picked } : {}) });
  if (!home.ok) return home;
  const { me, directory, board, joined } = home.data;
  const community = board ? findCommunity(directory, board.communityId) : null;
  return { ok: true, data: { me, directory, community, joined, board } };
}

/**
 * The year whose ledger the home page shows: the day chosen in the local dev bar, else today in
 * Asia/Shanghai.
 */
export function currentYear(now: number = Date.now()): number {
  const day = readDevIdentity().day ?? shanghaiDateOf(now);
  return Number(day.slice(0, 4));
}
