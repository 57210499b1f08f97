import { addDays, defaultCalendar } from '../../backend/domain/calendar';
import {
  CAST,
  contentCheckAnswering,
  createApp,
  dataOf,
  expectRefused,
  fingerprint,
  newRequestId,
  proposalPayload,
  recordOf,
  START,
  unreachableContentCheck,
} from '../support/app-harness';

/** The first day on or after `from` that is not a working day (a weekend or a holiday). */
function firstRestDayFrom(from: string): string {
  let day = from;
  while (defaultCalendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

describe('proposal.submit', () => {
  it('R-COL-1: a resident proposes on a rest day and the proposal is submitted in their community, with them as the proposer', async () => {
    const app = createApp();
    const restDay = firstRestDayFrom(START);
    const view = dataOf(await app.call('u-res-1', restDay, 'proposal.submit', proposalPayload()));
    expect(view).toMatchObject({
      communityId: 'c-zhongying',
      streetId: 's-shatoujiao',
      districtId: 'd-yantian',
      state: 'submitted',
      title: '小区路灯维修',
      category: 'goods',
      source: 'resident',
      proposer: '张小明',
      mine: true,
      photos: [],
      version: 1,
      deadlines: {},
      overdue: [],
      commentCount: 0,
      ratingCount: 0,
      ratingAverage: 0,
    });
    expect(view.createdAt).toBe(new Date(`${restDay}T10:00:00+08:00`).toISOString());
  });

  it('R-COL-1: a proposal also arrives late at night, and the proposer sees its status among their own', async () => {
    const app = createApp();
    const { answer } = await app.callAt('u-res-1', `${START}T23:59:00+08:00`, 'proposal.submit', proposalPayload());
    expect(answer.ok).toBe(true);
    const mine = dataOf(await app.call('u-res-1', START, 'proposal.list', { mine: true }));
    expect(mine.items.map((item: any) => [item.state, item.mine])).toEqual([['submitted', true]]);
  });

  it.each(['works', 'goods', 'services'])('R-CAT-1: a proposal of the category %s is accepted and keeps it', async (category) => {
    const app = createApp();
    expect(dataOf(await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ category }))).category).toBe(category);
  });

  it('R-SUP-2: a submission writes exactly one audit entry, from nothing to submitted, by the proposer', async () => {
    const app = createApp();
    const view = dataOf(await app.call('u-res-1', START, 'proposal.submit', proposalPayload()));
    const trail = await app.store.auditTrail(view.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actor: 'u-res-1', action: 'proposal.submit', from: null, to: 'submitted' });
  });

  async function uploaded(app: ReturnType<typeof createApp>, id: string, ownerOpenid: string) {
    await app.store.saveFile({ id, ownerOpenid, contentType: 'image/png', bytes: 10, path: `/tmp/${id}`, createdAt: '2026-03-02T01:00:00.000Z' });
  }

  it('keeps the photos the proposer uploaded', async () => {
    const app = createApp();
    await uploaded(app, 'f-0001', 'u-res-1');
    await uploaded(app, 'f-0002', 'u-res-1');
    const view = dataOf(await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ photos: ['f-0001', 'f-0002'] })));
    expect(view.photos).toEqual(['f-0001', 'f-0002']);
  });

  it.each([
    ['someone else uploaded', 'u-res-2'],
    ['nobody uploaded', null],
  ])('refuses a photo %s (invalid_input on its field), and nothing changes', async (_, owner) => {
    const app = createApp();
    await uploaded(app, 'f-0001', 'u-res-1');
    if (owner) await uploaded(app, 'f-0002', owner);
    const before = fingerprint(app);
    expectRefused(await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ photos: ['f-0001', 'f-0002'] })), 'invalid_input', 'photos.1');
    expect(fingerprint(app)).toEqual(before);
  });

  describe('R-SRC-1: the source is recorded', () => {
    it.each(['party_member', 'organisation', 'deputies', 'leader', 'landscape_forest', 'resident'])(
      'R-SRC-1: a community worker records a proposal whose source is %s',
      async (source) => {
        const app = createApp();
        const view = dataOf(await app.call('u-com-zhongying', START, 'proposal.submit', proposalPayload({ source })));
        expect(view).toMatchObject({ source, state: 'submitted', proposer: '陈社工' });
      },
    );

    it.each(['party_member', 'organisation', 'deputies', 'leader', 'landscape_forest'])(
      'R-SRC-1: a resident may not give the source %s (invalid_input on source)',
      async (source) => {
        const app = createApp();
        const before = fingerprint(app);
        expectRefused(await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ source })), 'invalid_input', 'source');
        expect(fingerprint(app)).toEqual(before);
      },
    );

    it('R-SRC-1, R-SUP-3: a resident starts a proposal from a library entry, which copies its plan and budget lines', async () => {
      const app = createApp();
      const entry = await app.ok('u-street-shatoujiao', START, 'library.add', {
        title: '长者助餐服务',
        category: 'services',
        plan: '委托社会组织每日供餐',
        budgetLines: [{ item: '助餐服务', amountFen: 900_000 }, { item: '服务管理费', amountFen: 100_000, fee: true }],
      });
      const view = dataOf(
        await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ source: 'library', libraryEntryId: entry.id, category: 'services' })),
      );
      expect(view).toMatchObject({ source: 'library', libraryEntryId: entry.id });
      expect((await recordOf(app, view.id)).libraryTemplate).toEqual({ plan: entry.plan, budgetLines: entry.budgetLines });
    });

    it('R-SRC-1: the library source needs a library entry (invalid_input on libraryEntryId)', async () => {
      const app = createApp();
      expectRefused(await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ source: 'library' })), 'invalid_input', 'libraryEntryId');
    });

    it('R-SRC-1: a library entry goes only with the library source (invalid_input on libraryEntryId)', async () => {
      const app = createApp();
      const entry = await app.ok('u-street-shatoujiao', START, 'library.add', {
        title: '长者助餐服务',
        category: 'services',
        plan: '委托社会组织每日供餐',
        budgetLines: [{ item: '助餐服务', amountFen: 900_000 }],
      });
      expectRefused(
        await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ source: 'resident', libraryEntryId: entry.id })),
        'invalid_input',
        'libraryEntryId',
      );
    });

    it('R-SUP-3: a library entry that does not exist is not_found on libraryEntryId', async () => {
      const app = createApp();
      expectRefused(
        await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ source: 'library', libraryEntryId: 'lib-nowhere' })),
        'not_found',
        'libraryEntryId',
      );
    });
  });

  describe('refuses a malformed payload with invalid_input naming the field, and writes nothing', () => {
    it.each([
      ['a title of the wrong type', { title: 42 }, 'title'],
      ['an operator object for the community', { communityId: { $ne: null } }, 'communityId'],
      ['an operator object for the title', { title: { $gt: '' } }, 'title'],
      ['a title over 50 characters', { title: '灯'.repeat(51) }, 'title'],
      ['a description over 2000 characters', { description: '暗'.repeat(2001) }, 'description'],
      ['a location over 100 characters', { location: '巷'.repeat(101) }, 'location'],
      ['a blank title', { title: '   ' }, 'title'],
      ['R-CAT-1: an unknown category', { category: 'parks' }, 'category'],
      ['an unknown source', { source: 'mayor' }, 'source'],
      ['more than six photos', { photos: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, 'photos'],
      ['a photo id with a path escape', { photos: ['../../etc/passwd?'] }, 'photos.0'],
      ['a request id that is too short', { requestId: 'abc' }, 'requestId'],
      ['a missing title', { title: undefined }, 'title'],
      ['a control character in the description', { description: '路灯\u0007坏了' }, 'description'],
    ])('%s', async (_, overrides, field) => {
      const app = createApp();
      const before = fingerprint(app);
      expectRefused(await app.call('u-res-1', START, 'proposal.submit', proposalPayload(overrides)), 'invalid_input', field);
      expect(fingerprint(app)).toEqual(before);
    });
  });

  it.each([
    ['a string', 'proposal'],
    ['a list', [proposalPayload()]],
    ['a number', 42],
  ])('refuses a payload that is %s (invalid_input on payload)', async (_, payload) => {
    const app = createApp();
    expectRefused(await app.call('u-res-1', START, 'proposal.submit', payload), 'invalid_input', 'payload');
  });

  it('asks an anonymous caller to sign in (unauthenticated), before looking at the payload', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'proposal.submit', proposalPayload()), 'unauthenticated');
    expectRefused(await app.call(null, START, 'proposal.submit', { title: { $ne: null } }), 'unauthenticated');
  });

  it.each([
    ['a resident of another community', 'u-res-3'],
    ['the worker of another community', 'u-com-tianxin'],
    ['the street covering the community', 'u-street-shatoujiao'],
    ['the district', 'u-district-yantian'],
    ['a signed-in caller who has joined no community', 'u-stranger'],
  ])('R-COL-1: %s may not propose in 中英街社区 (forbidden), and nothing is written', async (_, openid) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call(openid, START, 'proposal.submit', proposalPayload()), 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it('a community that does not exist is not_found on communityId', async () => {
    const app = createApp();
    expectRefused(await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ communityId: 'c-nowhere' })), 'not_found', 'communityId');
  });

  describe('the content check', () => {
    it('turns away text the check refuses (content_rejected), and writes nothing', async () => {
      const app = createApp();
      const before = fingerprint(app);
      expectRefused(
        await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ description: '楼下可代开发票，有需要联系' })),
        'content_rejected',
        'description',
      );
      expect(fingerprint(app)).toEqual(before);
    });

    it.each([
      ['unsure', () => contentCheckAnswering('review')],
      ['unreachable', () => unreachableContentCheck()],
    ])('accepts a proposal when the check is %s: the community screens every proposal anyway', async (_, check) => {
      const app = createApp({ contentCheck: check() });
      expect(dataOf(await app.call('u-res-1', START, 'proposal.submit', proposalPayload())).state).toBe('submitted');
    });

    it('checks the title, the location and the description, each on its own', async () => {
      const check = contentCheckAnswering('pass');
      const app = createApp({ contentCheck: check });
      await app.ok('u-res-1', START, 'proposal.submit', proposalPayload({ title: '标题甲', location: '地点乙', description: '描述丙' }));
      expect(check.texts).toEqual(['标题甲', '地点乙', '描述丙']);
    });
  });

  describe('idempotency', () => {
    it('the same requestId from the same caller answers the first proposal, and writes one row and one audit entry', async () => {
      const app = createApp();
      const payload = proposalPayload();
      const first = dataOf(await app.call('u-res-1', START, 'proposal.submit', payload));
      const again = dataOf(await app.call('u-res-1', START, 'proposal.submit', { ...payload, title: '改了标题再提交' }));
      expect(again.id).toBe(first.id);
      expect(again.title).toBe('小区路灯维修');
      expect(app.store.db.prepare('SELECT COUNT(*) FROM proposals').pluck().get()).toBe(1);
      expect(await app.store.auditTrail(first.id)).toHaveLength(1);
    });

    it('the same requestId from another caller is another proposal', async () => {
      const app = createApp();
      const payload = proposalPayload();
      const first = dataOf(await app.call('u-res-1', START, 'proposal.submit', payload));
      const other = dataOf(await app.call('u-res-2', START, 'proposal.submit', payload));
      expect(other.id).not.toBe(first.id);
    });

    it('a retry answers the first proposal even after the day’s limit is reached', async () => {
      const app = createApp({ limits: { proposalsPerDay: 1 } });
      const payload = proposalPayload();
      const first = dataOf(await app.call('u-res-1', START, 'proposal.submit', payload));
      expect(dataOf(await app.call('u-res-1', START, 'proposal.submit', payload)).id).toBe(first.id);
    });
  });

  describe('rate limit', () => {
    it('refuses the 6th proposal of one caller in a day by default (rate_limited, 429), and writes nothing', async () => {
      const app = createApp();
      for (let n = 0; n < 5; n += 1) await app.ok('u-res-1', START, 'proposal.submit', proposalPayload());
      const before = fingerprint(app);
      expectRefused(await app.call('u-res-1', START, 'proposal.submit', proposalPayload()), 'rate_limited');
      expect(fingerprint(app)).toEqual(before);
    });

    it('counts per caller and per day: another resident, and the same one the next day, may still propose', async () => {
      const app = createApp({ limits: { proposalsPerDay: 2 } });
      await app.ok('u-res-1', START, 'proposal.submit', proposalPayload());
      await app.ok('u-res-1', START, 'proposal.submit', proposalPayload());
      expectRefused(await app.call('u-res-1', START, 'proposal.submit', proposalPayload()), 'rate_limited');
      expect((await app.call('u-res-2', START, 'proposal.submit', proposalPayload())).status).toBe(200);
      expect((await app.call('u-res-1', addDays(START, 1), 'proposal.submit', proposalPayload())).status).toBe(200);
    });
  });
});

describe('proposal.get and proposal.list', () => {
  it('R-TRN-1: proposals are public: an anonymous caller reads one, with the proposer masked and no personal data', async () => {
    const app = createApp();
    const { id } = dataOf(await app.call('u-res-1', START, 'proposal.submit', proposalPayload()));
    const view = dataOf(await app.call(null, START, 'proposal.get', { id }));
    expect(view).toMatchObject({ id, proposer: '张*明', mine: false, allowedActions: [] });
    expect(JSON.stringify(view)).not.toContain('张小明');
    expect(JSON.stringify(view)).not.toContain('u-res-1');
  });

  it.each([
    ['the proposer', 'u-res-1', '张小明', true],
    ['another resident of the community', 'u-res-2', '张*明', false],
    ['a resident of another community', 'u-res-3', '张*明', false],
    ['the community worker', 'u-com-zhongying', '张小明', false],
    ['the worker of another community', 'u-com-tianxin', '张*明', false],
    ['the street covering the community', 'u-street-shatoujiao', '张小明', false],
    ['another street', 'u-street-haishan', '张*明', false],
    ['the district', 'u-district-yantian', '张小明', false],
    ['the city', 'u-city', '张小明', false],
  ])('R-TRN-1: %s sees the proposer as %s, on proposal.get and on proposal.list', async (_, openid, proposer, mine) => {
    const app = createApp();
    const { id } = dataOf(await app.call('u-res-1', START, 'proposal.submit', proposalPayload()));
    expect(dataOf(await app.call(openid, START, 'proposal.get', { id }))).toMatchObject({ proposer, mine });
    const listed = dataOf(await app.call(openid, START, 'proposal.list', { communityId: 'c-zhongying' }));
    expect(listed.items).toEqual([expect.objectContaining({ id, proposer, mine })]);
  });

  it('a proposal that does not exist is not_found on id', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'proposal.get', { id: 'p-nowhere' }), 'not_found', 'id');
  });

  it.each([
    ['an operator object', { id: { $ne: null } }, 'id'],
    ['an id with spaces', { id: 'p 1' }, 'id'],
    ['a missing id', {}, 'id'],
  ])('proposal.get refuses %s (invalid_input)', async (_, payload, field) => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'proposal.get', payload), 'invalid_input', field);
  });

  it('lists newest first, a page at a time, with a cursor to the next page', async () => {
    const app = createApp();
    const ids: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      ids.push(dataOf(await app.call('u-res-1', addDays(START, n), 'proposal.submit', proposalPayload({ title: `提议 ${n}` }))).id);
    }
    const first = dataOf(await app.call(null, addDays(START, 3), 'proposal.list', { communityId: 'c-zhongying', limit: 2 }));
    expect(first.items.map((item: any) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = dataOf(await app.call(null, addDays(START, 3), 'proposal.list', { communityId: 'c-zhongying', limit: 2, cursor: first.nextCursor }));
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null, total: 3 });
  });

  it('filters by scope, by state and by proposer', async () => {
    const app = createApp();
    const mine = dataOf(await app.call('u-res-1', START, 'proposal.submit', proposalPayload()));
    const neighbours = dataOf(await app.call('u-res-2', START, 'proposal.submit', proposalPayload()));
    const tianxin = dataOf(await app.call('u-res-3', START, 'proposal.submit', proposalPayload({ communityId: 'c-tianxin' })));
    await app.ok('u-com-zhongying', START, 'proposal.screen', { id: neighbours.id, adopt: true });
    const idsOf = async (payload: object, openid: string | null = null) =>
      dataOf(await app.call(openid, START, 'proposal.list', payload)).items.map((item: any) => item.id).sort();
    expect(await idsOf({ streetId: 's-shatoujiao' })).toEqual([mine.id, neighbours.id].sort());
    expect(await idsOf({ streetId: 's-haishan' })).toEqual([tianxin.id]);
    expect(await idsOf({ districtId: 'd-yantian' })).toEqual([mine.id, neighbours.id, tianxin.id].sort());
    expect(await idsOf({ communityId: 'c-zhongying', state: 'adopted' })).toEqual([neighbours.id]);
    expect(await idsOf({ mine: true }, 'u-res-1')).toEqual([mine.id]);
  });

  it.each([
    ['a page larger than 50', { limit: 51 }, 'limit'],
    ['a page of 0', { limit: 0 }, 'limit'],
    ['a fractional page size', { limit: 2.5 }, 'limit'],
    ['an unknown state', { state: 'lost' }, 'state'],
    ['a cursor that is not ours', { cursor: 'not-a-cursor' }, 'cursor'],
    ['two scopes at once', { communityId: 'c-zhongying', streetId: 's-shatoujiao' }, 'communityId'],
    ['an operator object as the scope', { communityId: { $ne: null } }, 'communityId'],
  ])('proposal.list refuses %s (invalid_input)', async (_, payload, field) => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'proposal.list', payload), 'invalid_input', field);
  });

  it('asks an anonymous caller to sign in to list "mine" (unauthenticated)', async () => {
    const app = createApp();
    expectRefused(await app.call(null, START, 'proposal.list', { mine: true }), 'unauthenticated');
  });

  it('the staff of one community see the proposals of the community they serve, listed like everyone else', async () => {
    const app = createApp();
    for (const cast of [CAST['c-zhongying'], CAST['c-tianxin']]) {
      await app.ok(cast.resident, START, 'proposal.submit', proposalPayload({ communityId: cast.communityId, requestId: newRequestId() }));
    }
    const listed = dataOf(await app.call('u-com-tianxin', START, 'proposal.list', { communityId: 'c-tianxin' }));
    expect(listed.items.map((item: any) => [item.communityId, item.proposer])).toEqual([['c-tianxin', '王建国']]);
  });
});
