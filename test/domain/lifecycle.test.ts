import type { ErrorCode } from '../../types/api';
import type { ProposalRecord, ProposalState } from '../../types/domain';
import {
  policyYearOf,
  readiness,
  transition,
  TRANSITIONS,
  type Command,
  type TransitionAction,
} from '../../backend/domain/lifecycle';
import { PROPOSAL_STATES } from '../../common/glossary';
import { APPROVED_BUDGET_FEN, buildChange, buildContext, buildPolicy, buildProposal } from './factories';

/** Freezes a record all the way down, so that a transition that mutates its input throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const NOT_STARTED = { implementer: '深圳市盐田区某某家具有限公司', side: 'community' as const, assignedOn: '2026-04-07' };
const REPORT = { reason: '老年居民多', overview: '加装座椅', plan: '采购并安装' };

/** A valid command of each action, for the state matrix. */
const SAMPLE_COMMANDS: { [A in TransitionAction]: Extract<Command, { action: A }> } = {
  'proposal.screen': { action: 'proposal.screen', adopt: true },
  'proposal.draftReport': { action: 'proposal.draftReport', ...REPORT, budgetLines: [{ item: '座椅', amountFen: 1_000_000 }] },
  'council.publishAgenda': { action: 'council.publishAgenda', meetingId: 'm-2', meetingOn: '2026-04-20' },
  'council.recordVote': { action: 'council.recordVote', attendance: 30, for: 20, against: 5, abstain: 5 },
  'proposal.submitToStreet': { action: 'proposal.submitToStreet' },
  'review.decide': { action: 'review.decide', outcome: 'approved', approvedBudgetFen: APPROVED_BUDGET_FEN },
  'publicity.publish': { action: 'publicity.publish' },
  'implementation.assign': { action: 'implementation.assign', implementer: '某某公司', assignedOn: '2026-04-07' },
  'implementation.start': { action: 'implementation.start', startedOn: '2026-04-08' },
  'implementation.complete': {
    action: 'implementation.complete',
    completedOn: '2026-04-09',
    maintenanceUnit: '社区工作站',
    maintenanceFunding: '社区维护经费',
  },
  'evaluation.publish': { action: 'evaluation.publish', summary: '居民满意' },
  'audit.publish': { action: 'audit.publish', auditor: '某某会计师事务所', spentFen: 4_900_000, report: '合规' },
  'change.request': { action: 'change.request', changeId: 'chg-1', kind: 'adjust', reason: '增加坡道', newBudgetFen: 5_500_000 },
  'change.apply': { action: 'change.apply', change: buildChange({ state: 'approved' }) },
};

interface Allowed {
  to: ProposalState;
  event: Record<string, unknown>;
  fields?: Partial<ProposalRecord>;
}

describe('every transition row: allowed cases', () => {
  test.each<[string, Partial<ProposalRecord>, Command, string, Allowed]>([
    [
      'R-COL-2: a community adopts a submitted proposal',
      { state: 'submitted' },
      { action: 'proposal.screen', adopt: true },
      '2026-03-03',
      { to: 'adopted', event: { type: 'ProposalAdopted' }, fields: { screening: { adopt: true, decidedOn: '2026-03-03' } } },
    ],
    [
      'R-COL-2: a community does not adopt a property-duty proposal and explains why to the proposer',
      { state: 'submitted' },
      { action: 'proposal.screen', adopt: false, explanation: '属物业职责', exclusion: 'property_duty' },
      '2026-03-03',
      {
        to: 'not_adopted',
        event: { type: 'ProposalNotAdopted', explanation: '属物业职责', exclusion: 'property_duty' },
        fields: { screening: { adopt: false, explanation: '属物业职责', exclusion: 'property_duty', decidedOn: '2026-03-03' } },
      },
    ],
    [
      'R-COL-2: not adopting without naming an exclusion still needs only the explanation',
      { state: 'submitted' },
      { action: 'proposal.screen', adopt: false, explanation: '本年度资金已安排完毕' },
      '2026-03-03',
      { to: 'not_adopted', event: { type: 'ProposalNotAdopted', explanation: '本年度资金已安排完毕' } },
    ],
    [
      'R-REP-1: an adopted proposal gets its application report with budget totals in fen',
      { state: 'adopted', category: 'works' },
      {
        action: 'proposal.draftReport',
        ...REPORT,
        budgetLines: [
          { item: '材料', amountFen: 900_000 },
          { item: '管理费', amountFen: 300_000, fee: true },
        ],
      },
      '2026-03-05',
      {
        to: 'drafted',
        event: { type: 'ReportDrafted', budgetFen: 1_200_000, feeFen: 300_000 },
        fields: {
          report: {
            ...REPORT,
            budgetLines: [
              { item: '材料', amountFen: 900_000 },
              { item: '管理费', amountFen: 300_000, fee: true },
            ],
            budgetFen: 1_200_000,
            feeFen: 300_000,
          },
        },
      },
    ],
    [
      'R-REP-1: the report may be redrafted until the agenda is published',
      { state: 'drafted' },
      { action: 'proposal.draftReport', ...REPORT, budgetLines: [{ item: '座椅', amountFen: 2_000_000 }] },
      '2026-03-06',
      { to: 'drafted', event: { type: 'ReportDrafted', budgetFen: 2_000_000, feeFen: 0 } },
    ],
    [
      'R-REP-2: a services report with fee lines of exactly 10% of the budget is accepted',
      { state: 'adopted', category: 'services' },
      {
        action: 'proposal.draftReport',
        ...REPORT,
        budgetLines: [
          { item: '课程', amountFen: 900_000 },
          { item: '服务管理费', amountFen: 100_000, fee: true },
        ],
      },
      '2026-03-05',
      { to: 'drafted', event: { type: 'ReportDrafted', budgetFen: 1_000_000, feeFen: 100_000 } },
    ],
    [
      'R-COU-2: an agenda for a meeting on the earliest day (Thu 16 Apr after publishing Fri 10 Apr) is accepted',
      { state: 'drafted' },
      { action: 'council.publishAgenda', meetingId: 'm-2', meetingOn: '2026-04-16' },
      '2026-04-10',
      {
        to: 'agenda_published',
        event: { type: 'AgendaPublished', meetingId: 'm-2', meetingOn: '2026-04-16' },
        fields: { meetingId: 'm-2', meetingOn: '2026-04-16' },
      },
    ],
    [
      'R-COU-3: a vote with 16 of 30 attending in favour passes (more than half)',
      { state: 'agenda_published' },
      { action: 'council.recordVote', attendance: 30, for: 16, against: 10, abstain: 4 },
      '2026-03-12',
      {
        to: 'council_passed',
        event: { type: 'CouncilPassed' },
        fields: { vote: { attendance: 30, for: 16, against: 10, abstain: 4, recordedOn: '2026-03-12' } },
      },
    ],
    [
      'R-COU-3: a vote with exactly half in favour is rejected',
      { state: 'agenda_published' },
      { action: 'council.recordVote', attendance: 30, for: 15, against: 15, abstain: 0 },
      '2026-03-13',
      { to: 'council_rejected', event: { type: 'CouncilRejected' } },
    ],
    [
      'R-REV-1: a passed proposal goes to the street, due in 15 working days',
      { state: 'council_passed' },
      { action: 'proposal.submitToStreet' },
      '2026-03-13',
      {
        to: 'street_review',
        event: { type: 'SubmittedToStreet', reviewDueOn: { on: '2026-04-03', provisional: false } },
        fields: { submittedToStreetOn: '2026-03-13' },
      },
    ],
    [
      'R-REV-1, R-FUN-1: the street approves with a budget drawn on the year of the decision',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'approved', approvedBudgetFen: 4_500_000 },
      '2026-03-27',
      {
        to: 'approved',
        event: { type: 'ProposalApproved', approvedBudgetFen: 4_500_000, budgetYear: 2026 },
        fields: { approvedBudgetFen: 4_500_000, budgetYear: 2026, review: { outcome: 'approved', decidedOn: '2026-03-27' } },
      },
    ],
    [
      'R-REV-1: a record without an application report (kept from before reports) is approved on the street\'s figure',
      { state: 'street_review', report: undefined },
      { action: 'review.decide', outcome: 'approved', approvedBudgetFen: 4_500_000 },
      '2026-03-27',
      { to: 'approved', event: { type: 'ProposalApproved', approvedBudgetFen: 4_500_000 }, fields: { approvedBudgetFen: 4_500_000 } },
    ],
    [
      'R-REV-1: an approval may carry a note',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'approved', approvedBudgetFen: 4_500_000, reason: '核减安装费' },
      '2026-03-27',
      {
        to: 'approved',
        event: { type: 'ProposalApproved' },
        fields: { review: { outcome: 'approved', reason: '核减安装费', decidedOn: '2026-03-27' } },
      },
    ],
    [
      'R-REV-2: the street rejects with a reason',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'rejected', reason: '与在建政府投资项目重复' },
      '2026-03-27',
      {
        to: 'rejected',
        event: { type: 'ProposalRejected', reason: '与在建政府投资项目重复' },
        fields: { review: { outcome: 'rejected', reason: '与在建政府投资项目重复', decidedOn: '2026-03-27' } },
      },
    ],
    [
      'R-REV-3: the street transfers to the department whose remit it is',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'transferred', reason: '属交通部门职责', department: '区交通运输局' },
      '2026-03-27',
      {
        to: 'transferred',
        event: { type: 'ProposalTransferred', department: '区交通运输局', reason: '属交通部门职责' },
        fields: { review: { outcome: 'transferred', reason: '属交通部门职责', department: '区交通运输局', decidedOn: '2026-03-27' } },
      },
    ],
    [
      'R-PUB-1: when published on Friday 18 Sep 2026, then the window ends on Tue 22 Sep (Sun 20 Sep is a make-up workday)',
      { state: 'approved' },
      { action: 'publicity.publish' },
      '2026-09-18',
      {
        to: 'publicity',
        event: { type: 'PublicityPublished', endsOn: { on: '2026-09-22', provisional: false } },
        fields: { publicity: { publishedOn: '2026-09-18', endsOn: { on: '2026-09-22', provisional: false }, timeLimit: '确定实施主体之日起 6 个月内完成' } },
      },
    ],
    [
      'R-IMP-1: a 50,000 CNY goods project is implemented by the community, the day after the window',
      { state: 'publicity' },
      { action: 'implementation.assign', implementer: '某某公司', assignedOn: '2026-04-03' },
      '2026-04-03',
      {
        to: 'implementing',
        event: {
          type: 'ImplementerAssigned',
          side: 'community',
          deadlines: { completeDueOn: { on: '2026-10-08', provisional: false } },
        },
        fields: { implementation: { implementer: '某某公司', side: 'community', assignedOn: '2026-04-03' } },
      },
    ],
    [
      'R-IMP-1, R-IMP-3: a 150,000 CNY services project is implemented by the street and must start within a month',
      { state: 'publicity', category: 'services', approvedBudgetFen: 15_000_000 },
      { action: 'implementation.assign', implementer: '某某社工机构', assignedOn: '2026-04-07' },
      '2026-04-10',
      {
        to: 'implementing',
        event: { type: 'ImplementerAssigned', side: 'street', deadlines: { startDueOn: { on: '2026-05-07', provisional: false } } },
      },
    ],
    [
      'R-IMP-2: a 400,000 CNY works project is assigned with its tender record',
      { state: 'publicity', category: 'works', approvedBudgetFen: 40_000_000 },
      { action: 'implementation.assign', implementer: '某某建设公司', assignedOn: '2026-04-07', tenderRef: 'ZB-2026-017' },
      '2026-04-10',
      {
        to: 'implementing',
        event: { type: 'ImplementerAssigned', side: 'street' },
        fields: { implementation: { implementer: '某某建设公司', side: 'street', assignedOn: '2026-04-07', tenderRef: 'ZB-2026-017' } },
      },
    ],
    [
      'R-IMP-3: the implementer records the start',
      { state: 'implementing', implementation: NOT_STARTED },
      { action: 'implementation.start', startedOn: '2026-04-07' },
      '2026-04-10',
      {
        to: 'implementing',
        event: { type: 'ImplementationStarted', startedOn: '2026-04-07' },
        fields: { implementation: { ...NOT_STARTED, startedOn: '2026-04-07' } },
      },
    ],
    [
      'R-CMP-1: completion records the maintenance unit and its funding',
      { state: 'implementing' },
      { action: 'implementation.complete', completedOn: '2026-04-08', maintenanceUnit: '社区工作站', maintenanceFunding: '社区维护经费' },
      '2026-04-10',
      {
        to: 'completed',
        event: { type: 'ProjectCompleted', completedOn: '2026-04-08', maintenanceUnit: '社区工作站' },
        fields: {
          implementation: {
            implementer: '深圳市盐田区某某家具有限公司',
            side: 'community',
            assignedOn: '2026-04-07',
            startedOn: '2026-04-08',
            completedOn: '2026-04-08',
            maintenanceUnit: '社区工作站',
            maintenanceFunding: '社区维护经费',
          },
        },
      },
    ],
    [
      'R-CMP-1: a works project that never recorded a start may complete from the day it was assigned',
      { state: 'implementing', implementation: NOT_STARTED },
      { action: 'implementation.complete', completedOn: '2026-04-07', maintenanceUnit: '社区工作站', maintenanceFunding: '社区维护经费' },
      '2026-04-10',
      { to: 'completed', event: { type: 'ProjectCompleted' } },
    ],
    [
      'R-EVA-1: the community publishes the evaluation and ratings close',
      { state: 'completed' },
      { action: 'evaluation.publish', summary: '居民满意度 4.6 星' },
      '2026-07-10',
      { to: 'evaluated', event: { type: 'EvaluationPublished' }, fields: { evaluation: { summary: '居民满意度 4.6 星', publishedOn: '2026-07-10' } } },
    ],
    [
      'R-AUD-1: the audit and the spending against the budget are published',
      { state: 'evaluated' },
      { action: 'audit.publish', auditor: '某某会计师事务所', spentFen: 4_900_000, report: '资金使用合规' },
      '2026-08-03',
      {
        to: 'audited',
        event: { type: 'AuditPublished', spentFen: 4_900_000, budgetYear: 2026 },
        fields: { audit: { auditor: '某某会计师事务所', spentFen: 4_900_000, report: '资金使用合规', publishedOn: '2026-08-03' } },
      },
    ],
    [
      'R-AUD-1: an audit may find nothing spent',
      { state: 'evaluated' },
      { action: 'audit.publish', auditor: '某某会计师事务所', spentFen: 0, report: '未发生支出' },
      '2026-08-03',
      { to: 'audited', event: { type: 'AuditPublished', spentFen: 0 } },
    ],
    [
      'R-CHG-1: the community asks to adjust an approved budget',
      { state: 'approved' },
      { action: 'change.request', changeId: 'chg-9', kind: 'adjust', reason: '增加坡道', newBudgetFen: 5_500_000 },
      '2026-03-28',
      {
        to: 'approved',
        event: {
          type: 'ChangeRequested',
          change: {
            id: 'chg-9',
            proposalId: 'p-1',
            kind: 'adjust',
            reason: '增加坡道',
            newBudgetFen: 5_500_000,
            state: 'pending',
            requestedOn: '2026-03-28',
          },
        },
        fields: { pendingChangeId: 'chg-9' },
      },
    ],
    [
      'R-PUB-3, R-CHG-1: a plan revised after comments in publicity goes back to the street as a change',
      { state: 'publicity' },
      { action: 'change.request', changeId: 'chg-9', kind: 'adjust', reason: '采纳居民意见', newBudgetFen: 5_200_000 },
      '2026-04-01',
      { to: 'publicity', event: { type: 'ChangeRequested' }, fields: { pendingChangeId: 'chg-9' } },
    ],
    [
      'R-CHG-1: the community asks to withdraw a project being implemented (a withdrawal carries no budget)',
      { state: 'implementing' },
      { action: 'change.request', changeId: 'chg-9', kind: 'withdraw', reason: '场地被征用', newBudgetFen: 1 },
      '2026-05-01',
      {
        to: 'implementing',
        event: {
          type: 'ChangeRequested',
          change: { id: 'chg-9', proposalId: 'p-1', kind: 'withdraw', reason: '场地被征用', state: 'pending', requestedOn: '2026-05-01' },
        },
      },
    ],
    [
      'R-CHG-1: a completed project may still have its budget adjusted before the audit',
      { state: 'completed' },
      { action: 'change.request', changeId: 'chg-9', kind: 'adjust', reason: '结算调整', newBudgetFen: 4_900_000 },
      '2026-07-01',
      { to: 'completed', event: { type: 'ChangeRequested' } },
    ],
    [
      'R-CHG-1: an approved withdrawal ends the project and releases its budget',
      { state: 'publicity', pendingChangeId: 'chg-1' },
      { action: 'change.apply', change: buildChange({ kind: 'withdraw', newBudgetFen: undefined, state: 'approved' }) },
      '2026-04-01',
      {
        to: 'withdrawn',
        event: { type: 'ProposalWithdrawn', releasedFen: APPROVED_BUDGET_FEN, budgetYear: 2026 },
        fields: { approvedBudgetFen: APPROVED_BUDGET_FEN },
      },
    ],
    [
      'R-CHG-1: an approved adjustment sets the new budget and stays in its state',
      { state: 'implementing', pendingChangeId: 'chg-1' },
      { action: 'change.apply', change: buildChange({ state: 'approved', newBudgetFen: 5_500_000 }) },
      '2026-05-01',
      {
        to: 'implementing',
        event: { type: 'BudgetAdjusted', fromFen: APPROVED_BUDGET_FEN, toFen: 5_500_000, budgetYear: 2026 },
        fields: { approvedBudgetFen: 5_500_000 },
      },
    ],
    [
      'R-CHG-1: a change refused after the project moved on to its audit is still closed',
      { state: 'audited', pendingChangeId: 'chg-1' },
      { action: 'change.apply', change: buildChange({ state: 'refused' }) },
      '2026-08-10',
      { to: 'audited', event: { type: 'ChangeRefused' } },
    ],
    [
      'R-CHG-1: a refused change leaves the project as it was',
      { state: 'completed', pendingChangeId: 'chg-1' },
      { action: 'change.apply', change: buildChange({ kind: 'withdraw', state: 'refused' }) },
      '2026-07-02',
      { to: 'completed', event: { type: 'ChangeRefused' }, fields: { approvedBudgetFen: APPROVED_BUDGET_FEN } },
    ],
  ])('%s', (_title, overrides, command, today, expected) => {
    const record = deepFreeze(buildProposal(overrides));
    const result = transition(record, command, buildContext({ today }));
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
    expect(result.record.state).toBe(expected.to);
    expect(result.record).toMatchObject(expected.fields ?? {});
    expect(result.record.version).toBe(record.version);
    expect(result.events).toEqual([
      expect.objectContaining({ proposalId: 'p-1', communityId: 'c-zhongying', from: record.state, to: expected.to, on: today, ...expected.event }),
    ]);
  });

  it('R-CHG-1: once a change is applied the project has no pending change', () => {
    const record = buildProposal({ state: 'approved', pendingChangeId: 'chg-1' });
    const result = transition(record, { action: 'change.apply', change: buildChange({ state: 'refused' }) }, buildContext());
    expect(result.ok && 'pendingChangeId' in result.record).toBe(false);
  });

  it('R-COL-2: an adoption keeps the note the community wrote', () => {
    const result = transition(buildProposal(), { action: 'proposal.screen', adopt: true, explanation: '纳入本批' }, buildContext());
    expect(result.ok && result.record.screening).toEqual({ adopt: true, explanation: '纳入本批', decidedOn: '2026-04-10' });
  });
});

describe('every transition row: refused cases', () => {
  test.each<[string, Partial<ProposalRecord>, Command, string, ErrorCode, string | undefined]>([
    [
      'R-COL-2: a proposal that is the property company’s duty is never adopted',
      { state: 'submitted' },
      { action: 'proposal.screen', adopt: true, exclusion: 'property_duty' },
      '2026-03-03',
      'invalid_input',
      'exclusion',
    ],
    [
      'R-COL-2: not adopting without an explanation to the proposer is refused',
      { state: 'submitted' },
      { action: 'proposal.screen', adopt: false, exclusion: 'government_project' },
      '2026-03-03',
      'invalid_input',
      'explanation',
    ],
    [
      'R-COL-2: a blank explanation is no explanation',
      { state: 'submitted' },
      { action: 'proposal.screen', adopt: false, explanation: '   ' },
      '2026-03-03',
      'invalid_input',
      'explanation',
    ],
    [
      'R-REP-1: a report without a reason is refused',
      { state: 'adopted' },
      { action: 'proposal.draftReport', ...REPORT, reason: '', budgetLines: [{ item: '座椅', amountFen: 1 }] },
      '2026-03-05',
      'invalid_input',
      'reason',
    ],
    [
      'R-REP-1: a report without an overview is refused',
      { state: 'adopted' },
      { action: 'proposal.draftReport', ...REPORT, overview: ' ', budgetLines: [{ item: '座椅', amountFen: 1 }] },
      '2026-03-05',
      'invalid_input',
      'overview',
    ],
    [
      'R-REP-1: a report without a plan is refused',
      { state: 'adopted' },
      { action: 'proposal.draftReport', ...REPORT, plan: '', budgetLines: [{ item: '座椅', amountFen: 1 }] },
      '2026-03-05',
      'invalid_input',
      'plan',
    ],
    [
      'R-REP-1: a report without budget lines is refused',
      { state: 'adopted' },
      { action: 'proposal.draftReport', ...REPORT, budgetLines: [] },
      '2026-03-05',
      'invalid_input',
      'budgetLines',
    ],
    [
      'R-REP-1: a budget line without an item is refused',
      { state: 'adopted' },
      { action: 'proposal.draftReport', ...REPORT, budgetLines: [{ item: ' ', amountFen: 100 }] },
      '2026-03-05',
      'invalid_input',
      'budgetLines.0.item',
    ],
    [
      'R-REP-1: a budget line of zero fen is refused',
      { state: 'adopted' },
      { action: 'proposal.draftReport', ...REPORT, budgetLines: [{ item: '座椅', amountFen: 100 }, { item: '安装', amountFen: 0 }] },
      '2026-03-05',
      'invalid_input',
      'budgetLines.1.amountFen',
    ],
    [
      'R-REP-1: a budget line in fractional fen is refused',
      { state: 'adopted' },
      { action: 'proposal.draftReport', ...REPORT, budgetLines: [{ item: '座椅', amountFen: 10.5 }] },
      '2026-03-05',
      'invalid_input',
      'budgetLines.0.amountFen',
    ],
    [
      'R-REP-1, R-FUN-1: a single line above the annual quota is refused',
      { state: 'adopted' },
      { action: 'proposal.draftReport', ...REPORT, budgetLines: [{ item: '座椅', amountFen: 200_000_001 }] },
      '2026-03-05',
      'budget_exceeded',
      'budgetLines.0.amountFen',
    ],
    [
      'R-REP-1, R-FUN-1: a report whose total passes the annual quota is refused',
      { state: 'adopted' },
      {
        action: 'proposal.draftReport',
        ...REPORT,
        budgetLines: [
          { item: '一期', amountFen: 150_000_000 },
          { item: '二期', amountFen: 50_000_001 },
        ],
      },
      '2026-03-05',
      'budget_exceeded',
      'budgetLines',
    ],
    [
      'R-REP-2: services fee lines one fen over 10% of the budget are refused',
      { state: 'adopted', category: 'services' },
      {
        action: 'proposal.draftReport',
        ...REPORT,
        budgetLines: [
          { item: '课程', amountFen: 899_999 },
          { item: '服务管理费', amountFen: 100_001, fee: true },
        ],
      },
      '2026-03-05',
      'fee_ratio_exceeded',
      'budgetLines',
    ],
    [
      'R-COU-2: an agenda for a meeting within 3 working days is too early',
      { state: 'drafted' },
      { action: 'council.publishAgenda', meetingId: 'm-2', meetingOn: '2026-04-15' },
      '2026-04-10',
      'too_early',
      'meetingOn',
    ],
    [
      'R-COU-2: an agenda published before National Day cannot fix a meeting on 9 Oct',
      { state: 'drafted' },
      { action: 'council.publishAgenda', meetingId: 'm-2', meetingOn: '2026-10-09' },
      '2026-09-29',
      'too_early',
      'meetingOn',
    ],
    [
      'R-COU-2: an agenda needs its meeting',
      { state: 'drafted' },
      { action: 'council.publishAgenda', meetingId: '', meetingOn: '2026-04-20' },
      '2026-04-10',
      'invalid_input',
      'meetingId',
    ],
    [
      'R-COU-2: an agenda needs a real meeting day',
      { state: 'drafted' },
      { action: 'council.publishAgenda', meetingId: 'm-2', meetingOn: '2026-04-31' },
      '2026-04-10',
      'invalid_input',
      'meetingOn',
    ],
    [
      'R-COU-3: a vote cannot be recorded before the meeting day',
      { state: 'agenda_published', meetingOn: '2026-04-20' },
      { action: 'council.recordVote', attendance: 30, for: 20, against: 5, abstain: 5 },
      '2026-04-19',
      'too_early',
      undefined,
    ],
    [
      'R-COU-3: more votes than people attending is nonsense',
      { state: 'agenda_published' },
      { action: 'council.recordVote', attendance: 30, for: 20, against: 6, abstain: 5 },
      '2026-03-12',
      'invalid_input',
      'attendance',
    ],
    [
      'R-COU-3: a meeting nobody attended cannot vote',
      { state: 'agenda_published' },
      { action: 'council.recordVote', attendance: 0, for: 0, against: 0, abstain: 0 },
      '2026-03-12',
      'invalid_input',
      'attendance',
    ],
    [
      'R-COU-3: a negative attendance is refused',
      { state: 'agenda_published' },
      { action: 'council.recordVote', attendance: -1, for: 0, against: 0, abstain: 0 },
      '2026-03-12',
      'invalid_input',
      'attendance',
    ],
    [
      'R-COU-3: a negative count of votes in favour is refused',
      { state: 'agenda_published' },
      { action: 'council.recordVote', attendance: 30, for: -1, against: 0, abstain: 0 },
      '2026-03-12',
      'invalid_input',
      'for',
    ],
    [
      'R-COU-3: a fractional count of votes against is refused',
      { state: 'agenda_published' },
      { action: 'council.recordVote', attendance: 30, for: 10, against: 0.5, abstain: 0 },
      '2026-03-12',
      'invalid_input',
      'against',
    ],
    [
      'R-COU-3: a count of abstentions that is not a number is refused',
      { state: 'agenda_published' },
      { action: 'council.recordVote', attendance: 30, for: 10, against: 0, abstain: Number.NaN },
      '2026-03-12',
      'invalid_input',
      'abstain',
    ],
    [
      'R-REV-1: an approval without a budget is refused',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'approved' },
      '2026-03-27',
      'invalid_input',
      'approvedBudgetFen',
    ],
    [
      'R-REV-1: an approval of zero fen is refused',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'approved', approvedBudgetFen: 0 },
      '2026-03-27',
      'invalid_input',
      'approvedBudgetFen',
    ],
    [
      'R-REV-2: a rejection without a reason is refused',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'rejected', reason: ' ' },
      '2026-03-27',
      'invalid_input',
      'reason',
    ],
    [
      'R-REV-3: a transfer without a reason is refused',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'transferred', department: '区交通运输局' },
      '2026-03-27',
      'invalid_input',
      'reason',
    ],
    [
      'R-REV-3: a transfer without the department is refused',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'transferred', reason: '属交通部门职责' },
      '2026-03-27',
      'invalid_input',
      'department',
    ],
    [
      'R-PUB-1, R-IMP-1: no implementer on the last day of the publicity window',
      { state: 'publicity' },
      { action: 'implementation.assign', implementer: '某某公司', assignedOn: '2026-04-02' },
      '2026-04-02',
      'too_early',
      undefined,
    ],
    [
      'R-IMP-1: an implementer needs a name',
      { state: 'publicity' },
      { action: 'implementation.assign', implementer: '', assignedOn: '2026-04-07' },
      '2026-04-10',
      'invalid_input',
      'implementer',
    ],
    [
      'R-IMP-1: an implementer cannot be dated inside the publicity window',
      { state: 'publicity' },
      { action: 'implementation.assign', implementer: '某某公司', assignedOn: '2026-04-02' },
      '2026-04-10',
      'invalid_input',
      'assignedOn',
    ],
    [
      'R-IMP-1: an implementer cannot be dated in the future',
      { state: 'publicity' },
      { action: 'implementation.assign', implementer: '某某公司', assignedOn: '2026-04-11' },
      '2026-04-10',
      'invalid_input',
      'assignedOn',
    ],
    [
      'R-IMP-1: an implementer needs a real date',
      { state: 'publicity' },
      { action: 'implementation.assign', implementer: '某某公司', assignedOn: '7 Apr' },
      '2026-04-10',
      'invalid_input',
      'assignedOn',
    ],
    [
      'R-IMP-2: a 400,000 CNY project without a tender record is refused',
      { state: 'publicity', category: 'works', approvedBudgetFen: 40_000_000 },
      { action: 'implementation.assign', implementer: '某某建设公司', assignedOn: '2026-04-07' },
      '2026-04-10',
      'invalid_input',
      'tenderRef',
    ],
    [
      'R-IMP-3: a start is recorded once',
      { state: 'implementing' },
      { action: 'implementation.start', startedOn: '2026-04-09' },
      '2026-04-10',
      'invalid_state',
      undefined,
    ],
    [
      'R-IMP-3: a start before the implementer was set is refused',
      { state: 'implementing', implementation: NOT_STARTED },
      { action: 'implementation.start', startedOn: '2026-04-06' },
      '2026-04-10',
      'invalid_input',
      'startedOn',
    ],
    [
      'R-IMP-3: a start in the future is refused',
      { state: 'implementing', implementation: NOT_STARTED },
      { action: 'implementation.start', startedOn: '2026-04-11' },
      '2026-04-10',
      'invalid_input',
      'startedOn',
    ],
    [
      'R-IMP-3: a services project records its start before it can complete',
      { state: 'implementing', category: 'services', implementation: NOT_STARTED },
      { action: 'implementation.complete', completedOn: '2026-04-09', maintenanceUnit: '社区工作站', maintenanceFunding: '经费' },
      '2026-04-10',
      'invalid_state',
      undefined,
    ],
    [
      'R-REV-1: the street approves at most what the application report asks for',
      { state: 'street_review' },
      { action: 'review.decide', outcome: 'approved', approvedBudgetFen: 5_000_001 },
      '2026-03-27',
      'invalid_input',
      'approvedBudgetFen',
    ],
    [
      'R-CMP-1: a completion before the start is refused',
      { state: 'implementing' },
      { action: 'implementation.complete', completedOn: '2026-04-07', maintenanceUnit: '社区工作站', maintenanceFunding: '经费' },
      '2026-04-10',
      'invalid_input',
      'completedOn',
    ],
    [
      'R-CMP-1: a completion before the assignment is refused',
      { state: 'implementing', implementation: NOT_STARTED },
      { action: 'implementation.complete', completedOn: '2026-04-06', maintenanceUnit: '社区工作站', maintenanceFunding: '经费' },
      '2026-04-10',
      'invalid_input',
      'completedOn',
    ],
    [
      'R-CMP-1: a completion without a maintenance unit is refused',
      { state: 'implementing' },
      { action: 'implementation.complete', completedOn: '2026-04-09', maintenanceUnit: '', maintenanceFunding: '经费' },
      '2026-04-10',
      'invalid_input',
      'maintenanceUnit',
    ],
    [
      'R-CMP-1: a completion without the maintenance funding is refused',
      { state: 'implementing' },
      { action: 'implementation.complete', completedOn: '2026-04-09', maintenanceUnit: '社区工作站', maintenanceFunding: ' ' },
      '2026-04-10',
      'invalid_input',
      'maintenanceFunding',
    ],
    [
      'R-EVA-1: an evaluation needs its result',
      { state: 'completed' },
      { action: 'evaluation.publish', summary: '' },
      '2026-07-10',
      'invalid_input',
      'summary',
    ],
    [
      'R-AUD-1: an audit is published after the evaluation, not before',
      { state: 'completed' },
      { action: 'audit.publish', auditor: '某某会计师事务所', spentFen: 1, report: '合规' },
      '2026-07-10',
      'invalid_state',
      undefined,
    ],
    [
      'R-AUD-1: an audit needs its auditor',
      { state: 'evaluated' },
      { action: 'audit.publish', auditor: ' ', spentFen: 1, report: '合规' },
      '2026-08-03',
      'invalid_input',
      'auditor',
    ],
    [
      'R-AUD-1: negative spending is refused',
      { state: 'evaluated' },
      { action: 'audit.publish', auditor: '某某会计师事务所', spentFen: -1, report: '合规' },
      '2026-08-03',
      'invalid_input',
      'spentFen',
    ],
    [
      'R-AUD-1: an audit needs its report',
      { state: 'evaluated' },
      { action: 'audit.publish', auditor: '某某会计师事务所', spentFen: 1, report: '' },
      '2026-08-03',
      'invalid_input',
      'report',
    ],
    [
      'R-CHG-1: one change at a time',
      { state: 'approved', pendingChangeId: 'chg-0' },
      { action: 'change.request', changeId: 'chg-1', kind: 'adjust', reason: '增加坡道', newBudgetFen: 5_500_000 },
      '2026-03-28',
      'invalid_state',
      undefined,
    ],
    [
      'R-CHG-1: a change needs its reason',
      { state: 'approved' },
      { action: 'change.request', changeId: 'chg-1', kind: 'withdraw', reason: '' },
      '2026-03-28',
      'invalid_input',
      'reason',
    ],
    [
      'R-CHG-1: a completed project cannot be withdrawn',
      { state: 'completed' },
      { action: 'change.request', changeId: 'chg-1', kind: 'withdraw', reason: '不再需要' },
      '2026-07-01',
      'invalid_state',
      undefined,
    ],
    [
      'R-CHG-1: an adjustment needs the new budget',
      { state: 'approved' },
      { action: 'change.request', changeId: 'chg-1', kind: 'adjust', reason: '增加坡道' },
      '2026-03-28',
      'invalid_input',
      'newBudgetFen',
    ],
    [
      'R-CHG-1: an adjustment to the same budget changes nothing',
      { state: 'approved' },
      { action: 'change.request', changeId: 'chg-1', kind: 'adjust', reason: '增加坡道', newBudgetFen: APPROVED_BUDGET_FEN },
      '2026-03-28',
      'invalid_input',
      'newBudgetFen',
    ],
    [
      'R-CHG-1: a change is applied only once the street has decided it',
      { state: 'approved', pendingChangeId: 'chg-1' },
      { action: 'change.apply', change: buildChange() },
      '2026-03-30',
      'invalid_state',
      undefined,
    ],
    [
      'R-CHG-1: only the change pending on the project is applied',
      { state: 'approved', pendingChangeId: 'chg-2' },
      { action: 'change.apply', change: buildChange({ state: 'approved' }) },
      '2026-03-30',
      'invalid_state',
      undefined,
    ],
    [
      'R-CHG-1: a change of another project is not applied',
      { state: 'approved', pendingChangeId: 'chg-1' },
      { action: 'change.apply', change: buildChange({ proposalId: 'p-2', state: 'approved' }) },
      '2026-03-30',
      'invalid_state',
      undefined,
    ],
    [
      'R-CHG-1: an approved adjustment cannot change the budget of a project evaluated meanwhile',
      { state: 'evaluated', pendingChangeId: 'chg-1' },
      { action: 'change.apply', change: buildChange({ state: 'approved' }) },
      '2026-07-20',
      'invalid_state',
      undefined,
    ],
    [
      'R-CHG-1: an approved withdrawal cannot undo a project completed meanwhile',
      { state: 'completed', pendingChangeId: 'chg-1' },
      { action: 'change.apply', change: buildChange({ kind: 'withdraw', state: 'approved' }) },
      '2026-07-02',
      'invalid_state',
      undefined,
    ],
  ])('%s', (_title, overrides, command, today, code, field) => {
    const record = deepFreeze(buildProposal(overrides));
    const result = transition(record, command, buildContext({ today }));
    expect(result).toEqual({ ok: false, error: { code, message: expect.any(String), ...(field ? { field } : {}) } });
  });

  it('R-REP-2: the fee limit applies to services only: a works report may carry a larger management fee', () => {
    const command: Command = {
      action: 'proposal.draftReport',
      ...REPORT,
      budgetLines: [
        { item: '工程', amountFen: 800_000 },
        { item: '管理费', amountFen: 200_000, fee: true },
      ],
    };
    expect(transition(buildProposal({ state: 'adopted', category: 'works' }), command, buildContext()).ok).toBe(true);
    expect(transition(buildProposal({ state: 'adopted', category: 'services' }), command, buildContext()).ok).toBe(false);
  });

  it('R-REP-2: the fee limit follows the ratio the district set', () => {
    const command: Command = {
      action: 'proposal.draftReport',
      ...REPORT,
      budgetLines: [
        { item: '课程', amountFen: 850_000 },
        { item: '服务管理费', amountFen: 150_000, fee: true },
      ],
    };
    const record = buildProposal({ state: 'adopted', category: 'services' });
    expect(transition(record, command, buildContext()).ok).toBe(false);
    expect(transition(record, command, buildContext({ policy: buildPolicy({ feeRatioPercent: 15 }) })).ok).toBe(true);
  });

  it('messages are in Simplified Chinese and name the state', () => {
    const result = transition(buildProposal({ state: 'audited' }), SAMPLE_COMMANDS['publicity.publish'], buildContext());
    expect(result).toEqual({ ok: false, error: { code: 'invalid_state', message: '项目当前为「已审计」，不能发布公示' } });
  });
});

describe('every transition row refuses every state outside its from-states with invalid_state', () => {
  const cells = (Object.keys(TRANSITIONS) as TransitionAction[]).flatMap((action) =>
    PROPOSAL_STATES.filter((state) => !TRANSITIONS[action].from.includes(state)).map((state) => [action, state] as const),
  );

  test.each(cells)('%s is refused in state %s', (action, state) => {
    const result = transition(buildProposal({ state, pendingChangeId: 'chg-1' }), SAMPLE_COMMANDS[action], buildContext());
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_state' }) });
  });

  it('covers 14 actions', () => {
    expect(Object.keys(SAMPLE_COMMANDS).sort()).toEqual(Object.keys(TRANSITIONS).sort());
  });
});

describe('readiness: whether an action is offered now', () => {
  test.each<[string, TransitionAction, Partial<ProposalRecord>, string, ErrorCode | null]>([
    ['R-COU-3: a vote on the meeting day is ready', 'council.recordVote', { state: 'agenda_published' }, '2026-03-12', null],
    ['R-COU-3: a vote the day before the meeting is not', 'council.recordVote', { state: 'agenda_published' }, '2026-03-11', 'too_early'],
    ['R-IMP-1: an assignment the day after the window is ready', 'implementation.assign', { state: 'publicity' }, '2026-04-03', null],
    ['R-IMP-1: an assignment on the window’s last day is not', 'implementation.assign', { state: 'publicity' }, '2026-04-02', 'too_early'],
    ['R-CHG-1: a change on a project with none pending is ready', 'change.request', { state: 'implementing' }, '2026-04-10', null],
    ['R-CHG-1: a change on a project with one pending is not', 'change.request', { state: 'implementing', pendingChangeId: 'c' }, '2026-04-10', 'invalid_state'],
    ['a screening of an adopted proposal is not', 'proposal.screen', { state: 'adopted' }, '2026-04-10', 'invalid_state'],
  ])('%s', (_title, action, overrides, today, code) => {
    const refused = readiness(buildProposal(overrides), action, buildContext({ today }));
    expect(refused?.code ?? null).toBe(code);
  });
});

describe('the policy year of a record', () => {
  test.each([
    ['a record approved in 2026, read in 2027,', 2026, { state: 'implementing' as const }, '2027-01-05'],
    ['a record not yet approved', 2027, { state: 'drafted' as const }, '2027-01-05'],
  ])('R-FUN-1: %s draws on the policy and ledger of %i', (_what, year, overrides, today) => {
    expect(policyYearOf(buildProposal(overrides), today)).toBe(year);
  });
});
