export default definePageConfig({
  navigationBarTitleText: '资金台账',
  enablePullDownRefresh: true,
});
