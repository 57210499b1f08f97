export default definePageConfig({
  navigationBarTitleText: '审核与监督',
  enablePullDownRefresh: true,
});
