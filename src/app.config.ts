// Resident pages live in the main package; staff and review pages in subpackages, so the
// resident's first download stays small (design.md: main package ≤ 800 KB).
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/notices/index', 'pages/mine/index', 'pages/proposal-new/index', 'pages/proposal-detail/index'],
  subPackages: [
    { root: 'staff', pages: ['pages/inbox/index', 'pages/proposal/index', 'pages/council/index'] },
    {
      root: 'review',
      pages: ['pages/queue/index', 'pages/decide/index', 'pages/ledger/index', 'pages/oversight/index', 'pages/audit/index', 'pages/district/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '民生微实事',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f5f7',
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-active.png' },
      {
        pagePath: 'pages/notices/index',
        text: '公示',
        iconPath: 'assets/tab-notices.png',
        selectedIconPath: 'assets/tab-notices-active.png',
      },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab-mine.png', selectedIconPath: 'assets/tab-mine-active.png' },
    ],
  },
  // The proposal form lets a resident pick the place on a map (weapp).
  requiredPrivateInfos: ['chooseLocation'],
});
