export default definePageConfig({
  navigationBarTitleText: '项目',
  enablePullDownRefresh: true,
});
