import { sideActions } from '../../backend/domain/permissions';
import { buildActor, buildPolicy, buildProposal, ELSEWHERE, HOME } from './factories';

// Issue 18: the actions beside the lifecycle — the archive's attach (R-SUP-1) and the complaint
// entry — are offered at every stage to whoever may take them, apart from allowedActions.

describe('sideActions', () => {
  const policy = buildPolicy();

  it.each(['submitted', 'publicity', 'implementing', 'audited', 'withdrawn'] as const)(
    'R-SUP-1: at %s the community in scope may attach a paper and complain; a resident may only complain',
    (state) => {
      const record = buildProposal({ state });
      expect(sideActions(buildActor('community', HOME), record, policy)).toEqual(['document.attach', 'complaint.submit']);
      expect(sideActions(buildActor('street', HOME), record, policy)).toEqual(['document.attach', 'complaint.submit']);
      expect(sideActions(buildActor('resident', HOME), record, policy)).toEqual(['complaint.submit']);
    },
  );

  it('R-SUP-1: the district, the supervisor and staff of another place attach nothing; nobody signed out does anything', () => {
    const record = buildProposal({ state: 'implementing' });
    expect(sideActions(buildActor('district', HOME), record, policy)).toEqual(['complaint.submit']);
    expect(sideActions(buildActor('supervisor', HOME), record, policy)).toEqual(['complaint.submit']);
    expect(sideActions(buildActor('community', ELSEWHERE), record, policy)).toEqual(['complaint.submit']);
    expect(sideActions(buildActor(null), record, policy)).toEqual([]);
  });
});
