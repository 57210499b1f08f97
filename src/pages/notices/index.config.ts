export default definePageConfig({
  navigationBarTitleText: '公示',
  enablePullDownRefresh: true,
});
