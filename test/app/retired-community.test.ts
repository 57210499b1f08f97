import { createDispatch, type Dispatched } from '../../backend/app/dispatch';
import { defaultCalendar } from '../../backend/domain/calendar';
import { LocalContentCheck } from '../../backend/wechat/local/local.content-check';
import { StoredPhotos } from '../../backend/wechat/local/stored-photos';
import { expectRefused, noonOf, proposalPayload } from '../support/app-harness';
import { cloudBaseMemoryTarget, sqliteTarget, type OpenedStore } from '../store/contract/targets';

// A retired (撤销 or merged) community keeps every record but takes no new residents and no new
// proposals; nor does a community under a retired street. The rule runs through the dispatcher
// over both stores, so that each adapter's view of a retired unit is the one the rule reads.

const DAY = '2026-03-02';
const DISTRICT = 'u-district-yantian';
const TIANXIN = { id: 'c-tianxin', kind: 'community', name: '田心社区', parentId: 's-haishan' } as const;
const HAISHAN = { id: 's-haishan', kind: 'street', name: '海山街道', parentId: 'd-yantian' } as const;

describe.each([sqliteTarget, cloudBaseMemoryTarget])('R-DIR-1: a retired community on $name', (target) => {
  let opened: OpenedStore;
  let call: (openid: string | null, action: string, payload: unknown) => Promise<Dispatched>;
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
    call = (openid, action, payload) => dispatch(action, payload, { openid }, noonOf(DAY));
  });
  afterEach(async () => opened.close());

  const answerOf = async (openid: string | null, action: string, payload: unknown) => {
    const { answer } = await call(openid, action, payload);
    if (!answer.ok) throw new Error(`${action} refused: ${answer.error.code} ${answer.error.message}`);
    return answer.data as any;
  };

  it('refuses me.join with invalid_state and changes nothing; joining again works once it is restored', async () => {
    await answerOf(DISTRICT, 'directory.upsert', { ...TIANXIN, active: false });
    const refused = await call('u-newcomer', 'me.join', { communityId: 'c-tianxin', name: '新居民' });
    expectRefused(refused, 'invalid_state', 'communityId');
    expect(refused.answer).toMatchObject({ error: { message: '田心社区已撤销，不再接受新的居民和提议' } });
    expect(await answerOf('u-newcomer', 'me.get', {})).toMatchObject({ communityId: null, roles: [] });

    await answerOf(DISTRICT, 'directory.upsert', { ...TIANXIN, active: true });
    expect(await answerOf('u-newcomer', 'me.join', { communityId: 'c-tianxin', name: '新居民' })).toMatchObject({ communityId: 'c-tianxin' });
  });

  it('refuses proposal.submit by its resident and by its worker with invalid_state; its ledger stays readable', async () => {
    await answerOf(DISTRICT, 'directory.upsert', { ...TIANXIN, active: false });
    expectRefused(await call('u-res-3', 'proposal.submit', proposalPayload({ communityId: 'c-tianxin' })), 'invalid_state', 'communityId');
    expectRefused(await call('u-com-tianxin', 'proposal.submit', proposalPayload({ communityId: 'c-tianxin', source: 'party_member' })), 'invalid_state', 'communityId');
    expect((await answerOf(null, 'proposal.list', { communityId: 'c-tianxin' })).items).toEqual([]);
    expect(await answerOf(null, 'ledger.get', { communityId: 'c-tianxin', year: 2026 })).toMatchObject({ allocatedFen: 100_000_000 });
    // Who may not submit there at all is still told so first.
    expectRefused(await call('u-res-1', 'proposal.submit', proposalPayload({ communityId: 'c-tianxin' })), 'forbidden');
    // The other communities are untouched.
    expect(await answerOf('u-res-1', 'proposal.submit', proposalPayload())).toMatchObject({ communityId: 'c-zhongying', state: 'submitted' });
  });

  it('treats a community under a retired street as retired, naming the street', async () => {
    await answerOf(DISTRICT, 'directory.upsert', { ...HAISHAN, active: false });
    const joined = await call('u-newcomer', 'me.join', { communityId: 'c-tianxin', name: '新居民' });
    expectRefused(joined, 'invalid_state', 'communityId');
    expect(joined.answer).toMatchObject({ error: { message: '所属街道“海山街道”已撤销，不再接受新的居民和提议' } });
    expectRefused(await call('u-res-3', 'proposal.submit', proposalPayload({ communityId: 'c-tianxin' })), 'invalid_state', 'communityId');
  });

  it('refuses an invitation for a retired community or street, and the redemption of one made before it was retired', async () => {
    await answerOf(DISTRICT, 'directory.upsert', { ...HAISHAN, active: false });
    const forStreet = await call(DISTRICT, 'invitation.create', { role: 'street', scopeId: 's-haishan' });
    expectRefused(forStreet, 'invalid_state', 'scopeId');
    expect(forStreet.answer).toMatchObject({ error: { message: '海山街道已撤销，不再接受新的工作人员' } });
    const forCommunity = await call(DISTRICT, 'invitation.create', { role: 'community', scopeId: 'c-tianxin' });
    expectRefused(forCommunity, 'invalid_state', 'scopeId');
    expect(forCommunity.answer).toMatchObject({ error: { message: '所属街道“海山街道”已撤销，不再接受新的工作人员' } });
    expect((await answerOf(DISTRICT, 'invitation.list', { scopeId: 'd-yantian' })).items).toEqual([]);

    await answerOf(DISTRICT, 'directory.upsert', { ...HAISHAN, active: true });
    const { code } = await answerOf(DISTRICT, 'invitation.create', { role: 'community', scopeId: 'c-tianxin' });
    expect((await answerOf(DISTRICT, 'invitation.list', { scopeId: 'd-yantian' })).items).toMatchObject([{ code }]);
    await answerOf(DISTRICT, 'directory.upsert', { ...TIANXIN, active: false });
    expectRefused(await call('u-new-worker', 'invitation.accept', { code }), 'invalid_state', 'code');
    expect(await answerOf('u-new-worker', 'me.get', {})).toMatchObject({ roles: [] });
    // The code stays open: restored, the community takes its worker.
    await answerOf(DISTRICT, 'directory.upsert', { ...TIANXIN, active: true });
    expect(await answerOf('u-new-worker', 'invitation.accept', { code })).toMatchObject({ role: 'community', scopeId: 'c-tianxin' });
  });
});
