import { verifyChain } from '../../backend/store/audit-chain';
import {
  advance,
  bringTo,
  createApp,
  dataOf,
  expectRefused,
  ledgerChain,
  MAIN_PATH,
  outboxOf,
  type App,
  type Milestone,
} from '../support/app-harness';

/** What one step leaves behind: entries on the proposal's chain and the ledger's, and messages. */
async function countsOf(app: App, id: string) {
  return {
    proposalEntries: (await app.store.auditTrail(id)).length,
    ledgerEntries: (await app.store.auditTrail(ledgerChain('c-zhongying'))).length,
    messages: (await outboxOf(app)).length,
  };
}

type Step = readonly [Milestone, string, string, string, number, boolean];

// [milestone reached, action, from, to, ledger entries written, message to the proposer]
const MAIN_STEPS: Step[] = [
  ['adopted', 'proposal.screen', 'submitted', 'adopted', 0, true],
  ['drafted', 'proposal.draftReport', 'adopted', 'drafted', 0, true],
  ['agenda_published', 'council.publishAgenda', 'drafted', 'agenda_published', 0, true],
  ['council_passed', 'council.recordVote', 'agenda_published', 'council_passed', 0, true],
  ['street_review', 'proposal.submitToStreet', 'council_passed', 'street_review', 0, true],
  ['approved', 'review.decide', 'street_review', 'approved', 1, true],
  ['publicity', 'publicity.publish', 'approved', 'publicity', 0, true],
  ['implementing', 'implementation.assign', 'publicity', 'implementing', 0, true],
  ['started', 'implementation.start', 'implementing', 'implementing', 0, false],
  ['completed', 'implementation.complete', 'implementing', 'completed', 0, true],
  ['evaluated', 'evaluation.publish', 'completed', 'evaluated', 0, true],
  ['audited', 'audit.publish', 'evaluated', 'audited', 1, true],
];

describe('R-SUP-2: every action leaves exactly one audit entry on the proposal’s chain', () => {
  it.each(MAIN_STEPS)(
    'R-SUP-2: reaching %s (%s, %s → %s) writes one entry on the proposal chain and %i on the ledger chain; message to the proposer: %s',
    async (milestone, action, from, to, ledgerEntries, messaged) => {
      const app = createApp();
      const previous = MAIN_PATH[MAIN_PATH.indexOf(milestone as (typeof MAIN_PATH)[number]) - 1];
      const journey = await bringTo(app, previous);
      const before = await countsOf(app, journey.id);
      const outboxBefore = await outboxOf(app);
      await advance(app, journey, milestone as (typeof MAIN_PATH)[number]);
      const after = await countsOf(app, journey.id);
      expect(after).toEqual({
        proposalEntries: before.proposalEntries + 1,
        ledgerEntries: before.ledgerEntries + ledgerEntries,
        messages: before.messages + (messaged ? 1 : 0),
      });
      const trail = await app.store.auditTrail(journey.id);
      expect(trail[trail.length - 1]).toMatchObject({ action, from, to });
      if (messaged) {
        const message = (await outboxOf(app)).slice(outboxBefore.length)[0];
        expect(message).toMatchObject({ recipientOpenid: 'u-res-1', kind: 'proposal_state_changed', payload: { proposalId: journey.id, from, to } });
      }
    },
  );

  it.each([
    ['not_adopted', 'proposal.screen', 'submitted', 0],
    ['council_rejected', 'council.recordVote', 'agenda_published', 0],
    ['rejected', 'review.decide', 'street_review', 0],
    ['transferred', 'review.decide', 'street_review', 0],
    ['withdrawn', 'change.apply', 'approved', 2],
  ] as const)('R-SUP-2: ending %s is recorded by %s from %s; the ledger chain holds %i entries (approval and release) after the seed\'s allocation', async (state, action, from, ledgerEntries) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    const trail = await app.store.auditTrail(journey.id);
    expect(trail[trail.length - 1]).toMatchObject({ action, from, to: state });
    const ledgerTrail = await app.store.auditTrail(ledgerChain('c-zhongying'));
    expect(ledgerTrail[0].action).toBe('ledger.seed');
    expect(ledgerTrail).toHaveLength(1 + ledgerEntries);
  });
});

describe('audit.trail', () => {
  it('R-SUP-2: the trail of a whole life, oldest first, each entry chained to the one before', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'audited');
    const { entries } = dataOf(await app.call('u-com-zhongying', journey.day, 'audit.trail', { id: journey.id }));
    expect(entries.map((entry: any) => entry.to)).toEqual([
      'submitted',
      'adopted',
      'drafted',
      'agenda_published',
      'council_passed',
      'street_review',
      'approved',
      'publicity',
      'implementing',
      'implementing',
      'completed',
      'evaluated',
      'audited',
    ]);
    expect(entries[0]).toEqual({
      at: new Date(`${journey.days.submittedOn}T10:00:00+08:00`).toISOString(),
      actor: 'u-res-1',
      action: 'proposal.submit',
      from: null,
      to: 'submitted',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: '0'.repeat(64),
    });
    entries.slice(1).forEach((entry: any, index: number) => expect(entry.prevHash).toBe(entries[index].hash));
    expect(verifyChain(await app.store.auditTrail(journey.id))).toBeNull();
    expect(verifyChain(await app.store.auditTrail(ledgerChain('c-zhongying')))).toBeNull();
  });

  it.each([
    ['the community worker', 'u-com-zhongying'],
    ['the street', 'u-street-shatoujiao'],
    ['the district', 'u-district-yantian'],
    ['the city', 'u-city'],
  ])('R-SUP-2: %s reads the trail', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    expect(dataOf(await app.call(openid, journey.day, 'audit.trail', { id: journey.id })).entries).toHaveLength(7);
  });

  it.each([
    ['the proposer', 'u-res-1'],
    ['another resident', 'u-res-2'],
    ['the worker of another community', 'u-com-tianxin'],
    ['another street', 'u-street-haishan'],
  ])('R-SUP-2: %s may not read the trail (forbidden)', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    expectRefused(await app.call(openid, journey.day, 'audit.trail', { id: journey.id }), 'forbidden');
  });

  it('answers unauthenticated, not_found and invalid_input', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    expectRefused(await app.call(null, journey.day, 'audit.trail', { id: journey.id }), 'unauthenticated');
    expectRefused(await app.call('u-city', journey.day, 'audit.trail', { id: 'p-nowhere' }), 'not_found', 'id');
    expectRefused(await app.call('u-city', journey.day, 'audit.trail', { id: ['p-0001'] }), 'invalid_input', 'id');
  });

  it('R-SUP-2: a refused action leaves no entry', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, adopt: false }), 'invalid_input');
    expectRefused(await app.call('u-res-2', journey.day, 'proposal.screen', { id: journey.id, adopt: true }), 'forbidden');
    expect(await app.store.auditTrail(journey.id)).toHaveLength(1);
  });
});
