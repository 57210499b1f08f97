import { addDays } from '../../backend/domain/calendar';
import {
  bringTo,
  contentCheckAnswering,
  createApp,
  dataOf,
  expectRefused,
  fingerprint,
  newRequestId,
  outboxOf,
  recordOf,
  unreachableContentCheck,
  type App,
  type AppOptions,
  type Journey,
} from '../support/app-harness';

const comment = (proposalId: string, overrides: Record<string, unknown> = {}) => ({
  proposalId,
  text: '建议 5 巷口也装一盏，那里最黑。',
  requestId: newRequestId(),
  ...overrides,
});

/** A text the local content check is unsure of: it needs a person to look. */
const UNSURE_TEXT = '需要的话加微信联系我';

async function inPublicity(options: AppOptions = {}): Promise<{ app: App; journey: Journey }> {
  const app = createApp(options);
  const journey = await bringTo(app, 'publicity');
  return { app, journey };
}

async function listedFor(app: App, openid: string | null, journey: Journey) {
  return dataOf(await app.call(openid, journey.day, 'comment.list', { proposalId: journey.id })).items;
}

describe('comment.add', () => {
  it('R-PUB-2: a resident of the community comments while the notice stands; the comment is published and counted', async () => {
    const { app, journey } = await inPublicity();
    const added = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)));
    expect(added).toMatchObject({ proposalId: journey.id, text: '建议 5 巷口也装一盏，那里最黑。', status: 'published', author: '李秀英', mine: true });
    expect(dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id })).commentCount).toBe(1);
  });

  it('R-PUB-2: comments are open until 24:00 of the window’s last day', async () => {
    const { app, journey } = await inPublicity();
    const lastMinute = `${journey.days.publicityEndsOn}T23:59:00+08:00`;
    expect(dataOf(await app.callAt('u-res-2', lastMinute, 'comment.add', comment(journey.id))).status).toBe('published');
  });

  it('R-PUB-2: comments close when the window ends: the next day is window_closed (409), and nothing is written', async () => {
    const { app, journey } = await inPublicity();
    const before = fingerprint(app);
    expectRefused(await app.call('u-res-2', addDays(journey.days.publicityEndsOn, 1), 'comment.add', comment(journey.id)), 'window_closed');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each(['approved', 'implementing'] as const)('R-PUB-2: a proposal that is %s takes no comments (window_closed)', async (state) => {
    const app = createApp();
    const journey = await bringTo(app, state);
    expectRefused(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)), 'window_closed');
  });

  it.each([
    ['a resident of another community', 'u-res-3'],
    ['the community worker', 'u-com-zhongying'],
    ['the street', 'u-street-shatoujiao'],
  ])('R-PUB-2: only residents of that community comment: %s is forbidden', async (_, openid) => {
    const { app, journey } = await inPublicity();
    const before = fingerprint(app);
    expectRefused(await app.call(openid, journey.day, 'comment.add', comment(journey.id)), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it('a resident who joins the community may comment', async () => {
    const { app, journey } = await inPublicity();
    await app.ok('u-newcomer', journey.day, 'me.join', { communityId: 'c-zhongying', name: '赵新' });
    expect(dataOf(await app.call('u-newcomer', journey.day, 'comment.add', comment(journey.id))).author).toBe('赵新');
  });

  it('asks an anonymous caller to sign in, and answers not_found for an unknown proposal', async () => {
    const { app, journey } = await inPublicity();
    expectRefused(await app.call(null, journey.day, 'comment.add', comment(journey.id)), 'unauthenticated');
    expectRefused(await app.call('u-res-2', journey.day, 'comment.add', comment('p-nowhere')), 'not_found', 'proposalId');
  });

  it.each([
    ['a text over 500 characters', { text: '长'.repeat(501) }, 'text'],
    ['a blank text', { text: ' \n ' }, 'text'],
    ['a text of the wrong type', { text: ['建议'] }, 'text'],
    ['an operator object as the text', { text: { $ne: null } }, 'text'],
    ['a control character in the text', { text: '建议\u0000' }, 'text'],
    ['a missing request id', { requestId: undefined }, 'requestId'],
    ['a request id with spaces', { requestId: 'req 0000 0001' }, 'requestId'],
  ])('refuses %s (invalid_input), and writes nothing', async (_, overrides, field) => {
    const { app, journey } = await inPublicity();
    const before = fingerprint(app);
    expectRefused(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id, overrides)), 'invalid_input', field);
    expect(fingerprint(app)).toEqual(before);
  });

  it('refuses text the content check refuses (content_rejected, 422, on text), and writes nothing', async () => {
    const { app, journey } = await inPublicity();
    const before = fingerprint(app);
    expectRefused(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id, { text: '网上博彩平台注册就送彩金' })), 'content_rejected', 'text');
    expect(fingerprint(app)).toEqual(before);
  });

  it('R-PUB-2: a window that closes between the check and the write (the project withdrawn meanwhile) is window_closed, and nothing is written', async () => {
    const { app, journey } = await inPublicity();
    const addInStore = app.store.addComment.bind(app.store);
    jest.spyOn(app.store, 'addComment').mockImplementationOnce(async (input) => {
      const change = await app.ok('u-com-zhongying', journey.day, 'change.request', { id: journey.id, kind: 'withdraw', reason: '暂缓' });
      await app.ok('u-street-shatoujiao', journey.day, 'change.decide', { changeId: change.id, approve: true, reason: '同意' });
      return addInStore(input);
    });
    expectRefused(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)), 'window_closed');
    expect(app.store.db.prepare('SELECT COUNT(*) FROM comments').pluck().get()).toBe(0);
    expect((await recordOf(app, journey.id)).state).toBe('withdrawn');
  });

  describe('idempotency', () => {
    it('the same requestId answers the first comment: one row, counted once', async () => {
      const { app, journey } = await inPublicity();
      const payload = comment(journey.id);
      const first = dataOf(await app.call('u-res-2', journey.day, 'comment.add', payload));
      const again = dataOf(await app.call('u-res-2', journey.day, 'comment.add', { ...payload, text: '再发一次' }));
      expect(again).toEqual(first);
      expect(app.store.db.prepare('SELECT COUNT(*) FROM comments').pluck().get()).toBe(1);
      expect((await app.store.findProposal(journey.id))?.counters.commentCount).toBe(1);
    });

    it('the same requestId from another resident is another comment', async () => {
      const { app, journey } = await inPublicity();
      const payload = comment(journey.id);
      const first = dataOf(await app.call('u-res-2', journey.day, 'comment.add', payload));
      expect(dataOf(await app.call('u-res-1', journey.day, 'comment.add', payload)).id).not.toBe(first.id);
    });
  });

  describe('rate limit', () => {
    it('refuses the 31st comment of one resident in an hour by default (rate_limited, 429), and writes nothing', async () => {
      const { app, journey } = await inPublicity();
      for (let n = 0; n < 30; n += 1) await app.ok('u-res-2', journey.day, 'comment.add', comment(journey.id));
      const before = fingerprint(app);
      expectRefused(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)), 'rate_limited');
      expect(fingerprint(app)).toEqual(before);
    });

    it('counts per resident and per hour; a retry of an earlier request still answers it', async () => {
      const { app, journey } = await inPublicity({ limits: { commentsPerHour: 2 } });
      const firstPayload = comment(journey.id);
      const first = dataOf(await app.call('u-res-2', journey.day, 'comment.add', firstPayload));
      await app.ok('u-res-2', journey.day, 'comment.add', comment(journey.id));
      expectRefused(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)), 'rate_limited');
      expect(dataOf(await app.call('u-res-2', journey.day, 'comment.add', firstPayload)).id).toBe(first.id);
      expect((await app.call('u-res-1', journey.day, 'comment.add', comment(journey.id))).status).toBe(200);
      expect((await app.callAt('u-res-2', `${journey.day}T11:00:00+08:00`, 'comment.add', comment(journey.id))).status).toBe(200);
    });
  });

  describe('R-PUB-2: the content check fails closed', () => {
    it.each([
      ['the local check is unsure of the words', {}, UNSURE_TEXT],
      ['the checker answers review', { contentCheck: contentCheckAnswering('review') }, '建议加装'],
      ['the checker cannot be reached', { contentCheck: unreachableContentCheck() }, '建议加装'],
    ])('when %s, the comment waits as pending, uncounted', async (_, options, text) => {
      const { app, journey } = await inPublicity(options);
      const added = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id, { text })));
      expect(added.status).toBe('pending');
      expect((await app.store.findProposal(journey.id))?.counters.commentCount).toBe(0);
    });

    it('a pending comment is invisible to the public and other residents, visible to its author and to the community worker', async () => {
      const { app, journey } = await inPublicity();
      const pending = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id, { text: UNSURE_TEXT })));
      expect(await listedFor(app, null, journey)).toEqual([]);
      expect(await listedFor(app, 'u-res-1', journey)).toEqual([]);
      expect(await listedFor(app, 'u-street-shatoujiao', journey)).toEqual([]);
      expect(await listedFor(app, 'u-com-tianxin', journey)).toEqual([]);
      expect(await listedFor(app, 'u-res-2', journey)).toEqual([expect.objectContaining({ id: pending.id, status: 'pending', mine: true })]);
      expect(await listedFor(app, 'u-com-zhongying', journey)).toEqual([expect.objectContaining({ id: pending.id, status: 'pending', author: '李秀英' })]);
    });

    it('the community worker publishes a pending comment: everyone sees it and it is counted', async () => {
      const { app, journey } = await inPublicity();
      const pending = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id, { text: UNSURE_TEXT })));
      const moderated = dataOf(await app.call('u-com-zhongying', journey.day, 'comment.moderate', { commentId: pending.id, publish: true }));
      expect(moderated).toMatchObject({ id: pending.id, status: 'published' });
      expect(await listedFor(app, null, journey)).toEqual([expect.objectContaining({ id: pending.id, status: 'published' })]);
      expect(dataOf(await app.call(null, journey.day, 'proposal.get', { id: journey.id })).commentCount).toBe(1);
    });

    it('the community worker hides a pending comment: nobody sees it any more, its author included, and it is not counted', async () => {
      const { app, journey } = await inPublicity();
      const pending = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id, { text: UNSURE_TEXT })));
      expect(dataOf(await app.call('u-com-zhongying', journey.day, 'comment.moderate', { commentId: pending.id, publish: false })).status).toBe('hidden');
      for (const viewer of [null, 'u-res-2', 'u-com-zhongying']) expect(await listedFor(app, viewer, journey)).toEqual([]);
      expect((await app.store.findProposal(journey.id))?.counters.commentCount).toBe(0);
    });
  });
});

describe('comment.moderate', () => {
  async function withPending() {
    const { app, journey } = await inPublicity();
    const pending = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id, { text: UNSURE_TEXT })));
    return { app, journey, pending };
  }

  it.each([
    ['the author', 'u-res-2'],
    ['another resident', 'u-res-1'],
    ['the worker of another community', 'u-com-tianxin'],
    ['the street', 'u-street-shatoujiao'],
  ])('R-PUB-2: only a community worker in scope moderates: %s is forbidden, and nothing changes', async (_, openid) => {
    const { app, journey, pending } = await withPending();
    const before = fingerprint(app);
    expectRefused(await app.call(openid, journey.day, 'comment.moderate', { commentId: pending.id, publish: true }), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it('a comment already decided is not moderated again (invalid_state)', async () => {
    const { app, journey, pending } = await withPending();
    await app.ok('u-com-zhongying', journey.day, 'comment.moderate', { commentId: pending.id, publish: false });
    expectRefused(await app.call('u-com-zhongying', journey.day, 'comment.moderate', { commentId: pending.id, publish: true }), 'invalid_state');
    const published = dataOf(await app.call('u-res-1', journey.day, 'comment.add', comment(journey.id)));
    expectRefused(await app.call('u-com-zhongying', journey.day, 'comment.moderate', { commentId: published.id, publish: false }), 'invalid_state');
  });

  it('answers unauthenticated, not_found and invalid_input', async () => {
    const { app, journey, pending } = await withPending();
    expectRefused(await app.call(null, journey.day, 'comment.moderate', { commentId: pending.id, publish: true }), 'unauthenticated');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'comment.moderate', { commentId: 'cm-nowhere', publish: true }), 'not_found', 'commentId');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'comment.moderate', { commentId: pending.id, publish: 'yes' }), 'invalid_input', 'publish');
  });
});

describe('comment.reply', () => {
  it('R-PUB-3: the community answers a comment; the answer is shown with it and its author gets a message', async () => {
    const { app, journey } = await inPublicity();
    const added = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)));
    const messages = (await outboxOf(app)).length;
    const replied = dataOf(await app.call('u-com-zhongying', journey.day, 'comment.reply', { commentId: added.id, text: '感谢建议，已纳入安装点位。' }));
    expect(replied.reply).toEqual({ text: '感谢建议，已纳入安装点位。', repliedAt: new Date(`${journey.day}T10:00:00+08:00`).toISOString() });
    expect(await listedFor(app, null, journey)).toEqual([expect.objectContaining({ id: added.id, reply: replied.reply })]);
    expect((await outboxOf(app)).slice(messages)).toEqual([
      expect.objectContaining({ recipientOpenid: 'u-res-2', kind: 'comment_answered', payload: expect.objectContaining({ commentId: added.id }) }),
    ]);
  });

  it('R-PUB-3: comments are still answered after the window has ended', async () => {
    const { app, journey } = await inPublicity();
    const added = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)));
    const later = addDays(journey.days.publicityEndsOn, 3);
    expect((await app.call('u-com-zhongying', later, 'comment.reply', { commentId: added.id, text: '已答复' })).status).toBe(200);
  });

  it.each([
    ['the author', 'u-res-2'],
    ['the street', 'u-street-shatoujiao'],
    ['the worker of another community', 'u-com-qiaoyuan'],
  ])('R-PUB-3: only the community answers: %s is forbidden', async (_, openid) => {
    const { app, journey } = await inPublicity();
    const added = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)));
    expectRefused(await app.call(openid, journey.day, 'comment.reply', { commentId: added.id, text: '答复' }), 'forbidden');
  });

  it('a hidden comment is not_found for an answer, as is one that never existed', async () => {
    const { app, journey } = await inPublicity();
    const pending = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id, { text: UNSURE_TEXT })));
    await app.ok('u-com-zhongying', journey.day, 'comment.moderate', { commentId: pending.id, publish: false });
    expectRefused(await app.call('u-com-zhongying', journey.day, 'comment.reply', { commentId: pending.id, text: '答复' }), 'not_found', 'commentId');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'comment.reply', { commentId: 'cm-nowhere', text: '答复' }), 'not_found', 'commentId');
  });

  it('an answer the content check refuses is content_rejected, and nothing is written', async () => {
    const { app, journey } = await inPublicity();
    const added = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)));
    const before = fingerprint(app);
    expectRefused(await app.call('u-com-zhongying', journey.day, 'comment.reply', { commentId: added.id, text: '欢迎来线上博彩，稳赚不赔' }), 'content_rejected', 'text');
    expect(fingerprint(app)).toEqual(before);
  });

  it.each([
    ['an answer over 1000 characters', { text: '答'.repeat(1001) }, 'text'],
    ['an operator object as the comment id', { commentId: { $ne: null } }, 'commentId'],
  ])('refuses %s (invalid_input)', async (_, overrides: Record<string, unknown>, field) => {
    const { app, journey } = await inPublicity();
    const added = dataOf(await app.call('u-res-2', journey.day, 'comment.add', comment(journey.id)));
    const payload = { commentId: added.id, text: '答复', ...overrides };
    expectRefused(await app.call('u-com-zhongying', journey.day, 'comment.reply', payload), 'invalid_input', field);
  });

  it('asks an anonymous caller to sign in (unauthenticated)', async () => {
    const { app, journey } = await inPublicity();
    expectRefused(await app.call(null, journey.day, 'comment.reply', { commentId: 'cm-0001', text: '答复' }), 'unauthenticated');
  });
});

describe('comment.list', () => {
  it.each([
    ['anonymous', null, '李*英', false],
    ['another resident', 'u-res-1', '李*英', false],
    ['a resident of another community', 'u-res-3', '李*英', false],
    ['the author', 'u-res-2', '李秀英', true],
    ['the community worker', 'u-com-zhongying', '李秀英', false],
    ['the worker of another community', 'u-com-tianxin', '李*英', false],
    ['the street in scope', 'u-street-shatoujiao', '李秀英', false],
  ])('R-TRN-1: %s sees the author as %s', async (_, viewer, author, mine) => {
    const { app, journey } = await inPublicity();
    await app.ok('u-res-2', journey.day, 'comment.add', comment(journey.id));
    const items = await listedFor(app, viewer, journey);
    expect(items).toEqual([expect.objectContaining({ author, mine })]);
    if (author !== '李秀英') expect(JSON.stringify(items)).not.toContain('李秀英');
  });

  it('lists newest first, 20 a page by default, with a cursor to the rest', async () => {
    const { app, journey } = await inPublicity();
    const ids: string[] = [];
    for (let n = 0; n < 22; n += 1) ids.push(dataOf(await app.call(n % 2 ? 'u-res-1' : 'u-res-2', journey.day, 'comment.add', comment(journey.id))).id);
    const first = dataOf(await app.call(null, journey.day, 'comment.list', { proposalId: journey.id }));
    expect(first.items.map((item: any) => item.id)).toEqual(ids.slice(2).reverse());
    const rest = dataOf(await app.call(null, journey.day, 'comment.list', { proposalId: journey.id, cursor: first.nextCursor }));
    expect(rest).toEqual({ items: ids.slice(0, 2).reverse().map((id) => expect.objectContaining({ id })), nextCursor: null });
  });

  it('answers not_found for an unknown proposal and invalid_input for a bad cursor or page size', async () => {
    const { app, journey } = await inPublicity();
    expectRefused(await app.call(null, journey.day, 'comment.list', { proposalId: 'p-nowhere' }), 'not_found', 'proposalId');
    expectRefused(await app.call(null, journey.day, 'comment.list', { proposalId: journey.id, cursor: '%%%' }), 'invalid_input', 'cursor');
    expectRefused(await app.call(null, journey.day, 'comment.list', { proposalId: journey.id, limit: 51 }), 'invalid_input', 'limit');
  });

  it('keeps the comments of a proposal to that proposal', async () => {
    const app = createApp();
    const first = await bringTo(app, 'publicity');
    const second = await bringTo(app, 'publicity', { proposer: 'u-res-2' });
    await app.ok('u-res-2', first.day, 'comment.add', comment(first.id));
    expect(await listedFor(app, null, second)).toEqual([]);
    expect((await recordOf(app, second.id)).state).toBe('publicity');
  });
});
