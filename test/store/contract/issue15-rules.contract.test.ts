import { createDispatch } from '../../../backend/app/dispatch';
import { addDays, defaultCalendar } from '../../../backend/domain/calendar';
import { LocalContentCheck } from '../../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../../backend/wechat/local/stored-photos';
import type { SqliteStore } from '../../../backend/store/sqlite/sqlite.store';
import { advance, bringTo, dataOf, expectRefused, noonOf, proposalPayload, servicesLines, START, type App } from '../../support/app-harness';
import { cloudBaseMemoryTarget, sqliteTarget, type OpenedStore } from './targets';

// The fixes of issue 15 (and M3, L4, L6 of issue 14), each proven through the real use cases on
// both stores: the rule lives once in backend/domain, and both adapters keep what it decides.

const PHONE = '13812345678';

for (const target of [sqliteTarget, cloudBaseMemoryTarget]) {
  describe(`issue 15 rules through the use cases on ${target.name}`, () => {
    let opened: OpenedStore;
    let app: App;

    beforeEach(async () => {
      opened = await target.open();
      let counter = 0;
      const dispatch = createDispatch({
        store: opened.store,
        calendar: defaultCalendar,
        contentCheck: new LocalContentCheck(),
        photos: new StoredPhotos(opened.store),
        newId: (prefix) => `${prefix}-${String(++counter).padStart(4, '0')}`,
        logError: (error) => {
          throw error;
        },
      });
      const call = (openid: string | null, day: string, action: string, payload?: unknown) => dispatch(action, payload, { openid }, noonOf(day));
      app = {
        store: opened.store as unknown as SqliteStore,
        dispatch,
        call,
        callAt: (openid, instant, action, payload) => dispatch(action, payload, { openid }, new Date(instant)),
        async ok(openid, day, action, payload) {
          return dataOf(await call(openid, day, action, payload));
        },
        loggedErrors: [],
      };
    }, target.timeoutMs);

    afterEach(async () => opened.close());

    it('M3: a resident changes community at most once in 30 days (too_early), and a newcomer may not rate (forbidden)', async () => {
      const journey = await bringTo(app, 'completed');
      const completedOn = journey.days.completedOn;
      // A demo resident belongs since 2020-01-01: they rate.
      expect(dataOf(await app.call('u-res-2', completedOn, 'rating.set', { proposalId: journey.id, stars: 4 })).stars).toBe(4);
      // A newcomer joins the day after completion: their rating is refused.
      await app.ok('u-hopper', addDays(completedOn, 1), 'me.join', { communityId: 'c-tianxin', name: '跳跃者' });
      expectRefused(await app.call('u-hopper', addDays(completedOn, 1), 'me.join', { communityId: 'c-zhongying', name: '跳跃者' }), 'too_early', 'communityId');
      await app.ok('u-hopper', addDays(completedOn, 31), 'me.join', { communityId: 'c-zhongying', name: '跳跃者' });
      expectRefused(await app.call('u-hopper', addDays(completedOn, 31), 'rating.set', { proposalId: journey.id, stars: 1 }), 'forbidden');
      // Joining one's own community again (a new name) keeps the day of joining.
      const again = await app.ok('u-hopper', addDays(completedOn, 32), 'me.join', { communityId: 'c-zhongying', name: '新名字' });
      expect(again.communityId).toBe('c-zhongying');
      expectRefused(await app.call('u-hopper', addDays(completedOn, 32), 'me.join', { communityId: 'c-tianxin', name: '新名字' }), 'too_early');
    }, 60_000);

    it('L6, M3: at most 10 rating changes by one resident to one project a day (rate_limited beyond)', async () => {
      const journey = await bringTo(app, 'completed');
      const day = journey.days.completedOn;
      for (let n = 0; n < 10; n += 1) await app.ok('u-res-2', day, 'rating.set', { proposalId: journey.id, stars: (n % 5) + 1 });
      expectRefused(await app.call('u-res-2', day, 'rating.set', { proposalId: journey.id, stars: 3 }), 'rate_limited');
      expect(dataOf(await app.call('u-res-2', addDays(day, 1), 'rating.set', { proposalId: journey.id, stars: 3 })).stars).toBe(3);
    }, 60_000);

    it('R-TRN-1, L4: a phone number typed into a proposal or a comment is masked for others, seen by its author and the staff in scope', async () => {
      const submitted = await app.ok('u-res-1', START, 'proposal.submit', proposalPayload({ description: `路灯坏了，请联系我 ${PHONE}`, location: '中英街 5 巷（电话 138 1234 5678）' }));
      const anonymous = dataOf(await app.call(null, START, 'proposal.get', { id: submitted.id }));
      expect(JSON.stringify(anonymous)).not.toMatch(/1\s?38\s?1234\s?5678/);
      expect(anonymous.description).toContain('138****5678');
      expect(dataOf(await app.call('u-res-2', START, 'proposal.get', { id: submitted.id })).description).not.toContain(PHONE);
      expect(dataOf(await app.call('u-res-1', START, 'proposal.get', { id: submitted.id })).description).toContain(PHONE);
      expect(dataOf(await app.call('u-com-zhongying', START, 'proposal.get', { id: submitted.id })).description).toContain(PHONE);
      expect(dataOf(await app.call('u-com-tianxin', START, 'proposal.get', { id: submitted.id })).description).not.toContain(PHONE);

      const journey = await bringTo(app, 'publicity');
      await app.ok('u-res-2', journey.days.publishedOn, 'comment.add', { proposalId: journey.id, text: '我可以帮忙，电话１３８－１２３４－５６７８', requestId: 'req-comment-phone-0001' });
      const seen = dataOf(await app.call(null, journey.days.publishedOn, 'comment.list', { proposalId: journey.id })).items;
      expect(seen[0].text).toContain('138****5678');
      const staff = dataOf(await app.call('u-com-zhongying', journey.days.publishedOn, 'comment.list', { proposalId: journey.id })).items;
      expect(staff[0].text).toContain('１３８－１２３４－５６７８');
    }, 60_000);

    it('R-PUB-2, L6: the publicity window closes at 24:00 Asia/Shanghai of its last day, and the view says it ended the day after', async () => {
      const journey = await bringTo(app, 'publicity');
      const last = journey.days.publicityEndsOn;
      const comment = (instant: string, requestId: string) => app.callAt('u-res-2', instant, 'comment.add', { proposalId: journey.id, text: '支持', requestId });
      expect(dataOf(await comment(`${last}T23:59:00+08:00`, 'req-window-0001')).status).toBe('published');
      expectRefused(await comment(`${addDays(last, 1)}T00:00:00+08:00`, 'req-window-0002'), 'window_closed');
      const onLast = dataOf(await app.call(null, last, 'proposal.get', { id: journey.id }));
      expect(onLast).toMatchObject({ daysLeft: { publicityEndsOn: 0 }, ended: [] });
      const after = dataOf(await app.call(null, addDays(last, 1), 'proposal.get', { id: journey.id }));
      expect(after.ended).toEqual(['publicityEndsOn']);
      expect(after.daysLeft).toEqual({});
    }, 60_000);

    it('the street approves at most the report\'s total (invalid_input on approvedBudgetFen); less is allowed', async () => {
      const journey = await bringTo(app, 'street_review');
      const total = journey.budgetLines.reduce((sum, line) => sum + line.amountFen, 0);
      expectRefused(await app.call(journey.cast.street, journey.day, 'review.decide', { id: journey.id, outcome: 'approved', approvedBudgetFen: total + 1 }), 'invalid_input', 'approvedBudgetFen');
      expect(dataOf(await app.call(journey.cast.street, journey.day, 'review.decide', { id: journey.id, outcome: 'approved', approvedBudgetFen: total - 100 })).approvedBudgetFen).toBe(total - 100);
    }, 60_000);

    it('R-IMP-3: a services project records its start before it can complete (invalid_state)', async () => {
      const journey = await bringTo(app, 'implementing', { category: 'services', budgetLines: servicesLines(10) });
      const day = addDays(journey.days.assignedOn, 7);
      const complete = { id: journey.id, completedOn: day, maintenanceUnit: '社区工作站', maintenanceFunding: '社区自筹' };
      expectRefused(await app.call(journey.implementer, day, 'implementation.complete', complete), 'invalid_state');
      await advance(app, journey, 'started');
      expect(dataOf(await app.call(journey.implementer, day, 'implementation.complete', complete)).state).toBe('completed');
    }, 60_000);

    it('R-COU-1: an agenda for a future meeting is not a meeting; late councils are on oversight.overdue', async () => {
      const journey = await bringTo(app, 'agenda_published');
      const { meetingOn } = journey.days;
      const status = async (day: string) => dataOf(await app.call(null, day, 'council.status', { communityId: 'c-zhongying' }));
      expect((await status(meetingOn)).lastMeetingOn).toBeNull();
      await advance(app, journey, 'council_passed');
      expect((await status(meetingOn)).lastMeetingOn).toBe(meetingOn);
      const late = addDays((await status(meetingOn)).nextDueOn.on, 1);
      const listed = dataOf(await app.call('u-street-shatoujiao', late, 'oversight.overdue', { scopeId: 's-shatoujiao' })).items;
      expect(listed).toContainEqual({ communityId: 'c-zhongying', reason: 'council_overdue', lastMeetingOn: meetingOn, nextDueOn: (await status(meetingOn)).nextDueOn.on });
    }, 60_000);

    it('R-SUP-3: library entries are used inside their scope only', async () => {
      const entry = { title: '长者饭堂', category: 'services', plan: '标准方案', budgetLines: [{ item: '餐费补贴', amountFen: 500_000 }] };
      const haishan = await app.ok('u-street-haishan', START, 'library.add', entry);
      expect(haishan.scope).toEqual({ level: 'street', id: 's-haishan' });
      const listed = async (scopeId: string) => dataOf(await app.call(null, START, 'library.list', { scopeId })).items.map((item: { id: string }) => item.id);
      expect(await listed('c-tianxin')).toEqual([haishan.id]);
      expect(await listed('c-zhongying')).toEqual([]);
      expectRefused(
        await app.call('u-res-1', START, 'proposal.submit', proposalPayload({ category: 'services', source: 'library', libraryEntryId: haishan.id })),
        'forbidden',
        'libraryEntryId',
      );
    }, 60_000);
  });
}
