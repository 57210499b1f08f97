// The main package holds the tab pages only; everything else is a subpackage, so a resident's
// first download stays small (main package ≤ 386 KB, gated by scripts/size-gate.ts). The proposal
// form and the proposal detail are subpackages rooted at their own folders, so their paths stay
// `pages/proposal-new/index` and `pages/proposal-detail/index` on both platforms.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/notices/index', 'pages/mine/index', 'pages/inbox/index' /* notifications */, /* issue 17: 项目 tab */ 'pages/projects/index'],
  subPackages: [
    { root: 'pages/proposal-detail', pages: ['index'] },
    { root: 'pages/proposal-new', pages: ['index'] },
    // Issue 17: 我的 → 个人信息 (view, download, delete)
    { root: 'pages/my-data', pages: ['index'] },
    // Complaints and suggestions (issue 18): the resident's form and own list
    { root: 'pages/complaints', pages: ['index'] },
    { root: 'staff', pages: ['pages/inbox/index', 'pages/proposal/index', 'pages/council/index', /* issue 18: 代录 */ 'pages/behalf/index'] },
    {
      root: 'review',
      pages: [
        'pages/queue/index',
        'pages/decide/index',
        'pages/ledger/index',
        'pages/oversight/index',
        'pages/audit/index',
        'pages/district/index',
        // Issue 16: the working-day calendar and the project library
        'pages/calendar/index',
        'pages/library/index',
        // Issue 18 (summary, inspection and plan screens)
        'pages/summary/index',
        'pages/inspections/index',
        'pages/plan/index',
        // Issue 18 (complaints in scope)
        'pages/complaints/index',
      ],
    },
    // Staff onboarding and the directory (issue 16).
    { root: 'onboarding', pages: ['pages/staff/index', 'pages/accept/index', 'pages/directory/index'] },
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
      // issue 17: 项目 tab (every proposal, searched and filtered)
      {
        pagePath: 'pages/projects/index',
        text: '项目',
        iconPath: 'assets/tab-projects.png',
        selectedIconPath: 'assets/tab-projects-active.png',
      },
      {
        pagePath: 'pages/notices/index',
        text: '公示',
        iconPath: 'assets/tab-notices.png',
        selectedIconPath: 'assets/tab-notices-active.png',
      },
      // Notifications: the inbox, between 公示 and 我的 (src/lib/inbox-badge.ts keeps this order).
      { pagePath: 'pages/inbox/index', text: '消息', iconPath: 'assets/tab-inbox.png', selectedIconPath: 'assets/tab-inbox-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab-mine.png', selectedIconPath: 'assets/tab-mine-active.png' },
    ],
  },
  // A resident opens a proposal from every list: its package is fetched with the tab pages.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['pages/proposal-detail'] },
    'pages/notices/index': { network: 'all', packages: ['pages/proposal-detail'] },
    'pages/inbox/index': { network: 'all', packages: ['pages/proposal-detail'] }, // notifications
    // issue 17: 项目 tab
    'pages/projects/index': { network: 'all', packages: ['pages/proposal-detail'] },
  },
  // Pages' components are injected when first rendered, not all at launch (WeChat's audit).
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy authorisation: APIs that collect personal information wait until the user
  // agreed to the privacy guide (docs/privacy-guide.md) on the consent sheet (PrivacySheet).
  __usePrivacyCheck__: true,
  // The proposal form lets a resident pick the place on a map (weapp).
  requiredPrivateInfos: ['chooseLocation'],
});
