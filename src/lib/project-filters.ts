import { CATEGORY_LABELS, STATE_GROUPS, type StateGroup } from '../../common/glossary';
import type { Directory } from '../../types/api';
import type { Category } from '../../types/domain';
import type { ProposalListRequest } from '../api';

/**
 * What the 项目 tab is asked to show: a place (a district, a street of it, a community of that
 * street — each null for 全部), a state group, a category, a year and the search text.
 */
export interface ProjectFilter {
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
  group: StateGroup | null;
  category: Category | null;
  year: number | null;
  q: string;
}

export const NO_FILTER: ProjectFilter = { districtId: null, streetId: null, communityId: null, group: null, category: null, year: null, q: '' };

/** The filter narrowed to one community of the directory (its street and district with it). */
export function communityFilter(directory: Directory, communityId: string): ProjectFilter {
  for (const district of directory.districts) {
    for (const street of district.streets) {
      if (street.communities.some((community) => community.id === communityId)) {
        return { ...NO_FILTER, districtId: district.id, streetId: street.id, communityId };
      }
    }
  }
  return NO_FILTER;
}

/** proposal.list's payload for a filter: the narrowest place chosen, the group's states. */
export function listRequestOf(filter: ProjectFilter, cursor?: string): ProposalListRequest {
  const q = filter.q.trim();
  return {
    ...(filter.communityId ? { communityId: filter.communityId } : filter.streetId ? { streetId: filter.streetId } : filter.districtId ? { districtId: filter.districtId } : {}),
    ...(filter.group ? { states: [...STATE_GROUPS[filter.group].states] } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.year ? { year: filter.year } : {}),
    ...(q ? { q } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** The filter in a few words, for the line above the results: 中英街社区 · 已完工 · 工程类 · 2026 年. */
export function describeFilter(filter: ProjectFilter, directory: Directory): string {
  const district = directory.districts.find((entry) => entry.id === filter.districtId);
  const street = district?.streets.find((entry) => entry.id === filter.streetId);
  const community = street?.communities.find((entry) => entry.id === filter.communityId);
  const place = community?.name ?? street?.name ?? district?.name ?? '全市';
  return [
    place,
    filter.group ? STATE_GROUPS[filter.group].label : '全部状态',
    filter.category ? CATEGORY_LABELS[filter.category] : null,
    filter.year ? `${filter.year} 年` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** `total` as the page says it: the server stops counting at 10,000. */
export function totalText(total: number): string {
  return total >= 10_000 ? '10,000 个以上' : `${total.toLocaleString('en-US')} 个`;
}

// A tab cannot be opened with a query (switchTab): the page that sends the resident to 项目 leaves
// the filter here and the 项目 tab takes it when it shows.
let handedOver: ProjectFilter | null = null;
const takers = new Set<() => void>();

export function handOverFilter(filter: ProjectFilter): void {
  handedOver = filter;
  takers.forEach((taker) => taker());
}

/** The filter another page left for the 项目 tab, once. */
export function takeHandedOverFilter(): ProjectFilter | null {
  const filter = handedOver;
  handedOver = null;
  return filter;
}

/** Called when a filter is handed over while the 项目 tab is already open (tab pages stay mounted). */
export function onHandOver(taker: () => void): () => void {
  takers.add(taker);
  return () => {
    takers.delete(taker);
  };
}
