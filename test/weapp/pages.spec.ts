import type { Backend } from './support/backend';

/**
 * What every page of the weapp shows to each role, on the demo data (spec/api.md "Demo data").
 * One entry per page of dist/weapp/app.json: pages.test.ts fails for a page without an entry, so a
 * new page needs a few lines here (test/weapp/README.md). Texts in `shows` must all be on the
 * screen; texts in `hides` must not be. Titles come from the server's demo data, not from here.
 */

export type Role = 'anonymous' | 'resident' | 'community' | 'street' | 'district' | 'supervisor';

export const OPENIDS: Record<Role, string | null> = {
  anonymous: null,
  resident: 'u-res-1',
  community: 'u-com-zhongying',
  street: 'u-street-shatoujiao',
  district: 'u-district-yantian',
  // Supervision (issue 18): the read-only supervisor of the district
  supervisor: 'u-supervisor-yantian',
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

/**
 * The demo's records for a journey test: an object filled in by a beforeAll once `backend()` is up
 * (so that tests read `demo.publicity.id` as they would a constant).
 */
export function useDemo(backend: () => Backend): Demo {
  const demo = {} as Demo;
  beforeAll(async () => {
    Object.assign(demo, await readDemo(backend()));
  });
  return demo;
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
const NO_COMPLAINTS = '您没有查看投诉建议的权限';
const NOT_BEHALF = '只有社区工作人员可以代录提议';

export const PAGE_SPECS: Record<string, PageSpec> = {
  'pages/home/index': {
    screens: {
      anonymous: () => ({ shows: ['社区名录', '中英街社区', '桥园社区', '田心社区'], hides: ['我要提议'] }),
      resident: (demo) => ({ shows: ['中英街社区', '我的社区', '你好，张小明', '我要提议', demo.publicity.title, demo.submitted.title, '2026 年资金台账', '议事日程', '近期没有已公布的议事会', '投诉建议'] }),
      community: () => ({ shows: ['你好，陈社工', '社区名录', '中英街社区'] }),
      street: () => ({ shows: ['你好，周审核', '社区名录'] }),
      district: () => ({ shows: ['你好，郑民政', '社区名录'] }),
    },
  },
  'pages/notices/index': {
    screens: {
      anonymous: () => ({ shows: ['请先在首页选择您所在的社区'] }),
      // issue 17: 公示中 shows first; 已结束 is one tap away (test/weapp/find-and-my-words.test.ts).
      resident: (demo) => ({ shows: ['中英街社区', '公示中', '已结束', '正在公示', demo.publicity.title, '查看并发表意见'], hides: [demo.audited.title] }),
      community: () => ({ shows: ['请先在首页选择您所在的社区'] }),
      street: () => ({ shows: ['请先在首页选择您所在的社区'] }),
      district: () => ({ shows: ['请先在首页选择您所在的社区'] }),
    },
  },
  'pages/mine/index': {
    screens: {
      anonymous: () => ({ shows: ['您还没有登录', '大字模式'] }),
      // issue 17: 我的意见 (none in the demo) and 我的评价 (the 4 stars u-res-1 gave the audited benches).
      resident: (demo) => ({ shows: ['张小明', '中英街社区 · 沙头角街道', '我的提议', demo.publicity.title, '我的意见', '您还没有发表过意见', '我的评价', demo.audited.title, '4 星', '查看个人信息'], hides: ['加入您的社区'] }),
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
  // Issue 17: 我的 → 个人信息
  'pages/my-data/index': {
    screens: {
      anonymous: () => ({ shows: ['您还没有登录'], hides: ['注销账号'] }),
      resident: (demo) => ({ shows: ['我们保存的您的信息', '张小明', '中英街社区 · 沙头角街道', demo.publicity.title, '下载我的信息', '注销账号'] }),
      community: () => ({ shows: ['我们保存的您的信息', '社区工作人员', '下载我的信息', '注销账号'] }),
      street: () => ({ shows: ['我们保存的您的信息', '街道审核人员', '注销账号'] }),
      district: () => ({ shows: ['我们保存的您的信息', '注销账号'] }),
    },
  },
  // Notifications: the inbox tab, for residents and staff alike.
  'pages/inbox/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['项目进展', '您的提议', '未读', '全部已读'], hides: ['还没有消息'] }),
      community: () => ({ shows: ['新提议待筛选', '请及时筛选', '全部已读'], hides: ['项目进展'] }),
      // The street's items depend on when the server's reminder job last ran: only that it is theirs.
      street: () => ({ shows: [], hides: ['请先登录', '项目进展'] }),
      district: () => ({ shows: [], hides: ['请先登录', '项目进展'] }),
    },
  },
  // issue 17: the 项目 tab — a resident starts on their community, everyone else on the whole city.
  'pages/projects/index': {
    screens: {
      anonymous: (demo) => ({ shows: ['搜索', '全市 · 全部状态', '个项目', demo.streetReview.title, demo.publicity.title, '桥园小区 3 栋楼道漏水维修'] }),
      resident: (demo) => ({ shows: ['搜索', '中英街社区 · 全部状态', '个项目', demo.publicity.title, demo.audited.title, demo.submitted.title], hides: [demo.streetReview.title] }),
      community: (demo) => ({ shows: ['全市 · 全部状态', demo.streetReview.title] }),
      street: (demo) => ({ shows: ['全市 · 全部状态', demo.streetReview.title] }),
      district: (demo) => ({ shows: ['全市 · 全部状态', demo.publicity.title] }),
    },
  },
  'pages/proposal-detail/index': {
    query: (demo) => `id=${demo.publicity.id}`,
    screens: {
      // Issue 16: 办理记录 for everyone; the audit trail's button for the staff in scope only.
      // Issue 18: the complaint entry needs a signed-in caller; the attach control the staff in scope.
      anonymous: (demo) => ({ shows: [demo.publicity.title, '提议人 张*明', '公示期截止', '办理进度', '办理记录', '发布公示，至'], hides: ['发表意见', '查看完整审计记录（工作人员）', '投诉建议', '添加资料'] }),
      resident: (demo) => ({ shows: [demo.publicity.title, '张小明（我）', '居民意见', '发表意见', '社区回复', '投诉建议'], hides: ['添加资料'] }),
      community: (demo) => ({ shows: [demo.publicity.title, '提议人 张小明', '办理进度', '资料', '添加资料（当前阶段：公示中）', '从聊天中选 PDF'], hides: ['发表意见'] }),
      street: (demo) => ({ shows: [demo.publicity.title, '提议人 张小明', '办理记录', '查看完整审计记录（工作人员）', '添加资料'] }),
      district: (demo) => ({ shows: [demo.publicity.title, '申请报告'], hides: ['添加资料'] }),
      supervisor: (demo) => ({ shows: [demo.publicity.title, '投诉建议'], hides: ['添加资料', '发表意见'] }),
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
      street: (demo) => ({ shows: ['沙头角街道 · 审核与监督', '待审核', demo.streetReview.title, '下一步：作出审核决定', '统计报表', '检查记录', '人员管理'] }),
      district: (demo) => ({ shows: ['盐田区 · 审核与监督', demo.streetReview.title, '区级设置', '投诉建议'] }),
      // Issue 18: the supervisor reads the district's queue; no settings, no grants, no decision.
      supervisor: (demo) => ({ shows: ['盐田区 · 审核与监督', '监督员', demo.streetReview.title, '资金台账', '监督检查', '投诉建议'], hides: ['区级设置', '授予角色', '人员管理'] }),
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
      supervisor: () => ({ shows: ['盐田区 · 资金台账', '中英街社区', '田心社区'], hides: ['调整已下达资金'] }),
    },
  },
  'review/pages/oversight/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['您没有监督检查的权限'] }),
      community: () => ({ shows: ['您没有监督检查的权限'] }),
      street: () => ({ shows: ['监督检查', '沙头角街道', '逾期事项', '材料缺失清单'] }),
      district: () => ({ shows: ['监督检查', '盐田区', '海山街道', '田心社区'] }),
      supervisor: () => ({ shows: ['监督检查', '盐田区', '逾期事项', '材料缺失清单'] }),
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
  // Issue 18 pages
  'pages/complaints/index': {
    query: () => 'communityId=c-zhongying',
    screens: {
      anonymous: () => ({ shows: ['填写投诉建议', '关于：中英街社区', '我的投诉建议', '请先登录'] }),
      resident: () => ({ shows: ['填写投诉建议', '关于：中英街社区', '不会公开', '提交投诉建议', '我的投诉建议', '您还没有提交过投诉建议'] }),
      community: () => ({ shows: ['关于：中英街社区', '您还没有提交过投诉建议'] }),
      street: () => ({ shows: ['关于：中英街社区', '您还没有提交过投诉建议'] }),
      district: () => ({ shows: ['关于：中英街社区', '您还没有提交过投诉建议'] }),
    },
  },
  'review/pages/complaints/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: [NO_COMPLAINTS] }),
      community: () => ({ shows: [NO_COMPLAINTS] }),
      street: () => ({ shows: ['投诉建议', '沙头角街道', '待答复', '没有待答复的投诉建议'] }),
      district: () => ({ shows: ['投诉建议', '盐田区', '海山街道', '没有待答复的投诉建议'] }),
      supervisor: () => ({ shows: ['投诉建议', '盐田区', '没有待答复的投诉建议'] }),
    },
  },
  'staff/pages/behalf/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: [NOT_BEHALF] }),
      community: () => ({ shows: ['中英街社区 · 代录提议', '提议人姓名', '收到渠道', '纸质意见', '电话', '上门走访', '意见箱', '提交代录的提议'] }),
      street: () => ({ shows: [NOT_BEHALF] }),
      district: () => ({ shows: [NOT_BEHALF] }),
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
  // Issue 16: the working-day calendar and the project library.
  'review/pages/calendar/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['工作日历', '2027 年现行安排', '尚未录入', '放假安排由市民政录入。'], hides: ['读取日期并在日历上显示'] }),
      district: () => ({ shows: ['工作日历', '2026 年', '尚未录入'], hides: ['读取日期并在日历上显示'] }),
    },
  },
  'review/pages/library/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      community: () => ({ shows: ['项目库', '中英街社区可用的项目', '项目库里还没有项目'], hides: ['新增项目库条目'] }),
      street: () => ({ shows: ['项目库', '新增项目库条目（沙头角街道）'] }),
    },
  },
  // Issue 18 (summary, inspection and plan screens). The harness's day is 2 March: no check is due.
  'review/pages/summary/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['您没有查看统计报表的权限'] }),
      community: () => ({ shows: ['您没有查看统计报表的权限'] }),
      street: () => ({ shows: ['沙头角街道 · 统计报表', '合计', '各状态项目数', '各社区资金', '计划与实际项目数', '中英街社区', '桥园社区', '设置 2026 年年度计划'], hides: ['田心社区'] }),
      district: () => ({ shows: ['盐田区 · 统计报表', '海山街道', '各社区资金', '田心社区'], hides: ['年度计划'] }),
    },
  },
  'review/pages/inspections/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['您没有查看检查记录的权限'] }),
      community: () => ({ shows: ['您没有查看检查记录的权限'] }),
      street: () => ({ shows: ['沙头角街道 · 检查记录', '登记检查', '这一年还没有检查记录'], hides: ['自查月'] }),
      district: () => ({ shows: ['盐田区 · 检查记录', '海山街道', '登记检查'] }),
    },
  },
  'review/pages/plan/index': {
    screens: {
      anonymous: () => ({ shows: ['请先登录'] }),
      resident: () => ({ shows: ['您没有设置年度计划的权限'] }),
      community: () => ({ shows: ['您没有设置年度计划的权限'] }),
      street: () => ({ shows: ['沙头角街道 · 2026 年年度计划', '中英街社区', '桥园社区', '计划项目数', '计划金额', '保存年度计划'], hides: ['田心社区'] }),
      district: () => ({ shows: ['您没有设置年度计划的权限'] }),
    },
  },
};
