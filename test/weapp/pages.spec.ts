import type { Backend } from './support/backend';

/**
 * What every page of the weapp shows to each role, on the demo data (spec/api.md "Demo data").
 * One entry per page of dist/weapp/app.json: pages.test.ts fails for a page without an entry, so a
 * new page needs a few lines here (test/weapp/README.md). Texts in `shows` must all be on the
 * screen; texts in `hides` must not be. Titles come from the server's demo data, not from here.
 */

export type Role = 'anonymous' | 'resident' | 'community' | 'street' | 'district';

export const OPENIDS: Record<Role, string | null> = {
  anonymous: null,
  resident: 'u-res-1',
  community: 'u-com-zhongying',
  street: 'u-street-shatoujiao',
  district: 'u-district-yantian',
};

export interface DemoRecord {
  id: string;
  title: string;
}

/** The demo proposals the pages are opened on, read from the server. */
export interface Demo {
  publicity: DemoRecord;
  submitted: DemoRecord;
  completed: DemoRecord;
  audited: DemoRecord;
  streetReview: DemoRecord;
}

export async function readDemo(backend: Backend): Promise<Demo> {
  const first = async (communityId: string, state: string): Promise<DemoRecord> => {
    const { items } = await backend.ok(null, 'proposal.list', { communityId, state });
    if (!items[0]) throw new Error(`the demo has no ${state} proposal in ${communityId}`);
    return { id: items[0].id, title: items[0].title };
  };
  return {
    publicity: await first('c-zhongying', 'publicity'),
    submitted: await first('c-zhongying', 'submitted'),
    completed: await first('c-zhongying', 'completed'),
    audited: await first('c-zhongying', 'audited'),
    streetReview: await first('c-qiaoyuan', 'street_review'),
  };
}

export interface Screen {
  shows: string[];
  hides?: string[];
}

export interface PageSpec {
  /** The query the page is opened with (none: the bare route). */
  query?: (demo: Demo) => string;
  /** What each role sees; a role left out cannot reach the page (say why in a comment). */
  screens: Partial<Record<Role, (demo: Demo) => Screen>>;
}

const NOT_COMMUNITY_STAFF = '您还不是社区工作人员';
const NOT_REVIEWER = '您没有街道、区或市的审核权限';

export const PAGE_SPECS: Record<string, PageSpec> = {
  'pages/home/index': {
    screens: {
      anonymous: () => ({ shows: ['社区名录', '中英街社区', '桥园社区', '田心社区'], hides: ['我要提议'] }),
      resident: (demo) => ({ shows: ['中英街社区', '我的社区', '你好，张小明', '我要提议', demo.publicity.title, demo.submitted.title, '2026 年资金台账'] }),
      community: () => ({ shows: ['你好，陈社工', '社区名录', '中英街社区'] }),
      street: () => ({ shows: ['你好，周审核', '社区名录'] }),
      district: () => ({ shows: ['你好，郑民政', '社区名录'] }),
    },
  },
  'pages/notices/index': {
    screens: {
      anonymous: () => ({ shows: ['请先在首页选择您所在的社区'] }),
      resident: (demo) => ({ shows: ['中英街社区', '正在公示', demo.publicity.title, '往期公示', demo.audited.title, '查看并发表意见'] }),
      community: () => ({ shows: ['请先在首页选择您所在的社区'] }),
      street: () => ({ shows: ['请先在首页选择您所在的社区'] }),
      district: () => ({ shows: ['请先在首页选择您所在的社区'] }),
    },
  },
  'pages/mine/index': {
    screens: {
      anonymous: () => ({ shows: ['您还没有登录', '大字模式'] }),
      resident: (demo) => ({ shows: ['张小明', '中英街社区 · 沙头角街道', '我的提议', demo.publicity.title, '我的意见和评价'], hides: ['加入您的社区'] }),
      // Staff who are not residents: their workbench, never the resident join form (issue 16).
      community: () => ({ shows: ['工作台', '进入社区工作台'], hides: ['加入您的社区', '人员管理'] }),
      street: () => ({ shows: ['工作台', '进入审核与监督', '人员管理（邀请、撤销）'], hides: ['加入您的社区', '区划管理'] }),
      district: () => ({ shows: ['工作台', '人员管理（邀请、撤销）', '区划管理'], hides: ['加入您的社区'] }),
    },
  },
  // Staff onboarding and the directory (issue 16).
  'onboarding/pages/staff/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      community: () => ({ shows: ['只有街道、区、市的管理员可以管理工作人员'] }),
      street: () => ({ shows: ['沙头角街道 · 人员管理', '角色', '单位', '生成邀请码：社区工作人员 · 中英街社区', '陈社工', '撤销', '没有未使用的邀请'], hides: ['吴审核'] }),
      district: () => ({ shows: ['盐田区 · 人员管理', '周审核', '吴审核'] }),
    },
  },
  'onboarding/pages/accept/index': {
    query: () => 'scene=ABCD2345',
    screens: {
      resident: () => ({ shows: ['接受工作人员邀请', '姓名', '接受邀请'] }),
      street: () => ({ shows: ['接受工作人员邀请'] }),
    },
  },
  'onboarding/pages/directory/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      street: () => ({ shows: ['只有区、市的管理员可以维护区划'] }),
      district: () => ({ shows: ['区划管理', '搜索社区、街道或区'] }),
    },
  },
  'pages/proposal-detail/index': {
    query: (demo) => `id=${demo.publicity.id}`,
    screens: {
      anonymous: (demo) => ({ shows: [demo.publicity.title, '提议人 张*明', '公示期截止', '办理进度'], hides: ['发表意见'] }),
      resident: (demo) => ({ shows: [demo.publicity.title, '张小明（我）', '居民意见', '发表意见', '社区回复'] }),
      community: (demo) => ({ shows: [demo.publicity.title, '提议人 张小明', '办理进度'], hides: ['发表意见'] }),
      street: (demo) => ({ shows: [demo.publicity.title, '提议人 张小明'] }),
      district: (demo) => ({ shows: [demo.publicity.title, '申请报告'] }),
    },
  },
  'pages/proposal-new/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录后再提议'] }),
      resident: () => ({ shows: ['项目类别', '工程类', '货物类', '服务类', '标题', '在地图上选择位置', '添加照片', '提交提议'] }),
      community: () => ({ shows: ['加入社区后才能提议'] }),
      street: () => ({ shows: ['加入社区后才能提议'] }),
      district: () => ({ shows: ['加入社区后才能提议'] }),
    },
  },
  'staff/pages/inbox/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: [NOT_COMMUNITY_STAFF] }),
      community: (demo) => ({ shows: ['中英街社区 · 社区工作台', '陈社工，您好', demo.submitted.title, '下一步：筛选（采纳或不采纳）', demo.publicity.title] }),
      street: () => ({ shows: [NOT_COMMUNITY_STAFF] }),
      district: () => ({ shows: [NOT_COMMUNITY_STAFF] }),
    },
  },
  'staff/pages/proposal/index': {
    query: (demo) => `id=${demo.submitted.id}`,
    screens: {
      // Proposals are public: others see the record without a step to take.
      anonymous: (demo) => ({ shows: [demo.submitted.title, '目前没有需要您办理的事项'], hides: ['采纳'] }),
      resident: (demo) => ({ shows: [demo.submitted.title, '目前没有需要您办理的事项'] }),
      community: (demo) => ({ shows: [demo.submitted.title, '筛选提议', '是否采纳', '不采纳'] }),
      street: (demo) => ({ shows: [demo.submitted.title, '目前没有需要您办理的事项'] }),
      district: (demo) => ({ shows: [demo.submitted.title, '目前没有需要您办理的事项'] }),
    },
  },
  'staff/pages/council/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['您还不是社区工作人员，不能办理议事会事项'] }),
      community: () => ({ shows: ['中英街社区 · 居民议事会', '发布议事公示', '录入表决结果'] }),
      street: () => ({ shows: ['您还不是社区工作人员，不能办理议事会事项'] }),
      district: () => ({ shows: ['您还不是社区工作人员，不能办理议事会事项'] }),
    },
  },
  'review/pages/queue/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: [NOT_REVIEWER] }),
      community: () => ({ shows: [NOT_REVIEWER] }),
      street: (demo) => ({ shows: ['沙头角街道 · 审核与监督', '待审核', demo.streetReview.title, '下一步：作出审核决定', '人员管理'] }),
      district: (demo) => ({ shows: ['盐田区 · 审核与监督', demo.streetReview.title, '区级设置'] }),
    },
  },
  'review/pages/decide/index': {
    query: (demo) => `id=${demo.streetReview.id}`,
    screens: {
      anonymous: (demo) => ({ shows: [demo.streetReview.title, '这个项目目前不在街道审核中'], hides: ['审核通过'] }),
      resident: (demo) => ({ shows: [demo.streetReview.title, '这个项目目前不在街道审核中'] }),
      community: (demo) => ({ shows: [demo.streetReview.title, '这个项目目前不在街道审核中'] }),
      street: (demo) => ({ shows: [demo.streetReview.title, '桥园社区 2026 年资金台账', '审核决定', '审核通过', '不通过', '转交职能部门'] }),
      district: (demo) => ({ shows: [demo.streetReview.title, '这个项目目前不在街道审核中'], hides: ['转交职能部门'] }),
    },
  },
  'review/pages/ledger/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['您没有查看各社区资金台账的权限'] }),
      community: () => ({ shows: ['您没有查看各社区资金台账的权限'] }),
      street: () => ({ shows: ['沙头角街道 · 资金台账', '中英街社区', '剩余 ¥880,000.00', '调整已下达资金'], hides: ['田心社区'] }),
      district: () => ({ shows: ['盐田区 · 资金台账', '中英街社区', '田心社区'], hides: ['调整已下达资金'] }),
    },
  },
  'review/pages/oversight/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['您没有监督检查的权限'] }),
      community: () => ({ shows: ['您没有监督检查的权限'] }),
      street: () => ({ shows: ['监督检查', '沙头角街道', '逾期事项', '材料缺失清单'] }),
      district: () => ({ shows: ['监督检查', '盐田区', '海山街道', '田心社区'] }),
    },
  },
  'review/pages/audit/index': {
    query: (demo) => `id=${demo.audited.id}`,
    screens: {
      anonymous: (demo) => ({ shows: [demo.audited.title, '审计结果', '实际支出¥35,200.00'] }),
      resident: (demo) => ({ shows: [demo.audited.title, '审计机构'] }),
      community: (demo) => ({ shows: [demo.audited.title, '审计机构'] }),
      street: (demo) => ({ shows: [demo.audited.title, '审计机构', '居民评价'] }),
      district: (demo) => ({ shows: [demo.audited.title, '审计机构'] }),
    },
  },
  'review/pages/district/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['您没有区级设置的权限'] }),
      community: () => ({ shows: ['您没有区级设置的权限'] }),
      street: () => ({ shows: ['沙头角街道 · 人员管理', '人员管理（邀请、撤销）'], hides: ['保存政策', 'openid'] }),
      district: () => ({ shows: ['盐田区 · 区级设置', '保存政策', '市级补助申请', '申报截止2026年11月30日'] }),
    },
  },
};
