import { recordFigure } from '../support/reliability-figures';
import { inspect, shanghaiToday, uniqueRequestId } from '../support/reliability-world';
import { apiAt } from '../support/http-api';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// Figure 2 (issue 7): a flaky network makes the mini-program send the same request again. 10
// concurrent and then 10 sequential retries of one proposal.submit and one comment.add, with the
// same requestId, through two server processes on one store: exactly one record each, and every
// answer the same as the first (spec/api.md: "the same requestId from the same caller returns
// the first result, never a second proposal").

const CONCURRENT = 10;
const SEQUENTIAL = 10;

interface Answer {
  status: number;
  body: any;
}

describe('Figure 2 — retries with the same requestId', () => {
  let first: ServerProcess;
  let second: ServerProcess;
  let today: string;
  const figures: Record<string, number | string> = {};
  let failures = 0;

  beforeAll(async () => {
    first = await startServerProcess();
    second = await startServerProcess({ dbFile: first.dbFile });
    today = shanghaiToday();
  }, 60_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    const pass = failures === 0;
    recordFigure({
      number: 2,
      name: 'retries',
      goal: 'one record per requestId; all 20 answers identical to the first',
      values: figures,
      pass,
    });
  });

  /** Sends `payload` 10 times at once (across both servers), then 10 times one after another. */
  async function retried(openid: string, action: string, payload: unknown): Promise<Answer[]> {
    const apis = [apiAt(first.url), apiAt(second.url)];
    const concurrent = await Promise.all(Array.from({ length: CONCURRENT }, (_, index) => apis[index % 2](openid, today, action, payload)));
    const sequential: Answer[] = [];
    for (let index = 0; index < SEQUENTIAL; index += 1) sequential.push(await apis[index % 2](openid, today, action, payload));
    return [...concurrent, ...sequential];
  }

  function distinctData(answers: Answer[]): number {
    return new Set(answers.map((answer) => JSON.stringify(answer.body))).size;
  }

  it('proposal.submit retried 20 times with one requestId makes exactly one proposal, and every answer is the first', async () => {
    const title = `重试提议 ${uniqueRequestId('title')}`;
    const payload = {
      communityId: 'c-tianxin',
      title,
      category: 'goods',
      location: '田心社区',
      description: '网络不稳定时重复提交。',
      source: 'resident',
      requestId: uniqueRequestId('retry-submit'),
    };
    const answers = await retried('u-res-3', 'proposal.submit', payload);
    const db = inspect(first.dbFile, { readonly: true });
    const proposals = db.prepare("SELECT id FROM proposals WHERE proposer_openid = 'u-res-3' AND json_extract(record, '$.title') = ?").pluck().all(title) as string[];
    const claims = db.prepare("SELECT COUNT(*) FROM idempotency WHERE openid = 'u-res-3' AND action = 'proposal.submit' AND request_id = ?").pluck().get(payload.requestId);
    const auditEntries = proposals.length === 1 ? db.prepare('SELECT COUNT(*) FROM audit_entries WHERE chain_id = ?').pluck().get(proposals[0]) : -1;
    const rateCount = db.prepare("SELECT SUM(count) FROM rate_counters WHERE openid = 'u-res-3' AND action = 'proposal.submit'").pluck().get();
    db.close();
    figures['submit answers'] = answers.length;
    figures['submit ok'] = answers.filter((answer) => answer.body.ok).length;
    figures['submit records'] = proposals.length;
    figures['submit distinct answers'] = distinctData(answers);
    try {
      expect(answers.every((answer) => answer.status === 200 && answer.body.ok)).toBe(true);
      expect(proposals).toHaveLength(1);
      expect(answers[0].body.data.id).toBe(proposals[0]);
      expect(distinctData(answers)).toBe(1);
      expect(claims).toBe(1);
      // One submission, one audit entry, counted once against the daily limit.
      expect(auditEntries).toBe(1);
      expect(rateCount).toBe(1);
    } catch (error) {
      failures += 1;
      throw error;
    }
  }, 60_000);

  it('comment.add retried 20 times with one requestId makes exactly one comment, counted once, and every answer is the first', async () => {
    const db = inspect(first.dbFile, { readonly: true });
    // The seeded 巷道照明 proposal is in publicity with its window open today.
    const proposalId = db.prepare("SELECT id FROM proposals WHERE state = 'publicity' AND community_id = 'c-zhongying' LIMIT 1").pluck().get() as string;
    const countBefore = db.prepare('SELECT comment_count FROM proposals WHERE id = ?').pluck().get(proposalId) as number;
    db.close();
    expect(proposalId).toBeDefined();
    const text = `重试意见 ${uniqueRequestId('text')}`;
    const answers = await retried('u-res-1', 'comment.add', { proposalId, text, requestId: uniqueRequestId('retry-comment') });
    const after = inspect(first.dbFile, { readonly: true });
    const comments = after.prepare("SELECT id FROM comments WHERE author_openid = 'u-res-1' AND text = ?").pluck().all(text) as string[];
    const countAfter = after.prepare('SELECT comment_count FROM proposals WHERE id = ?').pluck().get(proposalId) as number;
    after.close();
    figures['comment answers'] = answers.length;
    figures['comment ok'] = answers.filter((answer) => answer.body.ok).length;
    figures['comment records'] = comments.length;
    figures['comment distinct answers'] = distinctData(answers);
    figures['comment counter Δ'] = countAfter - countBefore;
    try {
      expect(answers.every((answer) => answer.status === 200 && answer.body.ok)).toBe(true);
      expect(comments).toHaveLength(1);
      expect(answers[0].body.data.id).toBe(comments[0]);
      expect(distinctData(answers)).toBe(1);
      expect(countAfter - countBefore).toBe(1);
    } catch (error) {
      failures += 1;
      throw error;
    }
  }, 60_000);

  it('the same requestId from another caller is another request: it makes its own record', async () => {
    const requestId = uniqueRequestId('shared');
    const api = apiAt(first.url);
    const base = { communityId: 'c-zhongying', category: 'works', location: '中英街', description: '两位居民碰巧用了同一个请求号。', source: 'resident', requestId };
    const one = await api('u-res-1', today, 'proposal.submit', { ...base, title: '请求号相同 甲' });
    const two = await api('u-res-2', today, 'proposal.submit', { ...base, title: '请求号相同 乙' });
    try {
      expect(one.body.ok && two.body.ok).toBe(true);
      expect(two.body.data.id).not.toBe(one.body.data.id);
      expect(two.body.data.title).toBe('请求号相同 乙');
    } catch (error) {
      failures += 1;
      throw error;
    }
  });
});
