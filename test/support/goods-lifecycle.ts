// The goods lifecycle from submission to `audited`, as one scenario that each door of the backend
// replays: the local server over HTTP (test/api/lifecycle.test.ts) and the bundled cloud function
// (test/functions/api-bundle.test.ts). Dates are 2026's, whose holidays are known; every expected
// deadline was counted by hand on that calendar.

export const GOODS_CAST = {
  resident: 'u-res-3',
  otherResident: 'u-race-neighbour',
  worker: 'u-com-tianxin',
  street: 'u-street-haishan',
  community: 'c-tianxin',
} as const;

/** One door of the backend, as the scenario calls it. */
export interface Door {
  /** The data of a call that must succeed. */
  ok(openid: string | null, day: string, action: string, payload: unknown): Promise<any>;
  /** The error of a call that must be refused; the door checks what its transport adds (an HTTP status). */
  refused(openid: string | null, day: string, action: string, payload: unknown): Promise<{ code: string; field?: string }>;
}

/** What the scenario needs before it starts: the 2026 allocation and a second resident. */
export async function prepareGoodsLifecycle(door: Door): Promise<void> {
  const { street, community, otherResident } = GOODS_CAST;
  // The wall clock decides which years a seed allocates; 2026's allocation is made here.
  await door.ok(street, '2026-01-05', 'ledger.allocate', { communityId: community, year: 2026, allocatedFen: 100_000_000 });
  await door.ok(otherResident, '2026-01-05', 'me.join', { communityId: community, name: '何阿姨' });
}

export const GOODS_PROPOSAL = {
  communityId: GOODS_CAST.community,
  title: '田心社区健身路径器材更新',
  category: 'goods',
  location: '田心社区文体广场',
  description: '健身器材老化生锈，希望更新一批。',
  source: 'resident',
  requestId: 'lifecycle-goods-0001',
};

/**
 * Takes a goods project from submission to audited, asserting its state, deadlines and the ledger
 * at each step; answers the proposal's id. `afterComment` lets a door check what it alone sees.
 */
export async function runGoodsLifecycle(door: Door, hooks: { afterComment?: () => void } = {}): Promise<string> {
  const { resident, otherResident, worker, street, community } = GOODS_CAST;
  const ledger2026 = async () => {
    const { quotaFen, allocatedFen, approvedFen, spentFen, remainingFen } = await door.ok(null, '2026-12-01', 'ledger.get', { communityId: community, year: 2026 });
    return { quotaFen, allocatedFen, approvedFen, spentFen, remainingFen };
  };
  const before = await ledger2026();

  const submitted = await door.ok(resident, '2026-08-03', 'proposal.submit', GOODS_PROPOSAL);
  expect(submitted).toMatchObject({ state: 'submitted', communityId: community, proposer: '王建国', mine: true, version: 1, deadlines: {} });
  const { id } = submitted;
  // The same requestId again: the first proposal, not a second one.
  expect((await door.ok(resident, '2026-08-03', 'proposal.submit', GOODS_PROPOSAL)).id).toBe(id);

  expect((await door.ok(worker, '2026-08-03', 'proposal.screen', { id, adopt: true })).state).toBe('adopted');
  const drafted = await door.ok(worker, '2026-08-03', 'proposal.draftReport', {
    id,
    reason: '器材老化存在安全隐患',
    overview: '更新健身器材 10 件',
    plan: '社区采购并安装，由社区日常管养',
    budgetLines: [
      { item: '健身器材 10 件', amountFen: 7_000_000 },
      { item: '安装', amountFen: 1_000_000 },
    ],
  });
  expect(drafted.report).toMatchObject({ budgetFen: 8_000_000, feeFen: 0 });

  // R-COU-2: on Mon 3 Aug the agenda needs 3 full working days: the meeting is on Fri 7 Aug at the earliest.
  expect((await door.refused(worker, '2026-08-03', 'council.publishAgenda', { communityId: community, meetingOn: '2026-08-06', proposalIds: [id] })).code).toBe('too_early');
  const meeting = await door.ok(worker, '2026-08-03', 'council.publishAgenda', { communityId: community, meetingOn: '2026-08-07', proposalIds: [id] });
  expect(meeting).toMatchObject({ communityId: community, meetingOn: '2026-08-07', proposalIds: [id] });
  expect(meeting.proposals[0].state).toBe('agenda_published');

  const passed = await door.ok(worker, '2026-08-07', 'council.recordVote', { meetingId: meeting.id, proposalId: id, attendance: 30, for: 20, against: 6, abstain: 4 });
  expect(passed.state).toBe('council_passed');

  // R-REV-1: 15 working days from Fri 7 Aug end on Fri 28 Aug.
  const inReview = await door.ok(worker, '2026-08-07', 'proposal.submitToStreet', { id });
  expect(inReview).toMatchObject({ state: 'street_review', deadlines: { reviewDueOn: { on: '2026-08-28', provisional: false } } });

  const approved = await door.ok(street, '2026-08-10', 'review.decide', { id, outcome: 'approved', approvedBudgetFen: 8_000_000 });
  expect(approved).toMatchObject({ state: 'approved', approvedBudgetFen: 8_000_000, budgetYear: 2026, deadlines: {} });
  expect(await ledger2026()).toEqual({ ...before, approvedFen: before.approvedFen + 8_000_000, remainingFen: before.remainingFen - 8_000_000 });

  // R-PUB-1: published Tue 11 Aug, the window ends on Fri 14 Aug.
  const published = await door.ok(worker, '2026-08-11', 'publicity.publish', { id });
  expect(published).toMatchObject({ state: 'publicity', deadlines: { publicityEndsOn: { on: '2026-08-14', provisional: false } } });
  expect(published.allowedActions).not.toContain('implementation.assign');

  // R-PUB-2: residents comment until 24:00 of the window's last day; the community answers.
  const comment = await door.ok(resident, '2026-08-14', 'comment.add', { proposalId: id, text: '希望增加适合老人的拉伸器材。', requestId: 'lifecycle-comment-0001' });
  expect(comment).toMatchObject({ status: 'published', author: '王建国', mine: true });
  hooks.afterComment?.();
  await door.ok(worker, '2026-08-14', 'comment.reply', { commentId: comment.id, text: '已增加两件拉伸器材。' });
  const comments = await door.ok(null, '2026-08-14', 'comment.list', { proposalId: id });
  expect(comments.items).toEqual([expect.objectContaining({ id: comment.id, author: '王*国', reply: expect.objectContaining({ text: '已增加两件拉伸器材。' }) })]);
  expect((await door.refused(resident, '2026-08-17', 'comment.add', { proposalId: id, text: '还来得及吗？', requestId: 'lifecycle-comment-0002' })).code).toBe('window_closed');

  // R-PUB-1: no implementation during the window.
  expect((await door.refused(worker, '2026-08-14', 'implementation.assign', { id, implementer: '田心体育设施公司', assignedOn: '2026-08-14' })).code).toBe('too_early');

  // R-IMP-1, R-IMP-4: ¥80,000 of goods is the community's to implement, finished within 6 months —
  // into 2027, whose holidays are not known yet, so the date is provisional (R-TIME-3).
  const assigned = await door.ok(worker, '2026-08-17', 'implementation.assign', { id, implementer: '田心体育设施公司', assignedOn: '2026-08-17' });
  expect(assigned).toMatchObject({
    state: 'implementing',
    implementation: { side: 'community', implementer: '田心体育设施公司', assignedOn: '2026-08-17' },
    deadlines: { completeDueOn: { on: '2027-02-17', provisional: true } },
  });
  await door.ok(worker, '2026-08-18', 'implementation.start', { id, startedOn: '2026-08-18' });
  const completed = await door.ok(worker, '2026-09-01', 'implementation.complete', {
    id,
    completedOn: '2026-09-01',
    maintenanceUnit: '田心社区工作站',
    maintenanceFunding: '社区党群服务经费',
  });
  expect(completed).toMatchObject({ state: 'completed', deadlines: {} });

  // R-EVA-1: ratings open at completion, one per resident, replaced by a later call.
  await door.ok(resident, '2026-09-02', 'rating.set', { proposalId: id, stars: 3 });
  await door.ok(resident, '2026-09-03', 'rating.set', { proposalId: id, stars: 5, text: '器材很好用' });
  await door.ok(otherResident, '2026-09-03', 'rating.set', { proposalId: id, stars: 4 });
  expect(await door.ok(null, '2026-09-03', 'rating.summary', { proposalId: id })).toEqual({
    count: 2,
    average: 4.5,
    histogram: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
  });
  expect((await door.ok(worker, '2026-09-07', 'evaluation.publish', { id, summary: '居民满意。' })).state).toBe('evaluated');
  expect((await door.refused(otherResident, '2026-09-08', 'rating.set', { proposalId: id, stars: 1 })).code).toBe('window_closed');

  // R-AUD-1: the audit publishes the spending against the budget; the ledger counts it as spent.
  const audited = await door.ok(street, '2026-09-10', 'audit.publish', { id, auditor: '盐田审计所', spentFen: 7_900_000, report: '资金使用合规。' });
  expect(audited).toMatchObject({ state: 'audited', audit: { spentFen: 7_900_000, auditor: '盐田审计所' } });
  expect(await ledger2026()).toEqual({
    ...before,
    approvedFen: before.approvedFen + 8_000_000,
    spentFen: before.spentFen + 7_900_000,
    remainingFen: before.remainingFen - 8_000_000,
  });

  // R-SUP-2: every step left one entry on the proposal's chain, each pointing at the one before.
  const trail = await door.ok(worker, '2026-09-10', 'audit.trail', { id });
  expect(trail.entries.map((entry: any) => entry.to)).toEqual([
    'submitted', 'adopted', 'drafted', 'agenda_published', 'council_passed', 'street_review', 'approved',
    'publicity', 'implementing', 'implementing', 'completed', 'evaluated', 'audited',
  ]);
  trail.entries.slice(1).forEach((entry: any, index: number) => expect(entry.prevHash).toBe(trail.entries[index].hash));
  return id;
}
