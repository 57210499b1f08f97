export default definePageConfig({ navigationBarTitleText: '区划管理' });
