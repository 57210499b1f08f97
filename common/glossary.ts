/**
 * The words on screen: one word for one thing, everywhere (docs/glossary.md). The server and the
 * mini-program both read them from here.
 * Also the lists of ids, in their order of the spec, for validation and for pages.
 */
import type { CommentStatus, Role } from '../types/api';
import type { Category, ChangeKind, DeadlineName, Exclusion, ProposalState, Source } from '../types/domain';
// Issue 18 (inspection and summary screens)
import type { InspectionKind } from '../types/domain';
// Issue 18 screens
import type { ComplaintOutcome, ComplaintStatus, DocumentKind, ProposalChannel } from '../types/domain';

export const STATE_LABELS: Readonly<Record<ProposalState, string>> = {
  submitted: '已提交',
  adopted: '已采纳',
  not_adopted: '未采纳',
  drafted: '申请报告已拟定',
  agenda_published: '待议事会审议',
  council_passed: '议事会通过',
  council_rejected: '议事会未通过',
  street_review: '街道审核中',
  approved: '审核通过',
  rejected: '未通过审核',
  transferred: '已转交职能部门',
  publicity: '公示中',
  implementing: '实施中',
  completed: '已完工',
  evaluated: '已评价',
  audited: '已审计',
  withdrawn: '已撤销',
};

/** R-CAT-1 */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  works: '工程类',
  goods: '货物类',
  services: '服务类',
};

/** R-SRC-1 */
export const SOURCE_LABELS: Readonly<Record<Source, string>> = {
  resident: '居民意见建议',
  party_member: '党员民主提案',
  organisation: '驻社区单位或社会组织',
  deputies: '两代表一委员',
  leader: '挂点领导建议',
  landscape_forest: '风景林工程配套',
  library: '项目库',
};

/** R-COL-2 */
export const EXCLUSION_LABELS: Readonly<Record<Exclusion, string>> = {
  property_duty: '属物业管理公司等主体职责',
  government_project: '与政府投资项目重复',
  other: '其他',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  resident: '居民',
  community: '社区工作人员',
  street: '街道审核人员',
  district: '区民政',
  city: '市民政',
  // Supervision (issue 18): 两代表一委员, the discipline office
  supervisor: '监督员',
};

export const PROPOSAL_STATES = Object.keys(STATE_LABELS) as ProposalState[];
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];
export const SOURCES = Object.keys(SOURCE_LABELS) as Source[];
export const EXCLUSIONS = Object.keys(EXCLUSION_LABELS) as Exclusion[];

export function isCategory(value: unknown): value is Category {
  return (CATEGORIES as unknown[]).includes(value);
}

export function isSource(value: unknown): value is Source {
  return (SOURCES as unknown[]).includes(value);
}

/** The running deadlines of a proposal (`ProposalView.deadlines`), as a page names them. */
export const DEADLINE_LABELS: Readonly<Record<DeadlineName, string>> = {
  reviewDueOn: '街道审核截止',
  publicityEndsOn: '公示期截止',
  startDueOn: '开工截止',
  completeDueOn: '完工截止',
};

/** What a community may ask the street for after approval (R-CHG-1). */
export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  adjust: '调整预算',
  withdraw: '撤销项目',
  // Revised plans (issue 18, R-PUB-3)
  revise: '修改实施方案',
};

// Archive, complaints, offline proposals (issue 18 screens)
/** The papers of a project's archive (R-SUP-1), in the order the attach form offers them. */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  minutes: '议事会会议记录',
  sign_in: '议事会签到表',
  notice_photo: '现场公示照片',
  contract: '合同',
  invoice: '发票',
  acceptance_report: '验收报告',
  audit_report: '审计报告',
  other: '其他材料',
};

/** How a proposal keyed in by community staff reached them (代录). */
export const CHANNEL_LABELS: Readonly<Record<ProposalChannel, string>> = {
  paper: '纸质意见',
  phone: '电话',
  visit: '上门走访',
  mailbox: '意见箱',
  other: '其他渠道',
};

export const COMPLAINT_STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = {
  open: '待答复',
  answered: '已答复',
};

export const COMPLAINT_OUTCOME_LABELS: Readonly<Record<ComplaintOutcome, string>> = {
  upheld: '属实，已处理',
  dismissed: '不属实',
  referred: '已转交有关部门',
};

// Personal data (issue 17 item 5): the name public records keep after their author deleted the account.
export const ERASED_PERSON_NAME = '已注销用户';
// Inbox (消息): the heading of each kind of notification (backend/domain/notifications.ts words
// the rest). A kind not listed here is shown under NOTIFICATION_FALLBACK_LABEL.
export const NOTIFICATION_KIND_LABELS: Readonly<Record<string, string>> = {
  proposal_state_changed: '项目进展',
  comment_answered: '意见已回复',
  rating_opened: '欢迎评价',
  proposal_submitted: '新提议待筛选',
  comment_received: '新意见待处理',
  change_requested: '变更申请待审批',
  deadline_near: '办理期限将至',
  deadline_overdue: '办理已逾期',
};
export const NOTIFICATION_FALLBACK_LABEL = '消息';
// Issue 18 (inspection and summary screens): the checks of 三(二) and the reports upward.
/** The checks of 三(二) (R-INS-1). */
export const INSPECTION_KIND_LABELS: Readonly<Record<InspectionKind, string>> = {
  self_check: '街道自查',
  census: '区级全面检查',
  sampling: '市级抽查',
};

/** The words of the summary screen (R-RPT-1, R-PLN-1). */
export const REPORT_WORDS = {
  summary: '统计报表',
  plan: '年度计划',
  planned: '计划',
  paid: '已支付',
  audited: '已审计',
  inspections: '检查记录',
  finding: '检查发现的问题',
  fixBy: '整改期限',
  resolved: '已整改',
  acceptance: '验收',
} as const;
// issue 17 (项目 tab): the state groups a resident filters by — every state in exactly one group.
export type StateGroup = 'submitted' | 'deliberating' | 'publicity' | 'implementing' | 'completed' | 'stopped';

export const STATE_GROUPS: Readonly<Record<StateGroup, { label: string; states: readonly ProposalState[] }>> = {
  submitted: { label: '已提交', states: ['submitted'] },
  deliberating: { label: '审议中', states: ['adopted', 'drafted', 'agenda_published', 'council_passed', 'street_review', 'approved'] },
  publicity: { label: '公示中', states: ['publicity'] },
  implementing: { label: '实施中', states: ['implementing'] },
  completed: { label: '已完工', states: ['completed', 'evaluated', 'audited'] },
  stopped: { label: '未实施', states: ['not_adopted', 'council_rejected', 'rejected', 'transferred', 'withdrawn'] },
};

/** How a resident's comment stands (R-PUB-2): only its author sees it pending or hidden. */
export const COMMENT_STATUS_LABELS: Readonly<Record<CommentStatus, string>> = {
  published: '已发表',
  pending: '待审核',
  hidden: '未公开',
};
