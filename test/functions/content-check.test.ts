import { createDispatch } from '../../backend/app/dispatch';
import { defaultCalendar } from '../../backend/domain/calendar';
import { openCloudBaseStore } from '../../backend/store/cloudbase/cloudbase.store';
import { seedCloudBaseDemoData } from '../../backend/store/cloudbase/cloudbase.seed';
import { collectionNames } from '../../backend/store/cloudbase/collections';
import { MemoryDocDb } from '../../backend/store/cloudbase/memory.doc-db';
import { ContentCheckUnavailable, WeChatContentCheck } from '../../backend/wechat/wechat.content-check';
import { StoredPhotos } from '../../backend/wechat/local/stored-photos';
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
