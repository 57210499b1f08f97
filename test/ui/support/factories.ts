import type { CommentView, Directory, LedgerAnswer, Me, Page, ProposalView, RatingSummary } from '../../../types/api';

// Factories with overrides: every test builds the records it needs, nothing shared is mutated.

export const directory: Directory = {
  districts: [
    {
      id: 'd-yantian',
      name: '盐田区',
      streets: [
        { id: 's-shatoujiao', name: '沙头角街道', communities: [{ id: 'c-zhongying', name: '中英街社区' }, { id: 'c-qiaoyuan', name: '桥园社区' }] },
        { id: 's-haishan', name: '海山街道', communities: [{ id: 'c-tianxin', name: '田心社区' }] },
      ],
    },
  ],
};

export function buildMe(overrides: Partial<Me> = {}): Me {
  return { openid: 'u-res-1', name: '张小明', communityId: 'c-zhongying', roles: [{ role: 'resident', scopeId: 'c-zhongying' }], ...overrides };
}

let sequence = 0;

export function buildProposal(overrides: Partial<ProposalView> = {}): ProposalView {
  sequence += 1;
  return {
    id: `p-${sequence}`,
    communityId: 'c-zhongying',
    streetId: 's-shatoujiao',
    districtId: 'd-yantian',
    state: 'submitted',
    title: `提议 ${sequence}`,
    category: 'works',
    location: '中英街 3 号楼东侧',
    description: '路灯不亮，晚上出行不安全。',
    source: 'resident',
    photos: [],
    proposer: '张*明',
    mine: false,
    commentCount: 0,
    ratingCount: 0,
    ratingAverage: 0,
    deadlines: {},
    overdue: [],
    daysLeft: {},
    allowedActions: [],
    sideActions: [],
    createdAt: '2026-09-01T02:00:00.000Z',
    updatedAt: '2026-09-01T02:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** A proposal in its publicity window: approved with a report, window 18–22 Sep 2026. */
export function buildNotice(overrides: Partial<ProposalView> = {}): ProposalView {
  return buildProposal({
    state: 'publicity',
    title: '中英街口加装无障碍扶手',
    description: '老人上下台阶不方便。',
    report: {
      reason: '台阶无扶手，老人摔倒过。',
      overview: '在中英街口台阶两侧加装不锈钢扶手 20 米。',
      plan: '10 月施工，工期 5 天。',
      budgetLines: [
        { item: '不锈钢扶手 20 米', amountFen: 1000000 },
        { item: '安装人工', amountFen: 234500 },
      ],
      budgetFen: 1234500,
      feeFen: 0,
    },
    approvedBudgetFen: 1234500,
    review: { outcome: 'approved', decidedOn: '2026-09-15' },
    publicity: { publishedOn: '2026-09-18', endsOn: { on: '2026-09-22', provisional: false }, timeLimit: '确定实施主体之日起 6 个月内完成' },
    deadlines: { publicityEndsOn: { on: '2026-09-22', provisional: false } },
    daysLeft: { publicityEndsOn: 2 },
    allowedActions: ['comment.add'],
    ...overrides,
  });
}

export function buildComment(overrides: Partial<CommentView> = {}): CommentView {
  sequence += 1;
  return {
    id: `cm-${sequence}`,
    proposalId: 'p-1',
    author: '李*英',
    text: `意见 ${sequence}`,
    status: 'published',
    createdAt: '2026-09-19T01:30:00.000Z',
    mine: false,
    ...overrides,
  };
}

export function buildLedger(overrides: Partial<LedgerAnswer> = {}): LedgerAnswer {
  return {
    communityId: 'c-zhongying',
    year: 2026,
    quotaFen: 200000000,
    allocatedFen: 100000000,
    approvedFen: 1234500,
    spentFen: 0,
    remainingFen: 98765500,
    ...overrides,
  };
}

export function buildSummary(overrides: Partial<RatingSummary> = {}): RatingSummary {
  return { count: 0, average: 0, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, ...overrides };
}

export function pageOf<T>(items: T[], nextCursor: string | null = null): Page<T> {
  return { items, nextCursor };
}
