/**
 * The words on screen: one word for one thing, on every page (common/glossary.ts holds the shared ones).
 * The pages keep their own copy: the mini-program imports nothing from backend/.
 */
import type { ApiError, ErrorCode, Role } from '../../types/api';
import type { Category, DeadlineName, Exclusion, ProposalState, Source } from '../../types/domain';

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

/** How a state looks: a colour family for the badge (presentation only, never a rule). */
export type StateTone = 'progress' | 'notice' | 'done' | 'stopped';
export const STATE_TONES: Readonly<Record<ProposalState, StateTone>> = {
  submitted: 'progress',
  adopted: 'progress',
  not_adopted: 'stopped',
  drafted: 'progress',
  agenda_published: 'progress',
  council_passed: 'progress',
  council_rejected: 'stopped',
  street_review: 'progress',
  approved: 'progress',
  rejected: 'stopped',
  transferred: 'stopped',
  publicity: 'notice',
  implementing: 'progress',
  completed: 'done',
  evaluated: 'done',
  audited: 'done',
  withdrawn: 'stopped',
};

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  works: '工程类',
  goods: '货物类',
  services: '服务类',
};
export const CATEGORIES: readonly Category[] = ['works', 'goods', 'services'];

export const SOURCE_LABELS: Readonly<Record<Source, string>> = {
  resident: '居民意见建议',
  party_member: '党员民主提案',
  organisation: '驻社区单位或社会组织',
  deputies: '两代表一委员',
  leader: '挂点领导建议',
  landscape_forest: '风景林工程配套',
  library: '项目库',
};

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
};

/** The running deadlines of a proposal (spec/api.md `deadlines`). */
export const DEADLINE_LABELS: Readonly<Record<DeadlineName, string>> = {
  reviewDueOn: '街道审核截止',
  publicityEndsOn: '公示期截止',
  startDueOn: '开工截止',
  completeDueOn: '完工截止',
};

const FALLBACK_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  invalid_input: '填写的内容有误，请检查',
  unauthenticated: '请先登录',
  forbidden: '没有权限进行此操作',
  not_found: '没有找到这条记录',
  invalid_state: '当前状态不能进行此操作，请刷新后再试',
  window_closed: '已不在可操作的时间内',
  too_early: '时间未到，暂不能操作',
  budget_exceeded: '超出社区年度额度',
  fee_ratio_exceeded: '服务管理费超过规定比例',
  conflict: '内容已被他人更新，请刷新后再试',
  rate_limited: '操作太频繁，请稍后再试',
  content_rejected: '内容未通过安全检查，请修改后再试',
  internal: '系统繁忙，请稍后再试',
};

/** The sentence to show for an error: the server's own message, else one for its code. */
export function messageOf(error: ApiError): string {
  return error.message || FALLBACK_MESSAGES[error.code] || FALLBACK_MESSAGES.internal;
}
