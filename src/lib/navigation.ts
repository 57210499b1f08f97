import Taro from '@tarojs/taro';

/** The pages of the resident's main package and the staff subpackages' entries. */
export const PAGES = {
  home: '/pages/home/index',
  notices: '/pages/notices/index',
  mine: '/pages/mine/index',
  inbox: '/pages/inbox/index',
  // issue 17: 项目 tab
  projects: '/pages/projects/index',
  proposalNew: '/pages/proposal-new/index',
  proposalDetail: '/pages/proposal-detail/index',
  staffInbox: '/staff/pages/inbox/index',
  reviewQueue: '/review/pages/queue/index',
  // Issue 17: 我的 → 个人信息
  myData: '/pages/my-data/index',
  // Complaints and suggestions (issue 18)
  complaints: '/pages/complaints/index',
} as const;

export function proposalPath(id: string, extra: Record<string, string> = {}): string {
  const query = Object.entries({ id, ...extra })
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `${PAGES.proposalDetail}?${query}`;
}

export function openProposal(id: string): void {
  void Taro.navigateTo({ url: proposalPath(id) });
}

export function openTab(path: typeof PAGES.home | typeof PAGES.notices | typeof PAGES.mine | typeof PAGES.projects): void {
  void Taro.switchTab({ url: path });
}

export function openPage(url: string): void {
  void Taro.navigateTo({ url });
}
