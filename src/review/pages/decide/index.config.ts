export default definePageConfig({
  navigationBarTitleText: '街道审核',
  enablePullDownRefresh: true,
});
