/**
 * R-SUP-1, issue 18: the checklist's rules for acceptance and payments, kept apart from the
 * per-stage documents so that each kind of paper adds its own small rule.
 */
import type { ProposalRecord } from '../../types/domain';
import { latestAcceptance } from './acceptance';
import type { DocumentRule } from './checklist';
import { paymentsMatchAudit } from './payments';

/** The lifecycle stages these rules start at (checklist.ts `STAGE`). */
const COMPLETED_STAGE = 9;
const AUDITED_STAGE = 11;

/** R-ACC-1: a completed project's latest acceptance is on file and passed. */
export const acceptanceRule: DocumentRule = {
  id: 'acceptance',
  label: '验收记录（合格）',
  fromStage: COMPLETED_STAGE,
  applies: () => true,
  present: (record: ProposalRecord) => latestAcceptance(record)?.passed === true,
};

/** R-PAY-2: an audited project's payments are on file and add up to the audited figure. */
export const paymentsRule: DocumentRule = {
  id: 'payments',
  label: '支付记录（与审计金额一致）',
  fromStage: AUDITED_STAGE,
  applies: () => true,
  present: paymentsMatchAudit,
};
