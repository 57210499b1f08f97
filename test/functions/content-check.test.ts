import { createDispatch } from '../../backend/app/dispatch';
import { defaultCalendar } from '../../backend/domain/calendar';
import { openCloudBaseStore } from '../../backend/store/cloudbase/cloudbase.store';
import { seedCloudBaseDemoData } from '../../backend/store/cloudbase/cloudbase.seed';
import { collectionNames } from '../../backend/store/cloudbase/collections';
import { MemoryDocDb } from '../../backend/store/cloudbase/memory.doc-db';
import { ContentCheckUnavailable, WeChatContentCheck } from '../../backend/wechat/wechat.content-check';
import { foldForMatching, normalizeText } from '../../backend/wechat/normalize-text';
import { LocalContentCheck } from '../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../backend/wechat/local/stored-photos';
import { createApp, dataOf, expectRefused, proposalPayload, START } from '../support/app-harness';
import type { MsgSecCheckAnswer, MsgSecCheckRequest, WxOpenApi } from '../../backend/wechat/wx-cloud';
import { buildProposal } from '../domain/factories';

type Answer = MsgSecCheckAnswer | Error | 'hang';

/** A msgSecCheck that answers `answer` and records what it was asked. */
function security(answer: (request: MsgSecCheckRequest) => Answer) {
  const asked: MsgSecCheckRequest[] = [];
  const api: WxOpenApi['security'] = {
    async msgSecCheck(request) {
      asked.push(request);
      const given = answer(request);
      if (given === 'hang') return new Promise<never>(() => undefined);
      if (given instanceof Error) throw given;
      return given;
    },
  };
  return { api, asked };
}

const suggest = (value: string): MsgSecCheckAnswer => ({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: value, label: 100 } });

describe('the WeChat content check (msgSecCheck v2)', () => {
  it.each([
    ['pass', 'pass'],
    ['review', 'review'],
    ['risky', 'risky'],
    ['something new', 'review'],
  ])('answers %s as %s (errcode is 0 even when risky: the suggestion decides)', async (given, expected) => {
    const { api, asked } = security(() => suggest(given));
    const check = new WeChatContentCheck(() => api);
    await expect(check.check('社区路灯坏了', { openid: 'o-resident', scene: 'comment' })).resolves.toBe(expected);
    expect(asked).toEqual([{ openid: 'o-resident', scene: 2, version: 2, content: '社区路灯坏了' }]);
  });

  it('asks about a proposal in the forum scene, and in parts of 2500 characters when longer; the worst part counts', async () => {
    const { api, asked } = security((request) => suggest(request.content.startsWith('坏') ? 'review' : 'pass'));
    const check = new WeChatContentCheck(() => api);
    const text = `${'好'.repeat(2500)}${'坏'.repeat(10)}`;
    await expect(check.check(text, { openid: 'o-resident', scene: 'proposal' })).resolves.toBe('review');
    expect(asked.map((request) => [request.scene, Array.from(request.content).length])).toEqual([
      [3, 2500],
      [3, 10],
    ]);
  });

  it('an error rejects (unreachable): the rejection of the call and an errcode answer alike', async () => {
    const failing = security(() => Object.assign(new Error('openapi.security.msgSecCheck:fail system error'), { errCode: -1 }));
    await expect(new WeChatContentCheck(() => failing.api).check('文本', { openid: 'o', scene: 'comment' })).rejects.toThrow(ContentCheckUnavailable);
    const errcode = security(() => ({ errCode: 61010, errMsg: 'user not visited recently' }));
    await expect(new WeChatContentCheck(() => errcode.api).check('文本', { openid: 'o', scene: 'comment' })).rejects.toThrow(/61010/);
  });

  it('no answer within the timeout rejects (unreachable), without waiting longer', async () => {
    const { api } = security(() => 'hang');
    const check = new WeChatContentCheck(() => api, { timeoutMs: 50 });
    const started = Date.now();
    await expect(check.check('文本', { openid: 'o', scene: 'comment' })).rejects.toThrow(/50 ms/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  describe('through comment.add on the CloudBase store (fail closed)', () => {
    async function commentWith(answer: Answer) {
      const db = new MemoryDocDb({ collections: collectionNames() });
      await seedCloudBaseDemoData(db, { at: '2026-03-01T02:00:00.000Z', year: 2026 });
      const store = openCloudBaseStore({ db });
      const proposal = buildProposal({ id: 'p-check-1', state: 'publicity', version: 1 });
      const created = await store.createProposal({
        record: proposal,
        indexing: { openDeadlineOn: null, missingDocuments: [] },
        request: { openid: 'u-res-1', action: 'proposal.submit', requestId: 'content-check-1' },
        rateLimit: { openid: 'u-res-1', action: 'proposal.submit', windowStart: '2026-03-02', max: 5 },
        audit: { chainId: proposal.id, at: proposal.createdAt, actor: 'u-res-1', action: 'proposal.submit', from: null, to: 'publicity', detail: {} },
        outbox: [],
      });
      expect(created.ok).toBe(true);
      const { api } = security(() => answer);
      const dispatch = createDispatch({ store, calendar: defaultCalendar, contentCheck: new WeChatContentCheck(() => api, { timeoutMs: 50 }), photos: new StoredPhotos(store), logError: () => undefined });
      const { answer: result } = await dispatch('comment.add', { proposalId: proposal.id, text: '建议加装一盏灯。', requestId: 'content-check-comment-1' }, { openid: 'u-res-2' }, new Date('2026-04-01T10:00:00+08:00'));
      return result;
    }

    it.each([
      ['pass', suggest('pass'), 'published'],
      ['review', suggest('review'), 'pending'],
      ['an error', new Error('network down'), 'pending'],
      ['a timeout', 'hang' as const, 'pending'],
    ])('%s makes the comment %s', async (_name, answer, status) => {
      expect(await commentWith(answer)).toEqual({ ok: true, data: expect.objectContaining({ status }) });
    });

    it('risky is content_rejected, and nothing is written', async () => {
      expect(await commentWith(suggest('risky'))).toEqual({ ok: false, error: expect.objectContaining({ code: 'content_rejected', field: 'text' }) });
    });
  });
});

// L9: the content check reads the text as a reader sees it, and only refuses what is wrong in
// any sentence. Each bypass below passed the old check; 长者防诈骗讲座 was refused by it.
describe('L9: the text the content check reads', () => {
  it.each([
    ['a soft hyphen inside a word', '代\u00AD开发票', '代开发票'],
    ['a zero-width space and a word joiner', '代\u200B开\u2060发票', '代开发票'],
    ['zero-width joiners', '代\u200D开\u200C发票', '代开发票'],
    ['full-width letters and digits', 'ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ １２３', 'www.example.com 123'],
    ['traditional characters (and the full-width comma folded)', '代開發票，網上賭場', '代开发票,网上赌场'],
    ['Hong Kong variants', '綫上賭場', '线上赌场'],
    ['a compatibility ideograph (U+F900, 豈 then simplified)', '\uF900', '岂'],
    ['combining strokes over each character', '代\u0336开\u0336发\u0336票\u0336', '代开发票'],
    ['accents', 'café', 'cafe'],
  ])('L9: normalizes %s', (_, text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });

  it('L9: folding for matching also drops spaces, punctuation and symbols, and lowercases', () => {
    expect(foldForMatching('代 · 开 | 发 ★ 票！ WWW')).toBe('代开发票www');
  });
});

describe('L9: the local content check', () => {
  const check = new LocalContentCheck();
  const verdictOf = (text: string) => check.check(text);

  it.each([
    ['a soft hyphen', '专业代\u00AD开发票'],
    ['a zero-width joiner', '代\u200D开\u200D发\u200D票'],
    ['full-width letters', '加ＶＸ领红包'],
    ['traditional characters', '代開發票，價格優惠'],
    ['combining characters', '网\u0301上\u0301赌\u0301场'],
    ['spaces and punctuation', '百 家 . 乐'],
  ])('L9: a blocked word hidden by %s is still found', async (_, text) => {
    expect(await verdictOf(text)).not.toBe('pass');
  });

  it.each(['代開發票', '網上賭場招募代理', '六合彩開獎', '专业代\u00AD开发票'])('L9: %j is risky', async (text) => {
    expect(await verdictOf(text)).toBe('risky');
  });

  it.each([
    '长者防诈骗讲座',
    '長者防詐騙講座',
    '社区反诈宣传进楼栋',
    '禁毒禁赌宣传展板',
    '楼下有人聚众赌博，希望整治',
    '远离毒品，珍爱生命',
    '防范电信诈骗知识讲座',
  ])('L9: the civic text %j passes', async (text) => {
    expect(await verdictOf(text)).toBe('pass');
  });

  it.each(['详情见 https://example.com', '访问ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ', '网址 example。com', '加我微信聊'])('L9: a link or an invitation elsewhere (%j) waits for review', async (text) => {
    expect(await verdictOf(text)).toBe('review');
  });

  it('L9: a civic phrase is cut out before matching, so a list holding 诈骗 still lets 防诈骗 and 反诈 through', async () => {
    const strict = new LocalContentCheck({ risky: ['诈骗'], review: [], civic: ['防诈骗', '反诈'] });
    expect(await strict.check('长者防诈骗讲座')).toBe('pass');
    expect(await strict.check('反詐騙宣傳')).toBe('pass');
    expect(await strict.check('电信诈骗团伙招人')).toBe('risky');
    expect(await new LocalContentCheck({ risky: ['诈骗'], review: [], civic: [] }).check('长者防诈骗讲座')).toBe('risky');
  });

  it('a bidi override still makes any text risky (it reorders what is shown)', async () => {
    expect(await verdictOf('\u202E正常的标题')).toBe('risky');
  });
});

describe('L9: WeChat is asked about the normalized text', () => {
  it('L9: a word split by a soft hyphen and written in traditional characters reaches msgSecCheck whole and simplified', async () => {
    const { api, asked } = security(() => suggest('pass'));
    await new WeChatContentCheck(() => api).check('代\u00AD開發票', { openid: 'o-resident', scene: 'comment' });
    expect(asked.map((request) => request.content)).toEqual(['代开发票']);
  });
});

describe('L9: a refusal names the field that failed (proposal.submit checks each field on its own)', () => {
  it.each([
    ['title', { title: '代开发票优惠' }],
    ['location', { location: '網上賭場' }],
    ['description', { description: '需要的加我，专业代\u00AD开发票' }],
  ])('L9: a blocked word in the %s is content_rejected on %s', async (field, overrides) => {
    const app = createApp();
    expectRefused(await app.call('u-res-1', START, 'proposal.submit', proposalPayload(overrides)), 'content_rejected', field);
  });

  it('L9: the title 长者防诈骗讲座 is accepted', async () => {
    const app = createApp();
    expect(dataOf(await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ title: '长者防诈骗讲座' }))).title).toBe('长者防诈骗讲座');
  });
});
