import type { ProposalRecord, ProposalState } from '../../types/domain';
import { checklistOf, DOCUMENT_LABELS, missingDocuments, type DocumentId } from '../../backend/domain/checklist';
import { PROPOSAL_STATES } from '../../common/glossary';
import { buildDocument, buildPolicy, buildProposal } from './factories';

/** The documents each state must have by then (R-SUP-1), for a 50,000 CNY goods project. */
const OWN_RECORDS: Record<ProposalState, DocumentId[]> = {
  submitted: [],
  adopted: ['screening'],
  not_adopted: ['screening', 'screening.explanation'],
  drafted: ['screening', 'report'],
  agenda_published: ['screening', 'report', 'agenda'],
  council_passed: ['screening', 'report', 'agenda', 'council.vote'],
  council_rejected: ['screening', 'report', 'agenda', 'council.vote'],
  street_review: ['screening', 'report', 'agenda', 'council.vote', 'review.submission'],
  approved: ['screening', 'report', 'agenda', 'council.vote', 'review.submission', 'review.decision', 'review.budget'],
  rejected: ['screening', 'report', 'agenda', 'council.vote', 'review.submission', 'review.decision', 'review.reason'],
  transferred: [
    'screening',
    'report',
    'agenda',
    'council.vote',
    'review.submission',
    'review.decision',
    'review.reason',
    'review.department',
  ],
  publicity: ['screening', 'report', 'agenda', 'council.vote', 'review.submission', 'review.decision', 'review.budget', 'publicity'],
  implementing: [
    'screening',
    'report',
    'agenda',
    'council.vote',
    'review.submission',
    'review.decision',
    'review.budget',
    'publicity',
    'implementation.implementer',
  ],
  completed: [
    'screening',
    'report',
    'agenda',
    'council.vote',
    'review.submission',
    'review.decision',
    'review.budget',
    'publicity',
    'implementation.implementer',
    'completion',
    'completion.maintenance',
    'acceptance',
  ],
  evaluated: [
    'screening',
    'report',
    'agenda',
    'council.vote',
    'review.submission',
    'review.decision',
    'review.budget',
    'publicity',
    'implementation.implementer',
    'completion',
    'completion.maintenance',
    'evaluation',
    'acceptance',
  ],
  audited: [
    'screening',
    'report',
    'agenda',
    'council.vote',
    'review.submission',
    'review.decision',
    'review.budget',
    'publicity',
    'implementation.implementer',
    'completion',
    'completion.maintenance',
    'evaluation',
    'audit',
    'acceptance',
    'payments',
  ],
  withdrawn: ['screening', 'report', 'agenda', 'council.vote', 'review.submission', 'review.decision', 'review.budget'],
};

/** The archive's papers each state must have by then (issue 18), after the records of its own. */
const STAGE_PAPERS: [DocumentId, ProposalState[]][] = [
  ['minutes', ['council_passed', 'council_rejected', 'street_review', 'approved', 'rejected', 'transferred', 'publicity', 'implementing', 'completed', 'evaluated', 'audited', 'withdrawn']],
  ['sign_in', ['council_passed', 'council_rejected', 'street_review', 'approved', 'rejected', 'transferred', 'publicity', 'implementing', 'completed', 'evaluated', 'audited', 'withdrawn']],
  ['notice_photo', ['publicity', 'implementing', 'completed', 'evaluated', 'audited']],
  ['acceptance_report', ['completed', 'evaluated', 'audited']],
  ['audit_report', ['audited']],
];

const REQUIRED = Object.fromEntries(
  PROPOSAL_STATES.map((state) => [state, [...OWN_RECORDS[state], ...STAGE_PAPERS.filter(([, states]) => states.includes(state)).map(([id]) => id)]]),
) as Record<ProposalState, DocumentId[]>;

describe('R-SUP-1: the checklist of each state', () => {
  test.each(PROPOSAL_STATES)('R-SUP-1: a complete record in state %s has its whole checklist present and nothing missing', (state) => {
    const record = buildProposal({ state });
    expect(checklistOf(record, buildPolicy())).toEqual(
      REQUIRED[state].map((id) => ({ id, label: DOCUMENT_LABELS[id], present: true })),
    );
    expect(missingDocuments(record, buildPolicy())).toEqual([]);
  });

  test.each(PROPOSAL_STATES.filter((state) => REQUIRED[state].length > 0))(
    'R-SUP-1: a record in state %s stripped of its stage records misses every document of its checklist',
    (state) => {
      const bare = buildProposal({ state: 'submitted' });
      // Payments are checked against the audited figure, which a stripped record lacks.
      expect(missingDocuments({ ...bare, state }, buildPolicy())).toEqual(REQUIRED[state].filter((id) => id !== 'payments'));
    },
  );
});

describe('R-SUP-1: documents that are there but incomplete', () => {
  test.each<[string, Partial<ProposalRecord>, DocumentId[]]>([
    [
      'R-COL-2: a not-adopted proposal whose explanation is blank',
      { state: 'not_adopted', screening: { adopt: false, explanation: ' ', decidedOn: '2026-03-03' } },
      ['screening.explanation'],
    ],
    [
      'R-REV-2: a rejection without its reason',
      { state: 'rejected', review: { outcome: 'rejected', decidedOn: '2026-03-27' } },
      ['review.reason'],
    ],
    [
      'R-REV-3: a transfer without its department',
      { state: 'transferred', review: { outcome: 'transferred', reason: '属交通部门职责', decidedOn: '2026-03-27' } },
      ['review.department'],
    ],
    [
      'R-IMP-2: a 400,000 CNY project implemented without its tender record',
      { state: 'implementing', approvedBudgetFen: 40_000_000 },
      ['implementation.tender', 'contract'],
    ],
    [
      'R-CMP-1: a completion without its maintenance funding',
      {
        state: 'completed',
        implementation: {
          implementer: '某某公司',
          side: 'community',
          assignedOn: '2026-04-07',
          completedOn: '2026-06-30',
          maintenanceUnit: '社区工作站',
        },
      },
      ['completion.maintenance'],
    ],
    [
      'R-CMP-1: a completion without its maintenance unit',
      {
        state: 'completed',
        implementation: {
          implementer: '某某公司',
          side: 'community',
          assignedOn: '2026-04-07',
          completedOn: '2026-06-30',
          maintenanceFunding: '社区维护经费',
        },
      },
      ['completion.maintenance'],
    ],
    [
      'R-SUP-1: an implementing record without an approved budget misses the budget; its tender cannot be judged',
      { state: 'implementing', approvedBudgetFen: undefined },
      ['review.budget'],
    ],
  ])('%s is flagged', (_title, overrides, missing) => {
    expect(missingDocuments(buildProposal(overrides), buildPolicy())).toEqual(missing);
  });

  it('R-IMP-2: a 400,000 CNY project with its tender record is complete', () => {
    const record = buildProposal({
      state: 'implementing',
      approvedBudgetFen: 40_000_000,
      implementation: { implementer: '某某建设公司', side: 'street', assignedOn: '2026-04-07', tenderRef: 'ZB-2026-017' },
    });
    // R-SUP-1 (issue 18): at the tender threshold the contract is asked for too.
    expect(missingDocuments(record, buildPolicy())).toEqual(['contract']);
    const withContract = { ...record, documents: [...(record.documents ?? []), buildDocument('contract')] };
    expect(missingDocuments(withContract, buildPolicy())).toEqual([]);
  });

  it('R-IMP-2: the tender threshold is the district’s', () => {
    const record = buildProposal({ state: 'implementing' });
    expect(missingDocuments(record, buildPolicy({ tenderThresholdFen: 5_000_000 }))).toEqual(['implementation.tender', 'contract']);
  });

  it('every document has a label in Chinese', () => {
    expect(Object.values(DOCUMENT_LABELS).every((label) => /[\u4e00-\u9fff]/.test(label))).toBe(true);
    expect(Object.keys(DOCUMENT_LABELS)).toHaveLength(25);
  });
});
