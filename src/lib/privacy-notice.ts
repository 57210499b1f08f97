/**
 * The privacy notice a user reads in full and agrees to before joining a community (个人信息保护法:
 * informed consent before collecting personal information). Shown on the 我的 page.
 */
export const PRIVACY_NOTICE_TITLE = '个人信息保护告知';

/** The version of this notice and of the privacy guide: me.consent records it with the date it was agreed to. */
export const PRIVACY_NOTICE_VERSION = '2026.1';

export const PRIVACY_NOTICE: readonly { heading: string; body: string }[] = [
  {
    heading: '我们收集哪些信息',
    body: '您的微信身份标识（由微信提供，不含手机号）、您填写的称呼、您选择的社区，以及您提交的提议、照片、意见和评价。',
  },
  {
    heading: '用于什么',
    body: '仅用于民生微实事项目的征集、议事、公示、实施和评价：让社区工作人员了解并答复您的提议，并向您告知项目进度。',
  },
  {
    heading: '哪些内容会公开',
    body: '按照民生微实事公开透明的要求，提议内容、公示、意见和评价会在小程序中公开；您的称呼只以遮盖后的形式显示（如“张*明”），不会公开电话等个人信息。',
  },
  {
    heading: '谁能看到您的称呼',
    body: '只有您本人和负责该项目的社区、街道工作人员能看到完整称呼。',
  },
  {
    heading: '保存与删除',
    body: '项目记录按档案管理要求保存，操作记录不可修改。您可以在“我的 → 个人信息”查看和下载我们保存的您的全部信息，或注销账号；也可以向所在社区工作站申请查阅、更正。',
  },
  {
    heading: '您的选择',
    body: '您可以不同意本告知；不同意时仍可浏览公开内容，但不能加入社区、提出提议、发表意见或评价。',
  },
];
