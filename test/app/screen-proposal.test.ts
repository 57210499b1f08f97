import { bringTo, createApp, dataOf, expectRefused, fingerprint, outboxOf, recordOf } from '../support/app-harness';

const EXPLANATION = '楼道维修属于物业管理公司的职责，社区已转交物业处理。';

describe('proposal.screen', () => {
  it('R-COL-2: the community worker adopts a proposal; one audit entry, and a message to the proposer', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    const view = dataOf(await app.call('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, adopt: true }));
    expect(view).toMatchObject({ state: 'adopted', version: 2, screening: { adopt: true, decidedOn: journey.day } });
    const trail = await app.store.auditTrail(journey.id);
    expect(trail.slice(1)).toEqual([expect.objectContaining({ actor: 'u-com-zhongying', action: 'proposal.screen', from: 'submitted', to: 'adopted' })]);
    // The worker was told of the new proposal when it came in; screening tells the proposer.
    expect(await outboxOf(app)).toEqual([
      expect.objectContaining({ recipientOpenid: 'u-com-zhongying', kind: 'proposal_submitted', payload: expect.objectContaining({ proposalId: journey.id }) }),
      expect.objectContaining({
        recipientOpenid: 'u-res-1',
        kind: 'proposal_state_changed',
        payload: expect.objectContaining({ proposalId: journey.id, from: 'submitted', to: 'adopted' }),
      }),
    ]);
  });

  it('R-COL-2: not adopting carries a written explanation, which the proposer sees', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    await app.ok('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, adopt: false, explanation: EXPLANATION, exclusion: 'property_duty' });
    const seen = dataOf(await app.call('u-res-1', journey.day, 'proposal.get', { id: journey.id }));
    expect(seen).toMatchObject({ state: 'not_adopted', screening: { adopt: false, explanation: EXPLANATION, exclusion: 'property_duty' } });
  });

  it('R-COL-2: not adopting without an explanation is invalid_input on explanation, and changes nothing', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, adopt: false }), 'invalid_input', 'explanation');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each(['property_duty', 'government_project', 'other'])(
    'R-COL-2: a proposal excluded as %s is never adopted (invalid_input on exclusion)',
    async (exclusion) => {
      const app = createApp();
      const journey = await bringTo(app, 'submitted');
      expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, adopt: true, exclusion }), 'invalid_input', 'exclusion');
      expect((await recordOf(app, journey.id)).state).toBe('submitted');
    },
  );

  it.each([
    ['adopt as a string', { adopt: 'yes' }, 'adopt'],
    ['an unknown exclusion', { adopt: false, explanation: EXPLANATION, exclusion: 'too_expensive' }, 'exclusion'],
    ['an explanation over 1000 characters', { adopt: false, explanation: '释'.repeat(1001) }, 'explanation'],
    ['an operator object as the id', { id: { $ne: null }, adopt: true }, 'id'],
  ])('refuses %s (invalid_input)', async (_, overrides, field) => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, ...overrides }), 'invalid_input', field);
  });

  it.each([
    ['the proposer', 'u-res-1'],
    ['the worker of another community', 'u-com-tianxin'],
    ['the street', 'u-street-shatoujiao'],
    ['the city', 'u-city'],
  ])('R-COL-2: only the community screens: %s is forbidden, and nothing changes', async (_, openid) => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    const before = fingerprint(app);
    expectRefused(await app.call(openid, journey.day, 'proposal.screen', { id: journey.id, adopt: true }), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it('asks an anonymous caller to sign in (unauthenticated)', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    expectRefused(await app.call(null, journey.day, 'proposal.screen', { id: journey.id, adopt: true }), 'unauthenticated');
  });

  it('a proposal that does not exist is not_found on id', async () => {
    const app = createApp();
    expectRefused(await app.call('u-com-zhongying', '2026-03-02', 'proposal.screen', { id: 'p-nowhere', adopt: true }), 'not_found', 'id');
  });

  it.each(['adopted', 'not_adopted', 'drafted'] as const)('a proposal already %s is not screened again (invalid_state)', async (state) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, adopt: true }), 'invalid_state');
    expect(fingerprint(app)).toEqual(before);
  });

  it('of two workers screening at once, one wins and the other is told the state moved on', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    const results = await Promise.all([
      app.call('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, adopt: true }),
      app.call('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, adopt: false, explanation: EXPLANATION }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const record = await recordOf(app, journey.id);
    expect(record.version).toBe(2);
    expect(await app.store.auditTrail(journey.id)).toHaveLength(2);
  });
});
