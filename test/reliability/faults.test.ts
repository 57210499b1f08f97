import { recordFigure } from '../support/reliability-figures';
import { WriteFaults } from '../support/reliability-faults';
import {
  auditMismatches,
  changedTables,
  drive,
  ledgerMismatches,
  openWorld,
  PLACES,
  shanghaiToday,
  snapshot,
  startBefore,
  uniqueRequestId,
  type World,
} from '../support/reliability-world';

// Figure 4 (issue 7): the store fails at each write of each multi-write use case in turn — the
// first INSERT, the second UPDATE, … — as a full disk or a failed fsync would. After every failure
// nothing of that use case is visible (every table of the store is as before: state, version,
// ledger, audit entries, outbox, comments, ratings and their counters), the ledgers still equal
// Σ approved (R-FUN-1), every proposal write has exactly one audit entry (R-SUP-2), and the same
// request, replayed once the store works again, succeeds exactly once.
//
// The fault: test/support/reliability-faults.ts wraps db.prepare before the store prepares its
// statements, so no product code changes for it. Runs in process on the real store and dispatch.

interface Request {
  openid: string;
  day: string;
  action: string;
  payload: Record<string, unknown>;
}

interface FaultCase {
  name: string;
  /** Prepares the records (without faults) and answers the request to break. */
  prepare(world: World, today: string): Promise<Request>;
  /**
   * What a second replay after the successful one must answer: the same data and no write (a
   * requestId makes it idempotent), the same answer with the record and its counters unchanged
   * but the call audited again (rating.set: one rating per resident, a key, but no requestId), a
   * refusal (the state has moved on), or — for the actions the API gives no requestId and no
   * key — a new request, only counted.
   */
  again: 'same answer' | 'same record' | 'invalid_state' | 'new request';
}

const place = PLACES.tianxin;

const CASES: FaultCase[] = [
  {
    name: 'approve (review.decide approved)',
    again: 'invalid_state',
    async prepare(world, today) {
      const { ids, days } = await drive(world, place, 'street_review', { start: startBefore(today, 20) });
      return { openid: place.street, day: days.approvedOn, action: 'review.decide', payload: { id: ids[0], outcome: 'approved', approvedBudgetFen: 1_000_000 } };
    },
  },
  {
    name: 'withdraw (change.decide on an approved withdrawal)',
    again: 'invalid_state',
    async prepare(world, today) {
      const { ids } = await drive(world, place, 'implementing', { start: startBefore(today, 45) });
      const change = await world.ok(place.worker, today, 'change.request', { id: ids[0], kind: 'withdraw', reason: '居民意见较大，申请撤销' });
      return { openid: place.street, day: today, action: 'change.decide', payload: { changeId: change.id, approve: true, reason: '同意撤销' } };
    },
  },
  {
    name: 'adjust (change.decide on an approved budget increase)',
    again: 'invalid_state',
    async prepare(world, today) {
      const { ids } = await drive(world, place, 'publicity', { start: startBefore(today, 45) });
      const change = await world.ok(place.worker, today, 'change.request', { id: ids[0], kind: 'adjust', reason: '材料涨价', newBudgetFen: 1_300_000 });
      return { openid: place.street, day: today, action: 'change.decide', payload: { changeId: change.id, approve: true, reason: '同意调整' } };
    },
  },
  {
    name: 'comment (comment.add)',
    again: 'same answer',
    async prepare(world, today) {
      const { ids } = await drive(world, place, 'publicity', { start: startBefore(today, 30), publicityOn: today });
      return { openid: place.resident, day: today, action: 'comment.add', payload: { proposalId: ids[0], text: '建议施工避开上下学时间', requestId: uniqueRequestId('fault-comment') } };
    },
  },
  {
    name: 'rating, first (rating.set)',
    again: 'same record',
    async prepare(world, today) {
      const { ids } = await drive(world, place, 'completed', { start: startBefore(today, 45) });
      return { openid: place.resident, day: today, action: 'rating.set', payload: { proposalId: ids[0], stars: 4, text: '效果不错' } };
    },
  },
  {
    name: 'rating, replaced (rating.set again)',
    again: 'same record',
    async prepare(world, today) {
      const { ids } = await drive(world, place, 'completed', { start: startBefore(today, 45) });
      await world.ok(place.resident, today, 'rating.set', { proposalId: ids[0], stars: 5 });
      return { openid: place.resident, day: today, action: 'rating.set', payload: { proposalId: ids[0], stars: 2, text: '维护不及时' } };
    },
  },
  {
    name: 'audit publish (audit.publish)',
    again: 'invalid_state',
    async prepare(world, today) {
      const { ids } = await drive(world, place, 'evaluated', { start: startBefore(today, 45) });
      return { openid: place.street, day: today, action: 'audit.publish', payload: { id: ids[0], auditor: '审计事务所', spentFen: 950_000, report: '结余退回' } };
    },
  },
  {
    name: 'submit (proposal.submit)',
    again: 'same answer',
    async prepare(_world, today) {
      return {
        openid: place.resident,
        day: today,
        action: 'proposal.submit',
        payload: { communityId: place.communityId, title: '故障测试提议', category: 'goods', location: '田心社区', description: '写入失败后重试。', source: 'resident', requestId: uniqueRequestId('fault-submit') },
      };
    },
  },
  {
    name: 'agenda of three (council.publishAgenda)',
    again: 'invalid_state',
    async prepare(world, today) {
      const { ids } = await drive(world, place, 'drafted', { start: startBefore(today, 10), count: 3 });
      const { earliestMeetingOn } = await import('../../backend/domain/deadlines');
      return { openid: place.worker, day: today, action: 'council.publishAgenda', payload: { communityId: place.communityId, meetingOn: earliestMeetingOn(today).on, proposalIds: ids } };
    },
  },
  {
    name: 'reply (comment.reply)',
    again: 'new request',
    async prepare(world, today) {
      const { ids } = await drive(world, place, 'publicity', { start: startBefore(today, 30), publicityOn: today });
      const comment = await world.ok(place.resident, today, 'comment.add', { proposalId: ids[0], text: '路灯太亮', requestId: uniqueRequestId('fault-reply') });
      return { openid: place.worker, day: today, action: 'comment.reply', payload: { commentId: comment.id, text: '已调整灯具角度' } };
    },
  },
  {
    name: 'role grant (role.grant)',
    again: 'new request',
    async prepare(_world, today) {
      return { openid: place.street, day: today, action: 'role.grant', payload: { openid: 'u-fault-new-worker', role: 'community', scopeId: place.communityId } };
    },
  },
  {
    name: 'policy (policy.set)',
    again: 'new request',
    async prepare(_world, today) {
      return {
        openid: 'u-district-yantian',
        day: today,
        action: 'policy.set',
        payload: { districtId: 'd-yantian', year: 2030, quotaFen: 180_000_000, feeRatioPercent: 8, streetThresholdFen: { works: 20_000_000, goods: 10_000_000, services: 10_000_000 }, tenderThresholdFen: 40_000_000 },
      };
    },
  },
];

describe('Figure 4 — a store that fails at each write in turn', () => {
  const faults = new WriteFaults();
  let world: World;
  let today: string;
  const repeatedWrites: string[] = [];
  const rows: { name: string; writes: number; failures: number; internal: number; visible: number; ledgers: number; audits: number; replayed: boolean; secondEffect: number }[] = [];

  beforeAll(async () => {
    world = await openWorld({ instrument: (db) => faults.instrument(db) });
    today = shanghaiToday();
  });

  afterAll(async () => {
    await world?.close();
    const total = (key: 'writes' | 'failures' | 'internal' | 'visible' | 'ledgers' | 'audits' | 'secondEffect') => rows.reduce((sum, row) => sum + row[key], 0);
    const pass =
      rows.length === CASES.length &&
      total('visible') === 0 &&
      total('ledgers') === 0 &&
      total('audits') === 0 &&
      total('secondEffect') === 0 &&
      total('failures') === total('writes') &&
      total('internal') === total('failures') &&
      rows.every((row) => row.replayed && row.writes >= 1);
    recordFigure({
      number: 4,
      name: 'faults',
      goal: 'after each injected write failure nothing of the use case is visible; ledgers = Σ approved; one audit entry per proposal write; the replay succeeds exactly once',
      values: {
        'use cases': rows.length,
        'faults injected': total('failures'),
        'answered internal': total('internal'),
        'failures with something visible': total('visible'),
        'ledger mismatches': total('ledgers'),
        'audit mismatches': total('audits'),
        'replays ok': rows.filter((row) => row.replayed).length,
        'second replays with an effect': total('secondEffect'),
      },
      pass,
      notes: [
        ...rows.map((row) => `${row.name}: ${row.writes} writes, ${row.failures} faults, ${row.visible} visible after a fault`),
        ...repeatedWrites.map((line) => `no requestId in the API, noted: ${line}`),
      ],
    });
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    'R-FUN-1, R-SUP-2: %s — a failure at any of its writes leaves nothing behind, and the replay succeeds once',
    async (_name, faultCase) => {
      faults.arm(null);
      const request = await faultCase.prepare(world, today);
      const db = world.store.db;
      const row = { name: faultCase.name, writes: 0, failures: 0, internal: 0, visible: 0, ledgers: 0, audits: 0, replayed: false, secondEffect: 0 };
      rows.push(row);
      const visible: string[] = [];
      let replay: Awaited<ReturnType<World['call']>> | null = null;
      for (let failAt = 1; failAt <= 100; failAt += 1) {
        const before = snapshot(db);
        faults.arm(failAt);
        const answered = await world.call(request.openid, request.day, request.action, request.payload);
        if (!faults.fired) {
          // The request ran to its end without reaching write `failAt`: it has `failAt - 1` writes, and this was the replay.
          row.writes = failAt - 1;
          replay = answered;
          break;
        }
        row.failures += 1;
        if (!answered.answer.ok && answered.answer.error.code === 'internal' && answered.status === 500) row.internal += 1;
        const changed = changedTables(before, snapshot(db));
        if (changed.length > 0) {
          row.visible += 1;
          visible.push(`write ${failAt} (${faults.log[failAt - 1]}): ${changed.join(', ')}`);
        }
        row.ledgers += ledgerMismatches(db).length;
        row.audits += auditMismatches(db).length;
      }
      faults.arm(null);
      row.replayed = replay !== null && replay.answer.ok;
      // Replayed a second time, the request has no second effect.
      const before = snapshot(db);
      const second = await world.call(request.openid, request.day, request.action, request.payload);
      const secondChanged = changedTables(before, snapshot(db));
      if (faultCase.again === 'new request') {
        // No requestId in the API for this action: a second call is a second request.
        if (secondChanged.length > 0) repeatedWrites.push(`${faultCase.name}: a second identical call writes ${secondChanged.join(', ')}`);
        expect(second.answer).toMatchObject({ ok: true });
      } else if (faultCase.again === 'same record') {
        const sameAnswer = second.answer.ok && JSON.stringify(second.answer.data) === JSON.stringify(replay?.answer.ok ? replay.answer.data : null);
        const recordChanged = secondChanged.filter((table) => table !== 'audit_entries');
        if (!sameAnswer || recordChanged.length > 0) row.secondEffect += 1;
        if (secondChanged.includes('audit_entries')) repeatedWrites.push(`${faultCase.name}: a second identical call leaves the rating and its counters as they were, and appends a second audit entry`);
        expect(recordChanged).toEqual([]);
        expect(sameAnswer).toBe(true);
      } else {
        const secondAsExpected =
          faultCase.again === 'same answer'
            ? second.answer.ok && JSON.stringify(second.answer.data) === JSON.stringify(replay?.answer.ok ? replay.answer.data : null)
            : !second.answer.ok && second.answer.error.code === 'invalid_state';
        if (secondChanged.length > 0 || !secondAsExpected) row.secondEffect += 1;
        expect(secondChanged).toEqual([]);
        expect(secondAsExpected).toBe(true);
      }

      expect(visible).toEqual([]);
      expect(row.writes).toBeGreaterThanOrEqual(1);
      expect(row.failures).toBe(row.writes);
      expect(row.internal).toBe(row.failures);
      expect({ ledgers: row.ledgers, audits: row.audits }).toEqual({ ledgers: 0, audits: 0 });
      expect(replay?.answer).toMatchObject({ ok: true });
      expect(ledgerMismatches(db)).toEqual([]);
      expect(auditMismatches(db)).toEqual([]);
    },
    60_000,
  );
  it('control: the comparison does see a write that is not rolled back (so a clean result above means something)', async () => {
    const db = world.store.db;
    const before = snapshot(db);
    faults.arm(2);
    // Two writes outside any transaction: the first lands, the second fails — a non-atomic use case.
    const enqueue = db.prepare('INSERT INTO outbox (recipient_openid, kind, payload, created_at) VALUES (?, ?, ?, ?)');
    expect(() => {
      enqueue.run('u-control', 'control', '{}', new Date().toISOString());
      enqueue.run('u-control', 'control', '{}', new Date().toISOString());
    }).toThrow(/injected at write 2/);
    faults.arm(null);
    expect(changedTables(before, snapshot(db))).toEqual(['outbox']);
  });
});
