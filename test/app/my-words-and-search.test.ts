import { bringTo, createApp, dataOf, expectRefused } from '../support/app-harness';

describe('proposal.list with q, category, year, states and total', () => {
  it('R-TRN-1: finds a proposal by a substring of its title (also two characters), every state listable, with total', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    const view = dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id }));
    const chars = Array.from(view.title as string);
    for (const q of [chars.slice(0, 3).join(''), chars.slice(1, 3).join(''), chars[0]]) {
      const page = dataOf(await app.call(null, journey.day, 'proposal.list', { q }));
      expect(page.items.map((item: { id: string }) => item.id)).toContain(journey.id);
      expect(page.total).toBeGreaterThanOrEqual(1);
    }
    const none = dataOf(await app.call(null, journey.day, 'proposal.list', { q: '绝对没有的词语组合' }));
    expect(none).toEqual({ items: [], nextCursor: null, total: 0 });
    const year = Number(journey.day.slice(0, 4));
    const filtered = dataOf(await app.call(null, journey.day, 'proposal.list', { states: ['submitted', 'rejected'], category: view.category, year }));
    expect(filtered.items.map((item: { id: string }) => item.id)).toContain(journey.id);
    const otherYear = dataOf(await app.call(null, journey.day, 'proposal.list', { year: year - 1, states: ['submitted'] }));
    expect(otherYear.items.map((item: { id: string }) => item.id)).not.toContain(journey.id);
    // state and states together: both must hold.
    const disjoint = dataOf(await app.call(null, journey.day, 'proposal.list', { state: 'submitted', states: ['withdrawn'] }));
    expect(disjoint).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('R-TRN-1: total counts every match when the page is not the last, and is the page itself when it is', async () => {
    const app = createApp();
    const first = await bringTo(app, 'submitted');
    await bringTo(app, 'submitted');
    const all = dataOf(await app.call(null, first.day, 'proposal.list', { states: ['submitted'] }));
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect(all.total).toBe(all.items.length);
    const paged = dataOf(await app.call(null, first.day, 'proposal.list', { states: ['submitted'], limit: 1 }));
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(all.total);
    const last = dataOf(await app.call(null, first.day, 'proposal.list', { states: ['submitted'], limit: 1, cursor: paged.nextCursor }));
    expect(last.total).toBe(all.total);
  });

  it('R-TRN-1: a bad filter is invalid_input naming it', async () => {
    const app = createApp();
    expectRefused(await app.call(null, '2026-03-02', 'proposal.list', { states: ['nope'] }), 'invalid_input', 'states.0');
    expectRefused(await app.call(null, '2026-03-02', 'proposal.list', { q: '' }), 'invalid_input', 'q');
    expectRefused(await app.call(null, '2026-03-02', 'proposal.list', { year: 1999 }), 'invalid_input', 'year');
  });
});

describe('comment.mine and rating.mine', () => {
  it('R-PUB-2: the author lists their comments with status and the title; others and anonymous do not see them', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const added = dataOf(await app.call('u-res-2', journey.day, 'comment.add', { proposalId: journey.id, text: '建议晚上也开放', requestId: 'req-mine-0001' }));
    await app.ok('u-com-zhongying', journey.day, 'comment.reply', { commentId: added.id, text: '会考虑' });
    const view = dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id }));
    const mine = dataOf(await app.call('u-res-2', journey.day, 'comment.mine', {}));
    expect(mine.items).toEqual([
      { id: added.id, proposalId: journey.id, title: view.title, text: '建议晚上也开放', status: 'published', createdAt: added.createdAt, replies: [{ text: '会考虑', repliedAt: expect.any(String) }] },
    ]);
    expect(dataOf(await app.call('u-res-1', journey.day, 'comment.mine', {})).items).toEqual([]);
    expectRefused(await app.call(null, journey.day, 'comment.mine', {}), 'unauthenticated');
  });

  it('R-PUB-2: proposal.get says publicityOpen through the last day and not on the day after', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity');
    const view = dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id }));
    const lastDay: string = view.deadlines.publicityEndsOn.on;
    const dayAfter = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(dataOf(await app.call(null, lastDay, 'proposal.get', { id: journey.id })).publicityOpen).toBe(true);
    expect(dataOf(await app.call(null, dayAfter, 'proposal.get', { id: journey.id })).publicityOpen).toBe(false);
  });

  it('R-EVA-1: after rating, rating.mine lists it and proposal.get carries myRating for the rater only', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    await app.ok('u-res-2', journey.day, 'rating.set', { proposalId: journey.id, stars: 4, text: '不错' });
    const mine = dataOf(await app.call('u-res-2', journey.day, 'rating.mine', {}));
    expect(mine.items).toEqual([{ proposalId: journey.id, title: expect.any(String), stars: 4, text: '不错', updatedAt: expect.any(String) }]);
    expect(mine.items[0].title.length).toBeGreaterThan(0);
    expect(dataOf(await app.call('u-res-2', journey.day, 'proposal.get', { id: journey.id })).myRating).toMatchObject({ stars: 4, text: '不错' });
    expect(dataOf(await app.call('u-res-1', journey.day, 'proposal.get', { id: journey.id })).myRating).toBeUndefined();
    const listed = dataOf(await app.call('u-res-2', journey.day, 'proposal.list', { states: ['completed'] }));
    expect(listed.items.find((item: { id: string }) => item.id === journey.id).myRating).toMatchObject({ stars: 4 });
    expectRefused(await app.call('u-res-2', journey.day, 'rating.mine', { cursor: 'not-a-cursor' }), 'invalid_input', 'cursor');
  });
});
