import type { DeadlineName, ProposalRecord } from '../../../types/domain';
import type { Store } from '../ports/store.port';

/**
 * Who is told of a running deadline: the street's reviewers for its review (R-REV-1), the
 * implementing side for a start or completion (R-IMP-1, R-IMP-3, R-IMP-4).
 */
export async function whoMustAct(store: Pick<Store, 'staffOf'>, record: ProposalRecord, deadline: DeadlineName): Promise<string[]> {
  const side = deadline === 'reviewDueOn' ? 'street' : (record.implementation?.side ?? 'community');
  return store.staffOf(side, side === 'street' ? record.streetId : record.communityId);
}
