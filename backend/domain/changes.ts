/**
 * R-CHG-1: a change or withdrawal after approval is decided by the street, with a reason. The
 * decision is applied to the project with the lifecycle's `change.apply`.
 */
import type { ChangeRecord, DateString } from '../../types/domain';
import { fail, hasText, type Result } from './result';

export interface ChangeDecision {
  approve: boolean;
  reason: string;
}

/** R-CHG-1: the street decides a pending change with a reason. Apply it with `change.apply`. */
export function decideChange(change: ChangeRecord, decision: ChangeDecision, today: DateString): Result<ChangeRecord> {
  if (change.state !== 'pending') return fail('invalid_state', '该变更申请已审核');
  if (!hasText(decision.reason)) return fail('invalid_input', '请填写审核意见', 'reason');
  return {
    ok: true,
    value: { ...change, state: decision.approve ? 'approved' : 'refused', decisionReason: decision.reason, decidedOn: today },
  };
}
