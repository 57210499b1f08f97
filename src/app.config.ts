// Resident pages live in the main package; staff and review pages in subpackages, so the
// resident's first download stays small (design.md: main package ≤ 800 KB).
export default defineAppConfig({
  pages: ['pages/home/index'],
  subPackages: [
    { root: 'staff', pages: ['pages/inbox/index'] },
    { root: 'review', pages: ['pages/queue/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '民生微实事',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
});
