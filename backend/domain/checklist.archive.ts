/**
 * R-SUP-1 (issue 18): the checklist asks for each stage's papers, the document kind as the
 * `missing` id — the minutes and sign-in sheet once the council voted, the photo of the notice
 * on site once publicity began (R-PUB-1), the contract once a project at or above the tender
 * threshold was assigned (R-IMP-2), the acceptance report once completed, the audit report once
 * audited. One small rule each; checklist.ts lists them with the records' own documents.
 */
import type { ProposalRecord } from '../../types/domain';
import { hasDocument } from './archive';
import type { DocumentRule } from './checklist';
import { tenderRequired } from './policy';

const always = (): boolean => true;

/** The stages of checklist.ts: 4 council voted, 7 publicity, 8 implementing, 9 completed, 11 audited. */
export function minutesRule(): DocumentRule {
  return { id: 'minutes', label: '议事会会议记录', fromStage: 4, applies: always, present: (r: ProposalRecord) => hasDocument(r, 'minutes') };
}

export function signInRule(): DocumentRule {
  return { id: 'sign_in', label: '议事会签到表', fromStage: 4, applies: always, present: (r: ProposalRecord) => hasDocument(r, 'sign_in') };
}

export function noticePhotoRule(): DocumentRule {
  return { id: 'notice_photo', label: '现场公示照片', fromStage: 7, applies: always, present: (r: ProposalRecord) => hasDocument(r, 'notice_photo') };
}

export function contractRule(): DocumentRule {
  return {
    id: 'contract',
    label: '合同',
    fromStage: 8,
    applies: (r, policy) => r.approvedBudgetFen !== undefined && tenderRequired(policy, r.approvedBudgetFen),
    present: (r: ProposalRecord) => hasDocument(r, 'contract'),
  };
}

export function acceptanceReportRule(): DocumentRule {
  return { id: 'acceptance_report', label: '验收报告', fromStage: 9, applies: always, present: (r: ProposalRecord) => hasDocument(r, 'acceptance_report') };
}

export function auditReportRule(): DocumentRule {
  return { id: 'audit_report', label: '审计报告', fromStage: 11, applies: always, present: (r: ProposalRecord) => hasDocument(r, 'audit_report') };
}

/** The archive's rules, in lifecycle order. */
export const ARCHIVE_RULES: readonly DocumentRule[] = [minutesRule(), signInRule(), noticePhotoRule(), contractRule(), acceptanceReportRule(), auditReportRule()];
