export default definePageConfig({
  navigationBarTitleText: '区级设置',
  enablePullDownRefresh: true,
});
