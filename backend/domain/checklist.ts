/**
 * R-SUP-1: every project's records are complete at each stage. For a record in a state, the
 * documents that must exist by then, and which of them are missing. Streets self-check in May and
 * early November and the district inspects in November over this list.
 */
import type { Policy, ProposalRecord, ProposalState } from '../../types/domain';
import { ARCHIVE_RULES } from './checklist.archive';
import { tenderRequired } from './policy';
import { hasText } from './result';
import { acceptanceRule, paymentsRule } from './checklist.money';

/** How far along the lifecycle a state lies; the side outcomes share the stage of their step. */
const STAGE: Readonly<Record<ProposalState, number>> = {
  submitted: 0,
  adopted: 1,
  not_adopted: 1,
  drafted: 2,
  agenda_published: 3,
  council_passed: 4,
  council_rejected: 4,
  street_review: 5,
  approved: 6,
  rejected: 6,
  transferred: 6,
  publicity: 7,
  implementing: 8,
  completed: 9,
  evaluated: 10,
  audited: 11,
  // A withdrawal happens after approval at the earliest; later documents may or may not exist.
  withdrawn: 6,
};

const NOT_APPROVED: readonly ProposalState[] = ['rejected', 'transferred'];

export type DocumentId =
  | 'screening'
  | 'screening.explanation'
  | 'report'
  | 'agenda'
  | 'council.vote'
  | 'review.submission'
  | 'review.decision'
  | 'review.reason'
  | 'review.department'
  | 'review.budget'
  | 'publicity'
  | 'implementation.implementer'
  | 'implementation.tender'
  | 'completion'
  | 'completion.maintenance'
  | 'evaluation'
  | 'audit'
  // Issue 18 (payments, acceptance)
  | 'acceptance'
  | 'payments'
  // The archive's papers (issue 18): checklist.archive.ts
  | 'minutes'
  | 'sign_in'
  | 'notice_photo'
  | 'contract'
  | 'acceptance_report'
  | 'audit_report';

export interface DocumentRule {
  id: DocumentId;
  label: string;
  /** The stage from which the document must exist. */
  fromStage: number;
  /** Whether the document is needed for this record at all. */
  applies: (record: ProposalRecord, policy: Policy) => boolean;
  present: (record: ProposalRecord) => boolean;
}

const everyRecord = (): boolean => true;

/** The documents, in lifecycle order. */
const DOCUMENTS: readonly DocumentRule[] = [
  { id: 'screening', label: '筛选结果', fromStage: 1, applies: everyRecord, present: (r) => r.screening !== undefined },
  {
    id: 'screening.explanation',
    label: '未采纳的解释说明',
    fromStage: 1,
    applies: (r) => r.state === 'not_adopted',
    present: (r) => hasText(r.screening?.explanation),
  },
  { id: 'report', label: '项目申请报告', fromStage: 2, applies: everyRecord, present: (r) => r.report !== undefined },
  { id: 'agenda', label: '议事公示', fromStage: 3, applies: everyRecord, present: (r) => r.meetingOn !== undefined },
  { id: 'council.vote', label: '居民议事会表决记录', fromStage: 4, applies: everyRecord, present: (r) => r.vote !== undefined },
  {
    id: 'review.submission',
    label: '提交街道审核记录',
    fromStage: 5,
    applies: everyRecord,
    present: (r) => r.submittedToStreetOn !== undefined,
  },
  { id: 'review.decision', label: '街道审核决定', fromStage: 6, applies: everyRecord, present: (r) => r.review !== undefined },
  {
    id: 'review.reason',
    label: '未通过或转交的原因',
    fromStage: 6,
    applies: (r) => NOT_APPROVED.includes(r.state),
    present: (r) => hasText(r.review?.reason),
  },
  {
    id: 'review.department',
    label: '承接的职能部门',
    fromStage: 6,
    applies: (r) => r.state === 'transferred',
    present: (r) => hasText(r.review?.department),
  },
  {
    id: 'review.budget',
    label: '批复预算',
    fromStage: 6,
    applies: (r) => !NOT_APPROVED.includes(r.state),
    present: (r) => r.approvedBudgetFen !== undefined,
  },
  { id: 'publicity', label: '实施前公示', fromStage: 7, applies: everyRecord, present: (r) => r.publicity !== undefined },
  {
    id: 'implementation.implementer',
    label: '实施主体',
    fromStage: 8,
    applies: everyRecord,
    present: (r) => r.implementation !== undefined,
  },
  {
    id: 'implementation.tender',
    label: '招标记录',
    fromStage: 8,
    // Without an approved budget the tender threshold cannot be judged: 'review.budget' reports that gap.
    applies: (r, policy) => r.approvedBudgetFen !== undefined && tenderRequired(policy, r.approvedBudgetFen),
    present: (r) => hasText(r.implementation?.tenderRef),
  },
  {
    id: 'completion',
    label: '完工记录',
    fromStage: 9,
    applies: everyRecord,
    present: (r) => r.implementation?.completedOn !== undefined,
  },
  {
    id: 'completion.maintenance',
    label: '后续管养单位及资金安排',
    fromStage: 9,
    applies: everyRecord,
    present: (r) => hasText(r.implementation?.maintenanceUnit) && hasText(r.implementation?.maintenanceFunding),
  },
  { id: 'evaluation', label: '评价结果', fromStage: 10, applies: everyRecord, present: (r) => r.evaluation !== undefined },
  { id: 'audit', label: '审计结果及资金使用情况', fromStage: 11, applies: everyRecord, present: (r) => r.audit !== undefined },
  // Issue 18 (payments, acceptance): one small rule each (checklist.money.ts).
  acceptanceRule,
  paymentsRule,
  // The archive's papers (issue 18)
  ...ARCHIVE_RULES,
];

export const DOCUMENT_LABELS: Readonly<Record<DocumentId, string>> = Object.fromEntries(
  DOCUMENTS.map((document) => [document.id, document.label]),
) as Record<DocumentId, string>;

export interface ChecklistItem {
  id: DocumentId;
  label: string;
  present: boolean;
}

/** R-SUP-1: the checklist of a record in its state: every document it must have by now. */
export function checklistOf(record: ProposalRecord, policy: Policy): ChecklistItem[] {
  return DOCUMENTS.filter((document) => STAGE[record.state] >= document.fromStage && document.applies(record, policy)).map(
    (document) => ({ id: document.id, label: document.label, present: document.present(record) }),
  );
}

/** R-SUP-1: the ids of the documents the record should have by now and does not. */
export function missingDocuments(record: ProposalRecord, policy: Policy): DocumentId[] {
  return checklistOf(record, policy)
    .filter((item) => !item.present)
    .map((item) => item.id);
}
