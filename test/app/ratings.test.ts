import {
  bringTo,
  contentCheckAnswering,
  createApp,
  dataOf,
  expectRefused,
  fingerprint,
  unreachableContentCheck,
  type App,
  type AppOptions,
  type Journey,
} from '../support/app-harness';

async function completed(options: AppOptions = {}): Promise<{ app: App; journey: Journey }> {
  const app = createApp(options);
  return { app, journey: await bringTo(app, 'completed') };
}

const rate = (proposalId: string, stars: unknown, text?: unknown) => (text === undefined ? { proposalId, stars } : { proposalId, stars, text });

async function summaryOf(app: App, journey: Journey) {
  return dataOf(await app.call(null, journey.day, 'rating.summary', { proposalId: journey.id }));
}

describe('rating.set', () => {
  it('R-EVA-1: a resident of the community rates a completed project with stars and words', async () => {
    const { app, journey } = await completed();
    const rating = dataOf(await app.call('u-res-2', journey.day, 'rating.set', rate(journey.id, 5, '座椅很结实')));
    expect(rating).toEqual({ proposalId: journey.id, stars: 5, text: '座椅很结实', updatedAt: new Date(`${journey.day}T10:00:00+08:00`).toISOString() });
    expect(JSON.stringify(rating)).not.toContain('u-res-2');
    expect(await summaryOf(app, journey)).toEqual({ count: 1, average: 5, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } });
  });

  it('R-EVA-1: one rating per resident: a later call replaces it, and the counters and histogram follow', async () => {
    const { app, journey } = await completed();
    await app.ok('u-res-2', journey.day, 'rating.set', rate(journey.id, 2));
    await app.ok('u-res-1', journey.day, 'rating.set', rate(journey.id, 4));
    await app.ok('u-res-2', journey.day, 'rating.set', rate(journey.id, 5, '后来修好了'));
    expect(await summaryOf(app, journey)).toEqual({ count: 2, average: 4.5, histogram: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 } });
    expect(app.store.db.prepare('SELECT COUNT(*) FROM ratings').pluck().get()).toBe(2);
    const view = dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id }));
    expect({ ratingCount: view.ratingCount, ratingAverage: view.ratingAverage }).toEqual({ ratingCount: 2, ratingAverage: 4.5 });
  });

  it('R-EVA-1: the average is kept to two decimals (5, 4, 4 → 4.33), each resident counted once', async () => {
    const { app, journey } = await completed();
    await app.ok('u-newcomer', journey.day, 'me.join', { communityId: 'c-zhongying', name: '赵新' });
    for (const [openid, stars] of [['u-res-1', 5], ['u-res-2', 4], ['u-newcomer', 4], ['u-res-1', 5]] as const) {
      await app.ok(openid, journey.day, 'rating.set', rate(journey.id, stars));
    }
    expect(await summaryOf(app, journey)).toEqual({ count: 3, average: 4.33, histogram: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } });
  });

  it.each(['implementing', 'publicity'] as const)('R-EVA-1: before completion (%s) ratings are window_closed, and nothing is written', async (state) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    const before = fingerprint(app);
    expectRefused(await app.call('u-res-2', journey.day, 'rating.set', rate(journey.id, 5)), 'window_closed');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-EVA-1: once the evaluation is published, ratings close (window_closed) and the summary stands', async () => {
    const { app, journey } = await completed();
    await app.ok('u-res-2', journey.day, 'rating.set', rate(journey.id, 3));
    await app.ok('u-com-zhongying', journey.days.evaluatedOn, 'evaluation.publish', { id: journey.id, summary: '总体满意' });
    const before = fingerprint(app);
    expectRefused(await app.call('u-res-2', journey.days.evaluatedOn, 'rating.set', rate(journey.id, 1)), 'window_closed');
    expect(fingerprint(app)).toEqual(before);
    expect((await summaryOf(app, journey)).average).toBe(3);
  });

  it('R-EVA-1: an evaluation published between the check and the write closes the rating (window_closed), and nothing is written', async () => {
    const { app, journey } = await completed();
    const setInStore = app.store.setRating.bind(app.store);
    jest.spyOn(app.store, 'setRating').mockImplementationOnce(async (input) => {
      await app.ok('u-com-zhongying', journey.day, 'evaluation.publish', { id: journey.id, summary: '总体满意' });
      return setInStore(input);
    });
    expectRefused(await app.call('u-res-2', journey.day, 'rating.set', rate(journey.id, 5)), 'window_closed');
    expect(await summaryOf(app, journey)).toMatchObject({ count: 0 });
  });

  it.each([
    ['a resident of another community', 'u-res-3'],
    ['the community worker', 'u-com-zhongying'],
    ['the street', 'u-street-shatoujiao'],
  ])('R-EVA-1: only residents of that community rate: %s is forbidden', async (_, openid) => {
    const { app, journey } = await completed();
    expectRefused(await app.call(openid, journey.day, 'rating.set', rate(journey.id, 5)), 'forbidden');
  });

  it.each([
    ['no stars', 0, undefined, 'stars'],
    ['six stars', 6, undefined, 'stars'],
    ['half a star', 3.5, undefined, 'stars'],
    ['stars as a string', '5', undefined, 'stars'],
    ['stars as an operator object', { $gt: 0 }, undefined, 'stars'],
    ['words over 300 characters', 4, '好'.repeat(301), 'text'],
    ['words of the wrong type', 4, 42, 'text'],
  ])('refuses %s (invalid_input), and writes nothing', async (_, stars, text, field) => {
    const { app, journey } = await completed();
    const before = fingerprint(app);
    expectRefused(await app.call('u-res-2', journey.day, 'rating.set', rate(journey.id, stars, text)), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['the words are refused', {}, '可以代开发票，价格优惠'],
    ['the local check is unsure of the words', {}, '加我微信详聊'],
    ['the checker answers review', { contentCheck: contentCheckAnswering('review') }, '很好'],
    ['the checker cannot be reached', { contentCheck: unreachableContentCheck() }, '很好'],
  ])('a rating whose words are not passed is content_rejected when %s, and nothing is written', async (_, options, text) => {
    const { app, journey } = await completed(options);
    const before = fingerprint(app);
    expectRefused(await app.call('u-res-2', journey.day, 'rating.set', rate(journey.id, 5, text)), 'content_rejected', 'text');
    expect(fingerprint(app)).toEqual(before);
  });

  it('stars alone need no content check, even when the checker cannot be reached', async () => {
    const { app, journey } = await completed({ contentCheck: unreachableContentCheck() });
    expect((await app.call('u-res-2', journey.day, 'rating.set', rate(journey.id, 4))).status).toBe(200);
  });

  it('answers unauthenticated and not_found', async () => {
    const { app, journey } = await completed();
    expectRefused(await app.call(null, journey.day, 'rating.set', rate(journey.id, 5)), 'unauthenticated');
    expectRefused(await app.call('u-res-2', journey.day, 'rating.set', rate('p-nowhere', 5)), 'not_found', 'proposalId');
  });
});

describe('rating.summary', () => {
  it('R-TRN-1: the summary is public; with no ratings the count and average are 0', async () => {
    const { app, journey } = await completed();
    expect(await summaryOf(app, journey)).toEqual({ count: 0, average: 0, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } });
  });

  it('answers not_found for an unknown proposal and invalid_input for a malformed id', async () => {
    const app = createApp();
    expectRefused(await app.call(null, '2026-03-02', 'rating.summary', { proposalId: 'p-nowhere' }), 'not_found', 'proposalId');
    expectRefused(await app.call(null, '2026-03-02', 'rating.summary', { proposalId: { $ne: null } }), 'invalid_input', 'proposalId');
  });
});
