import type { ProposalView } from '../../../types/api';

export { allows } from '../../lib/proposal';

/** The pages of the two staff subpackages. */
export const STAFF_PAGES = {
  inbox: '/staff/pages/inbox/index',
  proposal: '/staff/pages/proposal/index',
  council: '/staff/pages/council/index',
  queue: '/review/pages/queue/index',
  decide: '/review/pages/decide/index',
  ledger: '/review/pages/ledger/index',
  oversight: '/review/pages/oversight/index',
  audit: '/review/pages/audit/index',
  district: '/review/pages/district/index',
  publicDetail: '/pages/proposal-detail/index',
  // Issue 16
  calendar: '/review/pages/calendar/index',
  library: '/review/pages/library/index',
  // Issue 18 (summary, inspection and plan screens)
  summary: '/review/pages/summary/index',
  inspections: '/review/pages/inspections/index',
  plan: '/review/pages/plan/index',
  // Complaints in scope (issue 18)
  complaints: '/review/pages/complaints/index',
  behalf: '/staff/pages/behalf/index',
} as const;

export function pageWithId(page: string, id: string): string {
  return `${page}?id=${encodeURIComponent(id)}`;
}

/** The next step of a record for the caller, named after the first allowed action (server's list). */
const NEXT_STEP: Readonly<Record<string, string>> = {
  'proposal.screen': '筛选（采纳或不采纳）',
  'proposal.draftReport': '拟定申请报告',
  'council.publishAgenda': '列入议事公示',
  'council.recordVote': '录入议事会表决结果',
  'proposal.submitToStreet': '提交街道审核',
  'review.decide': '作出审核决定',
  'publicity.publish': '发布公示',
  'implementation.assign': '确定实施主体',
  'implementation.start': '登记开始实施',
  'implementation.complete': '登记完工',
  'evaluation.publish': '发布评价结果',
  'audit.publish': '发布审计结果',
  'change.decide': '审核变更申请',
  // Issue 18 (acceptance redo)
  'implementation.accept': '登记验收',
};

export function nextStepOf(proposal: ProposalView): string | undefined {
  const action = proposal.allowedActions.find((name) => NEXT_STEP[name] !== undefined);
  return action ? NEXT_STEP[action] : undefined;
}


/** The earliest running deadline of a record (`YYYY-MM-DD` compares as text), or null. */
export function nearestDeadlineOf(proposal: ProposalView): string | null {
  const dates = Object.values(proposal.deadlines)
    .filter((deadline): deadline is NonNullable<typeof deadline> => Boolean(deadline))
    .map((deadline) => deadline.on)
    .sort();
  return dates[0] ?? null;
}

/** Nearest deadline first; records without a running deadline after, newest first as listed. */
export function byNearestDeadline(a: ProposalView, b: ProposalView): number {
  const da = nearestDeadlineOf(a);
  const db = nearestDeadlineOf(b);
  if (da && db) return da < db ? -1 : da > db ? 1 : 0;
  if (da) return -1;
  if (db) return 1;
  return 0;
}
