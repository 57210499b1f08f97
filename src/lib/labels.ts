/**
 * How the words look and what an error says. The words themselves (states, categories, sources,
 * roles, deadlines…) are common/glossary's, the same the server writes into messages and exports:
 * this file holds only what is presentation.
 */
import { humanizeDates } from '../../common/dates';
import type { ApiError, ErrorCode } from '../../types/api';
import type { ProposalState } from '../../types/domain';

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
  // Dates as people read them (12月5日), also where a message carries an ISO date.
  return humanizeDates(error.message || FALLBACK_MESSAGES[error.code] || FALLBACK_MESSAGES.internal);
}
