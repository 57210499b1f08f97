/**
 * Factories with overrides. Every call builds fresh objects: no test shares a mutable fixture.
 *
 * `buildProposal({ state })` builds a record that has lived the lifecycle up to that state, with
 * every stage's record in place, on this timeline (2026, Asia/Shanghai):
 * submitted Mon 2 Mar · screened 3 Mar · council Thu 12 Mar · to the street Fri 13 Mar ·
 * approved Fri 27 Mar · publicity Mon 30 Mar – Thu 2 Apr · implementer Tue 7 Apr (after
 * Qingming 4–6 Apr) · started 8 Apr · completed 30 Jun · evaluated 10 Jul · audited 3 Aug.
 */
import type { Role } from '../../types/api';
import type {
  Actor,
  ChangeRecord,
  DocumentKind,
  DocumentRecord,
  Ledger,
  Place,
  Policy,
  ProposalRecord,
  ProposalState,
} from '../../types/domain';
import { defaultCalendar } from '../../backend/domain/calendar';
import { defaultPolicy } from '../../backend/domain/policy';
import type { TransitionContext } from '../../backend/domain/lifecycle';

export const HOME: Place = { communityId: 'c-zhongying', streetId: 's-shatoujiao', districtId: 'd-yantian' };
/** A place that shares no scope with HOME. */
export const ELSEWHERE: Place = { communityId: 'c-lianhua', streetId: 's-lianhua', districtId: 'd-futian' };

/** The scope id a grant of `role` has over `place`. */
export function scopeIdOf(role: Role, place: Place): string {
  switch (role) {
    case 'resident':
    case 'community':
      return place.communityId;
    case 'street':
      return place.streetId;
    case 'district':
    case 'supervisor':
      return place.districtId;
    case 'city':
      return 'city';
  }
}

export function buildActor(role: Role | null, place: Place = HOME, overrides: Partial<Actor> = {}): Actor {
  return {
    openid: role === null ? null : `u-${role}-${place.communityId}`,
    communityId: role === 'resident' ? place.communityId : null,
    grants: role === null ? [] : [{ role, scopeId: scopeIdOf(role, place) }],
    ...overrides,
  };
}

export function buildPolicy(overrides: Partial<Policy> = {}): Policy {
  return { ...defaultPolicy(HOME.districtId, 2026), ...overrides };
}

export function buildLedger(overrides: Partial<Ledger> = {}): Ledger {
  return { quotaFen: 200_000_000, allocatedFen: 100_000_000, approvedFen: 0, spentFen: 0, ...overrides };
}

export function buildContext(overrides: Partial<TransitionContext> = {}): TransitionContext {
  return { today: '2026-04-10', calendar: defaultCalendar, policy: buildPolicy(), ...overrides };
}

export function buildChange(overrides: Partial<ChangeRecord> = {}): ChangeRecord {
  return {
    id: 'chg-1',
    proposalId: 'p-1',
    kind: 'adjust',
    reason: '公示期间居民建议增加无障碍坡道',
    newBudgetFen: 5_500_000,
    state: 'pending',
    requestedOn: '2026-03-31',
    ...overrides,
  };
}

/** The position of each state on the main path; side outcomes share their step. */
const STEP: Record<ProposalState, number> = {
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
  withdrawn: 6,
};

export const APPROVED_BUDGET_FEN = 5_000_000;

export function buildProposal(overrides: Partial<ProposalRecord> = {}): ProposalRecord {
  const state = overrides.state ?? 'submitted';
  const step = STEP[state];
  const record: ProposalRecord = {
    id: 'p-1',
    ...HOME,
    state,
    title: '中英街口加装休闲座椅',
    category: 'goods',
    location: '中英街社区中英街口',
    description: '老人候车无处可坐，希望加装座椅',
    source: 'resident',
    photos: [],
    proposerOpenid: 'u-res-1',
    proposerName: '张小明',
    createdAt: '2026-03-02T02:00:00.000Z',
    version: 3,
  };
  if (step >= 1) {
    record.screening =
      state === 'not_adopted'
        ? { adopt: false, explanation: '属物业管理公司职责，已转告物业', exclusion: 'property_duty', decidedOn: '2026-03-03' }
        : { adopt: true, decidedOn: '2026-03-03' };
  }
  if (step >= 2) {
    record.report = {
      reason: '老年居民多，候车无座',
      overview: '加装 6 张户外座椅',
      plan: '采购并安装户外座椅',
      budgetLines: [
        { item: '户外座椅 6 张', amountFen: 4_800_000 },
        { item: '安装费', amountFen: 200_000 },
      ],
      budgetFen: 5_000_000,
      feeFen: 0,
    };
  }
  if (step >= 3) {
    record.meetingId = 'm-1';
    record.meetingOn = '2026-03-12';
  }
  if (step >= 4) {
    const passed = state !== 'council_rejected';
    record.vote = { attendance: 30, for: passed ? 20 : 10, against: passed ? 5 : 15, abstain: 5, recordedOn: '2026-03-12' };
  }
  if (step >= 5) record.submittedToStreetOn = '2026-03-13';
  if (step >= 6) {
    if (state === 'rejected') {
      record.review = { outcome: 'rejected', reason: '与在建政府投资项目重复', decidedOn: '2026-03-27' };
    } else if (state === 'transferred') {
      record.review = { outcome: 'transferred', reason: '属交通部门职责', department: '区交通运输局', decidedOn: '2026-03-27' };
    } else {
      record.review = { outcome: 'approved', decidedOn: '2026-03-27' };
      record.approvedBudgetFen = APPROVED_BUDGET_FEN;
      record.budgetYear = 2026;
    }
  }
  if (step >= 7) record.publicity = { publishedOn: '2026-03-30', endsOn: { on: '2026-04-02', provisional: false }, timeLimit: '确定实施主体之日起 6 个月内完成' };
  if (step >= 8) {
    record.implementation = { implementer: '深圳市盐田区某某家具有限公司', side: 'community', assignedOn: '2026-04-07', startedOn: '2026-04-08' };
  }
  if (step >= 9) {
    record.implementation = {
      ...record.implementation!,
      completedOn: '2026-06-30',
      maintenanceUnit: '中英街社区工作站',
      maintenanceFunding: '社区年度公共设施维护经费',
    };
  }
  // Issue 18 (acceptance, payments): a complete record was accepted, and its payments add up to the audit.
  if (step >= 9) record.acceptances = [{ acceptedOn: '2026-06-29', participants: ['社区工作站', '居民代表'], opinion: '合格', passed: true, recordedAt: '2026-06-29T02:00:00.000Z' }];
  if (step >= 11) {
    record.payments = [
      { id: 'pay-1', kind: 'final', amountFen: 4_900_000, paidOn: '2026-07-20', payee: '深圳市盐田区某某家具有限公司', voucherRef: '记-07-20', recordedAt: '2026-07-20T02:00:00.000Z', recordedBy: 'u-com-zhongying', requestId: 'req-pay-final' },
    ];
  }
  if (step >= 10) record.evaluation = { summary: '居民满意度 4.6 星', publishedOn: '2026-07-10' };
  if (step >= 11) record.audit = { auditor: '深圳某某会计师事务所', spentFen: 4_900_000, report: '资金使用合规', publishedOn: '2026-08-03' };
  // The archive's papers of each stage reached (issue 18): a complete record has them all.
  const papers: DocumentKind[] = [
    ...(step >= 4 ? (['minutes', 'sign_in'] as const) : []),
    ...(step >= 7 && state !== 'withdrawn' ? (['notice_photo'] as const) : []),
    ...(step >= 9 ? (['acceptance_report'] as const) : []),
    ...(step >= 11 ? (['audit_report'] as const) : []),
  ];
  if (papers.length > 0) record.documents = papers.map((kind, index) => buildDocument(kind, { id: `doc-${index + 1}` }));
  return { ...record, ...overrides };
}

/** A paper of the archive of p-1, attached by its community worker. */
export function buildDocument(kind: DocumentKind, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: `doc-${kind}`,
    proposalId: 'p-1',
    kind,
    fileId: `f-${kind}`,
    title: `${kind} 材料`,
    stage: 'council_passed',
    attachedBy: 'u-com-zhongying',
    attachedAt: '2026-03-12T08:00:00.000Z',
    requestKey: `u-com-zhongying:${kind}`,
    ...overrides,
  };
}
