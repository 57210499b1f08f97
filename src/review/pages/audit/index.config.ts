export default definePageConfig({
  navigationBarTitleText: '审计结果',
  enablePullDownRefresh: true,
});
