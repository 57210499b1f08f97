/**
 * R-ACC-1: the acceptance 验收 of the finished work: date, participants, opinion and whether it
 * passed. A failed acceptance may be held again (the latest counts); the implementing side
 * records it before or with the completion, and a completed project without a passed latest
 * acceptance is on the checklist (R-SUP-1).
 */
import type { Acceptance, ProposalRecord, ProposalState } from '../../types/domain';
import { firstRefusal, requireReportedDate, requireText } from './lifecycle.checks';
import { refusal, succeed, type Refusal, type Result } from './result';

/** R-ACC-1: acceptance happens once the work is under way, and may be held again after completion. */
export const ACCEPTANCE_STATES: readonly ProposalState[] = ['implementing', 'completed', 'evaluated', 'audited'];

/** The acceptance that counts: the latest. */
export function latestAcceptance(record: Pick<ProposalRecord, 'acceptances'>): Acceptance | null {
  const all = record.acceptances ?? [];
  return all.length > 0 ? all[all.length - 1] : null;
}

/** Whether an acceptance may be recorded now: in its states, and not after a passed one. */
export function acceptanceReadiness(record: ProposalRecord): Refusal | null {
  if (!ACCEPTANCE_STATES.includes(record.state)) return refusal('invalid_state', '项目进入实施阶段后方可登记验收');
  return latestAcceptance(record)?.passed ? refusal('invalid_state', '项目已验收合格') : null;
}

/** What an acceptance must hold: a reported date since the implementer was set, people and an opinion. */
export function checkAcceptance(record: ProposalRecord, acceptance: Acceptance, today: string, field = ''): Refusal | null {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  return firstRefusal(
    requireReportedDate(acceptance.acceptedOn, record.implementation!.assignedOn, today, at('acceptedOn'), '验收日期'),
    acceptance.participants.length > 0 && acceptance.participants.every((name) => name.trim() !== '')
      ? null
      : refusal('invalid_input', '请填写参加验收的人员', at('participants')),
    requireText(acceptance.opinion, at('opinion'), '验收意见'),
  );
}

/** R-ACC-1: records an acceptance on the record: the next record, or why not. */
export function recordAcceptance(record: ProposalRecord, acceptance: Acceptance, today: string): Result<ProposalRecord> {
  const refused = acceptanceReadiness(record) ?? checkAcceptance(record, acceptance, today);
  if (refused) return { ok: false, error: refused };
  return succeed({ ...record, acceptances: [...(record.acceptances ?? []), acceptance] });
}
