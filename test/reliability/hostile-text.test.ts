import { recordFigure } from '../support/reliability-figures';
import { Pools } from '../support/reliability-pools';
import { inspect, openWorld, PLACES, shanghaiToday, uniqueRequestId, type World } from '../support/reliability-world';
import { apiAt } from '../support/http-api';
import { callApi, startServerProcess, type ServerProcess } from '../support/local-server-process';

// Figure 6, the text itself (issue 7): what the schemas and the content check do with emoji,
// ZWJ sequences, bidi overrides, lone surrogates and impossible dates. Lengths are counted in
// code points (the domain's own rule, backend/domain/lifecycle.ts requireMaxLength), person text
// holds no characters that reorder or hide what is shown, and what is stored is what was sent.
// Each defect this suite found is fixed; its test stays as a regression test (REPORT.md keeps the fixes).

const PLACE = PLACES.tianxin;

describe('Figure 6 — hostile text: lengths, emoji, direction characters, surrogates, dates', () => {
  let server: ServerProcess;
  let world: World;
  let pools: Pools;
  let today: string;
  const defects: string[] = [];
  /** DEFECT checks that reached their verdict (an it.failing test that failed in its setup would pass unseen). */
  let verdicts = 0;

  beforeAll(async () => {
    server = await startServerProcess({ env: { RATE_PROPOSALS_PER_DAY: '1000000', RATE_COMMENTS_PER_HOUR: '1000000' } });
    world = await openWorld({ file: server.dbFile, seed: 'none' });
    today = shanghaiToday();
    pools = new Pools(world, PLACE, today);
  }, 60_000);

  afterAll(async () => {
    await world?.close();
    await server?.stop();
    recordFigure({
      number: 6,
      name: 'hostile text',
      goal: 'lengths in code points; emoji and ZWJ sequences accepted; bidi overrides refused in every text field; text stored as sent; impossible dev dates refused',
      values: { checks: 9, 'defects shown': defects.length },
      pass: defects.length === 0,
      notes: defects,
    });
  });

  const api = () => apiAt(server.url);
  const submit = (title: string, description = '需要增加设施。') =>
    api()(PLACE.resident, today, 'proposal.submit', { communityId: PLACE.communityId, title, category: 'goods', location: '田心公园', description, source: 'resident', requestId: uniqueRequestId('text') });

  /** Runs a regression of fixed defect check: records it in the figure when it fails, and fails so that it.failing passes. */
  async function defect(name: string, check: () => Promise<void>): Promise<void> {
    verdicts += 1;
    try {
      await check();
    } catch (error) {
      defects.push(`${name}: ${String(error instanceof Error ? error.message : error).split('\n').slice(0, 3).join(' ')}`);
      throw error;
    }
  }

  it('R-COL-1: a title of 51 emoji (51 code points) is refused: invalid_input naming title', async () => {
    const { status, body } = await submit('😀'.repeat(51));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_input', field: 'title' });
  });

  it('R-COL-1 regression of fixed defect text-length-utf16: a title of 50 emoji (50 code points, 100 UTF-16 units) is accepted — lengths count code points', async () => {
    await defect('text-length-utf16 (a 50-emoji title is refused: the schema counts UTF-16 units)', async () => {
      const { status, body } = await submit('😀'.repeat(50));
      expect({ status, ok: body.ok }).toEqual({ status: 200, ok: true });
      expect(Array.from(body.data.title as string)).toHaveLength(50);
    });
  });

  it('R-PUB-2 regression of fixed defect zwj-emoji-risky: a comment with the family emoji 👨‍👩‍👧‍👦 (a ZWJ sequence) is published, not refused by the content check', async () => {
    const open = await pools.get('publicity_open');
    await defect('zwj-emoji-risky (the local content check calls every ZWJ sequence risky)', async () => {
      const { status, body } = await api()(PLACE.resident, today, 'comment.add', { proposalId: open.id, text: '全家👨‍👩‍👧‍👦都喜欢这个项目', requestId: uniqueRequestId('zwj') });
      expect({ status, body: { ok: body.ok, status: body.data?.status } }).toEqual({ status: 200, body: { ok: true, status: 'published' } });
    });
  });

  it('a bidi override (U+202E) in a proposal or a comment is refused (the content check sees it)', async () => {
    const proposal = await submit('\u202E正常的标题');
    expect(proposal.body.ok).toBe(false);
    const open = await pools.get('publicity_open');
    const comment = await api()(PLACE.resident, today, 'comment.add', { proposalId: open.id, text: '\u202E看起来正常', requestId: uniqueRequestId('bidi') });
    expect(comment.body.ok).toBe(false);
  });

  it('regression of fixed defect bidi-in-unchecked-text: a bidi override (U+202E) is refused in the text fields the content check never sees', async () => {
    const RLO = '\u202E';
    const accepted: string[] = [];
    const tryField = async (label: string, openid: string, action: string, payload: Record<string, unknown>, day = today) => {
      const { body } = await api()(openid, day, action, payload);
      if (body.ok) accepted.push(label);
    };
    await tryField('me.join name', 'u-bidi-joiner', 'me.join', { communityId: PLACE.communityId, name: `${RLO}明小张` });
    const review = await pools.get('street_review');
    await tryField('review.decide reason', PLACE.street, 'review.decide', { id: review.id, outcome: 'rejected', reason: `${RLO}预算不合理` }, review.days.approvedOn);
    const adopted = await pools.get('adopted');
    await tryField('proposal.draftReport plan', PLACE.worker, 'proposal.draftReport', { id: adopted.id, reason: '需要', overview: '概述', plan: `${RLO}方案`, budgetLines: [{ item: '费用', amountFen: 10_000 }] });
    await tryField('library.add title', PLACE.street, 'library.add', { title: `${RLO}标准项目`, category: 'goods', plan: '方案', budgetLines: [{ item: '费用', amountFen: 10_000 }] });
    const target = await pools.get('change_target');
    await tryField('change.request reason', PLACE.worker, 'change.request', { id: target.id, kind: 'withdraw', reason: `${RLO}撤销` });
    await defect(`bidi-in-unchecked-text (accepted in: ${accepted.join(', ')})`, async () => {
      expect(accepted).toEqual([]);
    });
  });

  it('regression of fixed defect lone-surrogate-mangled: a comment with a lone surrogate is refused, or stored exactly as sent — never silently changed', async () => {
    const open = await pools.get('publicity_open');
    const sent = '好\uD800';
    const { status, body } = await api()(PLACE.resident, today, 'comment.add', { proposalId: open.id, text: sent, requestId: uniqueRequestId('surrogate') });
    let stored: string | null = null;
    if (body.ok) {
      const db = inspect(server.dbFile, { readonly: true });
      stored = db.prepare('SELECT text FROM comments WHERE id = ?').pluck().get(body.data.id) as string;
      db.close();
    }
    await defect(`lone-surrogate-mangled (sent ${JSON.stringify(sent)}, answered ${status}, stored ${JSON.stringify(stored)})`, async () => {
      if (body.ok) expect({ answered: body.data.text, stored }).toEqual({ answered: sent, stored: sent });
      else expect(body.error.code).toBe('invalid_input');
    });
  });

  it('regression of fixed defect dev-clock-impossible-date: x-dev-now 2026-02-30T10:00:00+08:00 is refused with invalid_input, not read as 2 March', async () => {
    const { status, body } = await callApi(server.url, 'me.get', {}, { 'x-dev-openid': PLACE.resident, 'x-dev-now': '2026-02-30T10:00:00+08:00' });
    await defect(`dev-clock-impossible-date (answered ${status} ${body.ok ? 'ok' : body.error.code})`, async () => {
      expect({ status, code: body.error?.code, field: body.error?.field }).toEqual({ status: 400, code: 'invalid_input', field: 'x-dev-now' });
    });
  });

  it('R-COU-2 regression of fixed defect agenda-far-future: an agenda for a meeting on 9999-12-31 is refused with invalid_input (accepted, council.status of that community answers internal ever after)', async () => {
    const drafted = await pools.get('drafted');
    const agenda = await api()(PLACE.worker, today, 'council.publishAgenda', { communityId: PLACE.communityId, meetingOn: '9999-12-31', proposalIds: [drafted.id] });
    const status = await api()(null, today, 'council.status', { communityId: PLACE.communityId });
    await defect(`agenda-far-future (publishAgenda answered ${agenda.status}; council.status then answered ${status.status} ${status.body.ok ? 'ok' : status.body.error.code})`, async () => {
      expect({ status: agenda.status, code: agenda.body.error?.code, field: agenda.body.error?.field }).toEqual({ status: 400, code: 'invalid_input', field: 'meetingOn' });
      expect(status.status).toBe(200);
    });
  });

  it('impossible dates in payloads are refused by the domain: 2026-02-30 and 2026-13-01 as an implementation date', async () => {
    const ended = await pools.get('publicity_ended');
    for (const assignedOn of ['2026-02-30', '2026-13-01']) {
      const { status, body } = await api()(PLACE.worker, today, 'implementation.assign', { id: ended.id, implementer: '施工单位', assignedOn });
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'invalid_input', field: 'assignedOn' });
    }
  });

  it('every DEFECT check above reached its verdict (none passed by failing in its setup)', () => {
    expect(verdicts).toBe(6);
  });
});
