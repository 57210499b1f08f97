import { ACCEPT_ATTEMPTS_PER_HOUR } from '../../backend/app/actions/accept-invitation';
import { addDays } from '../../backend/domain/calendar';
import { bringTo, createApp, dataOf, expectRefused, fingerprint, START } from '../support/app-harness';

describe('invitation.create', () => {
  it('a street invites a worker for one of its communities: an 8-character code, valid 7 days by default, audited', async () => {
    const app = createApp();
    const created = dataOf(await app.call('u-street-shatoujiao', START, 'invitation.create', { role: 'community', scopeId: 'c-qiaoyuan' }));
    expect(created).toEqual({ code: expect.stringMatching(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/), role: 'community', scopeId: 'c-qiaoyuan', expiresAt: '2026-03-09T02:00:00.000Z' });
    expect(await app.store.auditTrail(`invitation:${created.code}`)).toEqual([
      expect.objectContaining({ actor: 'u-street-shatoujiao', action: 'invitation.create', detail: { role: 'community', scopeId: 'c-qiaoyuan', expiresAt: created.expiresAt } }),
    ]);
  });

  it('issue 18: the district invites a supervisor at its own level; the supervisor reads the district\'s complaints and changes nothing', async () => {
    const app = createApp();
    const created = dataOf(await app.call('u-district-yantian', START, 'invitation.create', { role: 'supervisor', scopeId: 'd-yantian' }));
    expect(created).toMatchObject({ role: 'supervisor', scopeId: 'd-yantian' });
    expect(dataOf(await app.call('u-new-supervisor', START, 'invitation.accept', { code: created.code }))).toMatchObject({ role: 'supervisor', scopeId: 'd-yantian' });
    expect(dataOf(await app.call('u-new-supervisor', START, 'complaint.list', { scopeId: 'd-yantian' }))).toMatchObject({ items: [] });
    expectRefused(await app.call('u-new-supervisor', START, 'invitation.create', { role: 'supervisor', scopeId: 'd-yantian' }), 'forbidden');
    // A street may not appoint one; the district revokes its own.
    expectRefused(await app.call('u-street-shatoujiao', START, 'invitation.create', { role: 'supervisor', scopeId: 'd-yantian' }), 'forbidden');
    await app.ok('u-district-yantian', START, 'role.revoke', { openid: 'u-new-supervisor', role: 'supervisor', scopeId: 'd-yantian' });
    expectRefused(await app.call('u-new-supervisor', START, 'complaint.list', { scopeId: 'd-yantian' }), 'forbidden');
  });

  it('lasts 1 to 30 days', async () => {
    const app = createApp();
    expect(dataOf(await app.call('u-city', START, 'invitation.create', { role: 'district', scopeId: 'd-yantian', expiresInDays: 30 })).expiresAt).toBe('2026-04-01T02:00:00.000Z');
    expectRefused(await app.call('u-city', START, 'invitation.create', { role: 'district', scopeId: 'd-yantian', expiresInDays: 31 }), 'invalid_input', 'expiresInDays');
    expectRefused(await app.call('u-city', START, 'invitation.create', { role: 'district', scopeId: 'd-yantian', expiresInDays: 0 }), 'invalid_input', 'expiresInDays');
  });

  it.each([
    ['a street, for another street\'s community', 'u-street-haishan', 'community', 'c-qiaoyuan', 'forbidden'],
    ['a street, a street colleague', 'u-street-shatoujiao', 'street', 's-shatoujiao', 'forbidden'],
    ['a community worker', 'u-com-zhongying', 'community', 'c-zhongying', 'forbidden'],
    ['a resident', 'u-res-1', 'community', 'c-zhongying', 'forbidden'],
  ])('refuses %s, and writes nothing', async (_title, caller, role, scopeId, code) => {
    const app = createApp();
    const before = fingerprint(app);
    expectRefused(await app.call(caller, START, 'invitation.create', { role, scopeId }), code as 'forbidden');
    expect(fingerprint(app)).toEqual(before);
  });

  it('refuses a role for a unit of the wrong level, a resident role, an unknown unit, and a signed-out caller', async () => {
    const app = createApp();
    expectRefused(await app.call('u-city', START, 'invitation.create', { role: 'community', scopeId: 's-shatoujiao' }), 'invalid_input', 'scopeId');
    expectRefused(await app.call('u-city', START, 'invitation.create', { role: 'resident', scopeId: 'c-zhongying' }), 'invalid_input', 'role');
    expectRefused(await app.call('u-city', START, 'invitation.create', { role: 'community', scopeId: 'c-nowhere' }), 'not_found', 'scopeId');
    expectRefused(await app.call(null, START, 'invitation.create', { role: 'community', scopeId: 'c-zhongying' }), 'unauthenticated');
  });
});

describe('invitation.accept', () => {
  it('gives the role once; the new worker screens proposals at once; a used code is invalid_state', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    const { code } = dataOf(await app.call('u-street-shatoujiao', journey.day, 'invitation.create', { role: 'community', scopeId: 'c-zhongying' }));
    expect(dataOf(await app.call('u-new-worker', journey.day, 'invitation.accept', { code: ` ${code.slice(0, 4)}-${code.slice(4).toLowerCase()} ` }))).toEqual({ role: 'community', scopeId: 'c-zhongying' });
    expect(dataOf(await app.call('u-new-worker', journey.day, 'proposal.screen', { id: journey.id, adopt: true })).state).toBe('adopted');
    expect(dataOf(await app.call('u-new-worker', journey.day, 'me.get', {}))).toMatchObject({ communityId: null, roles: [{ role: 'community', scopeId: 'c-zhongying' }] });
    expectRefused(await app.call('u-other', journey.day, 'invitation.accept', { code }), 'invalid_state', 'code');
    expect((await app.store.auditTrail('user:u-new-worker')).map((entry) => entry.detail)).toEqual([{ role: 'community', scopeId: 'c-zhongying', invitation: code }]);
  });

  it('the newcomer gives a name with the code: the staff list of the street names them; a bad name changes nothing', async () => {
    const app = createApp();
    const { code } = dataOf(await app.call('u-street-shatoujiao', START, 'invitation.create', { role: 'community', scopeId: 'c-qiaoyuan' }));
    expectRefused(await app.call('u-new-worker', START, 'invitation.accept', { code, name: '' }), 'invalid_input', 'name');
    expect(dataOf(await app.call('u-new-worker', START, 'me.get', {})).roles).toEqual([]);
    await app.ok('u-new-worker', START, 'invitation.accept', { code, name: ' 李新 ' });
    const staff = dataOf(await app.call('u-street-shatoujiao', START, 'role.list', { scopeId: 'c-qiaoyuan' })).items;
    expect(staff.find((item: { openid: string }) => item.openid === 'u-new-worker')).toMatchObject({ name: '李新', role: 'community', grantedBy: 'u-street-shatoujiao' });
  });

  it('an expired or cancelled code is invalid_state, any other string not_found', async () => {
    const app = createApp();
    const expiring = dataOf(await app.call('u-street-shatoujiao', START, 'invitation.create', { role: 'community', scopeId: 'c-zhongying', expiresInDays: 1 }));
    expectRefused(await app.call('u-late', addDays(START, 1), 'invitation.accept', { code: expiring.code }), 'invalid_state', 'code');
    const cancelled = dataOf(await app.call('u-street-shatoujiao', START, 'invitation.create', { role: 'community', scopeId: 'c-zhongying' }));
    dataOf(await app.call('u-street-shatoujiao', START, 'invitation.cancel', { code: cancelled.code }));
    expectRefused(await app.call('u-late', START, 'invitation.accept', { code: cancelled.code }), 'invalid_state', 'code');
    expectRefused(await app.call('u-late', START, 'invitation.accept', { code: 'not a code at all' }), 'not_found', 'code');
    expectRefused(await app.call(null, START, 'invitation.accept', { code: cancelled.code }), 'unauthenticated');
  });

  it(`guessing is rate limited: ${ACCEPT_ATTEMPTS_PER_HOUR} tries an hour, then rate_limited even for a good code`, async () => {
    const app = createApp();
    const { code } = dataOf(await app.call('u-street-shatoujiao', START, 'invitation.create', { role: 'community', scopeId: 'c-zhongying' }));
    for (let attempt = 0; attempt < ACCEPT_ATTEMPTS_PER_HOUR; attempt += 1) {
      expectRefused(await app.call('u-guesser', START, 'invitation.accept', { code: `GUESS${attempt}` }), 'not_found');
    }
    expectRefused(await app.call('u-guesser', START, 'invitation.accept', { code }), 'rate_limited');
    // The next hour, the good code works.
    expect(dataOf(await app.callAt('u-guesser', `${START}T11:00:00+08:00`, 'invitation.accept', { code })).role).toBe('community');
  });
});

describe('invitation.list and invitation.cancel', () => {
  it('the street lists the open invitations of its street and communities, newest first; the district sees them too', async () => {
    const app = createApp();
    const first = dataOf(await app.callAt('u-street-shatoujiao', `${START}T09:00:00+08:00`, 'invitation.create', { role: 'community', scopeId: 'c-zhongying' }));
    const second = dataOf(await app.callAt('u-street-shatoujiao', `${START}T09:30:00+08:00`, 'invitation.create', { role: 'community', scopeId: 'c-qiaoyuan' }));
    dataOf(await app.call('u-street-haishan', START, 'invitation.create', { role: 'community', scopeId: 'c-tianxin' }));
    const listed = dataOf(await app.call('u-street-shatoujiao', START, 'invitation.list', { scopeId: 's-shatoujiao' }));
    expect(listed.items.map((item: { code: string }) => item.code)).toEqual([second.code, first.code]);
    expect(listed.items[0]).toEqual({ code: second.code, role: 'community', scopeId: 'c-qiaoyuan', expiresAt: second.expiresAt, createdAt: expect.any(String), createdBy: 'u-street-shatoujiao' });
    expect(dataOf(await app.call('u-district-yantian', START, 'invitation.list', { scopeId: 'd-yantian' })).items).toHaveLength(3);
    expect(dataOf(await app.call('u-street-shatoujiao', addDays(START, 8), 'invitation.list', { scopeId: 's-shatoujiao' })).items).toEqual([]);
    expectRefused(await app.call('u-street-haishan', START, 'invitation.list', { scopeId: 's-shatoujiao' }), 'forbidden');
  });

  it('whoever may issue an invitation cancels it, once; others may not', async () => {
    const app = createApp();
    const { code } = dataOf(await app.call('u-street-shatoujiao', START, 'invitation.create', { role: 'community', scopeId: 'c-zhongying' }));
    expectRefused(await app.call('u-street-haishan', START, 'invitation.cancel', { code }), 'forbidden');
    expect(dataOf(await app.call('u-district-yantian', START, 'invitation.cancel', { code })).code).toBe(code);
    expectRefused(await app.call('u-street-shatoujiao', START, 'invitation.cancel', { code }), 'invalid_state', 'code');
    expectRefused(await app.call('u-street-shatoujiao', START, 'invitation.cancel', { code: 'ZZZZZZZZ' }), 'not_found', 'code');
  });
});

describe('role.revoke', () => {
  it('the street revokes a worker: from the next request the role allows nothing; the records stay', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'submitted');
    dataOf(await app.call('u-street-shatoujiao', START, 'role.revoke', { openid: 'u-com-zhongying', role: 'community', scopeId: 'c-zhongying' }));
    expectRefused(await app.call('u-com-zhongying', journey.day, 'proposal.screen', { id: journey.id, adopt: true }), 'forbidden');
    expect((await app.store.auditTrail('user:u-com-zhongying')).map((entry) => [entry.actor, entry.detail])).toEqual([
      ['u-street-shatoujiao', { revoked: 'community', scopeId: 'c-zhongying' }],
    ]);
    expect(dataOf(await app.call(null, START, 'proposal.get', { id: journey.id })).state).toBe('submitted');
  });

  it('refuses outside the appointer\'s reach, one\'s own role, and a grant the person does not hold', async () => {
    const app = createApp();
    expectRefused(await app.call('u-street-haishan', START, 'role.revoke', { openid: 'u-com-zhongying', role: 'community', scopeId: 'c-zhongying' }), 'forbidden');
    expectRefused(await app.call('u-street-shatoujiao', START, 'role.revoke', { openid: 'u-street-shatoujiao', role: 'street', scopeId: 's-shatoujiao' }), 'forbidden');
    expectRefused(await app.call('u-city', START, 'role.revoke', { openid: 'u-city', role: 'city', scopeId: 'city' }), 'invalid_state', 'openid');
    expectRefused(await app.call('u-district-yantian', START, 'role.revoke', { openid: 'u-res-1', role: 'community', scopeId: 'c-zhongying' }), 'not_found', 'openid');
    expectRefused(await app.call('u-district-yantian', START, 'role.revoke', { openid: 'u-res-1', role: 'community', scopeId: 'c-nowhere' }), 'not_found', 'scopeId');
  });
});
