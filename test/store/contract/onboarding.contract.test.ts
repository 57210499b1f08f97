import type { AuditDraft } from '../../../backend/app/ports/store.port';
import type { DirectoryUnit } from '../../../backend/domain/directory';
import type { InvitationRecord } from '../../../backend/domain/invitations';
import { cloudBaseMemoryTarget, cloudBaseWxShimTarget, sqliteTarget, type OpenedStore } from './targets';

// The Store contract of directory upkeep and staff onboarding (issue 16), on every adapter.

const AT = '2026-08-03T02:00:00.000Z';
const audit = (chainId: string, action = 'contract.onboarding'): AuditDraft => ({ chainId, at: AT, actor: 'u-contract', action, from: null, to: null, detail: {} });

function invitation(code: string, overrides: Partial<InvitationRecord> = {}): InvitationRecord {
  return { code, role: 'community', scopeId: 'c-tianxin', createdBy: 'u-street-haishan', createdAt: AT, expiresAt: '2026-08-10T02:00:00.000Z', acceptedBy: null, acceptedAt: null, cancelledAt: null, ...overrides };
}

describe.each([sqliteTarget, cloudBaseMemoryTarget, cloudBaseWxShimTarget])('the onboarding contract on $name', (target) => {
  let opened: OpenedStore;
  beforeEach(async () => {
    opened = await target.open();
  });
  afterEach(async () => opened.close());

  it('lists every unit with its parent; saves added, moved and retired units; a retired unit leaves the directory but is still found', async () => {
    const { store } = opened;
    const units = await store.listUnits();
    expect(units.map((unit) => `${unit.kind}:${unit.id}<${unit.parentId}:${unit.active}`)).toEqual([
      'district:d-yantian<city:true',
      'street:s-shatoujiao<d-yantian:true',
      'street:s-haishan<d-yantian:true',
      'community:c-zhongying<s-shatoujiao:true',
      'community:c-qiaoyuan<s-shatoujiao:true',
      'community:c-tianxin<s-haishan:true',
    ]);
    const district: DirectoryUnit = { id: 'd-440304', kind: 'district', code: '440304', name: '福田区', parentId: 'city', active: true, sort: 1 };
    const haishan = units.find((unit) => unit.id === 's-haishan') as DirectoryUnit;
    // A new district and a street moved into it in one write: the street's community follows it.
    await store.saveUnits({ units: [{ ...haishan, parentId: 'd-440304' }, district], audit: audit('directory:city') });
    expect(await store.findScope('c-tianxin')).toEqual({ kind: 'community', communityId: 'c-tianxin', streetId: 's-haishan', districtId: 'd-440304' });
    expect(await store.findCommunity('c-tianxin')).toEqual({ communityId: 'c-tianxin', streetId: 's-haishan', districtId: 'd-440304' });
    const tianxin = units.find((unit) => unit.id === 'c-tianxin') as DirectoryUnit;
    await store.saveUnits({ units: [{ ...tianxin, active: false, name: '田心' }], audit: audit('directory:city') });
    const directory = await store.getDirectory();
    expect(directory.districts.map((entry) => entry.id)).toEqual(['d-yantian', 'd-440304']);
    expect(directory.districts[1].streets[0].communities).toEqual([]);
    expect(await store.findCommunity('c-tianxin')).not.toBeNull();
    expect((await store.listUnits()).find((unit) => unit.id === 'c-tianxin')).toEqual({ ...tianxin, active: false, name: '田心' });
    expect((await store.auditTrail('directory:city')).map((entry) => entry.seq)).toEqual([1, 2]);
  });

  it('finds a unit with the units above it, retired ones included; nothing for an unknown id', async () => {
    const { store } = opened;
    const line = async (id: string) => (await store.findUnitLine(id)).map((unit) => `${unit.kind}:${unit.id}<${unit.parentId}:${unit.active}`);
    expect(await line('c-tianxin')).toEqual(['community:c-tianxin<s-haishan:true', 'street:s-haishan<d-yantian:true', 'district:d-yantian<city:true']);
    expect(await line('s-shatoujiao')).toEqual(['street:s-shatoujiao<d-yantian:true', 'district:d-yantian<city:true']);
    expect(await line('d-yantian')).toEqual(['district:d-yantian<city:true']);
    expect(await line('c-nowhere')).toEqual([]);
    expect(await line('city')).toEqual([]);
    const haishan = (await store.listUnits()).find((unit) => unit.id === 's-haishan') as DirectoryUnit;
    await store.saveUnits({ units: [{ ...haishan, active: false }], audit: audit('directory:city') });
    expect(await store.findUnitLine('c-tianxin')).toEqual([
      expect.objectContaining({ id: 'c-tianxin', kind: 'community', code: null, name: '田心社区', active: true }),
      { ...haishan, active: false },
      expect.objectContaining({ id: 'd-yantian', kind: 'district', active: true }),
    ]);
  });

  it('stores an invitation once per code, lists the open ones by scope, settles each once', async () => {
    const { store } = opened;
    expect(await store.createInvitation({ invitation: invitation('AAAA2222'), audit: audit('invitation:AAAA2222') })).toEqual({ ok: true, value: invitation('AAAA2222') });
    expect(await store.createInvitation({ invitation: invitation('AAAA2222', { scopeId: 'c-zhongying' }), audit: audit('invitation:AAAA2222') })).toEqual({ ok: false, code: 'conflict' });
    await store.createInvitation({ invitation: invitation('BBBB3333', { scopeId: 's-shatoujiao', role: 'street', createdAt: '2026-08-03T03:00:00.000Z' }), audit: audit('invitation:BBBB3333') });
    expect((await store.listInvitations({ kind: 'all' })).map((item) => item.code)).toEqual(['BBBB3333', 'AAAA2222']);
    expect((await store.listInvitations({ kind: 'district', id: 'd-yantian' })).map((item) => item.code)).toEqual(['BBBB3333', 'AAAA2222']);
    expect((await store.listInvitations({ kind: 'street', id: 's-haishan' })).map((item) => item.code)).toEqual(['AAAA2222']);
    expect((await store.listInvitations({ kind: 'community', id: 'c-zhongying' })).map((item) => item.code)).toEqual([]);

    const accepted = await store.settleInvitation({ code: 'AAAA2222', outcome: 'accept', openid: 'u-newcomer', at: AT, audit: [audit('invitation:AAAA2222'), audit('user:u-newcomer')] });
    expect(accepted).toEqual({ ok: true, value: invitation('AAAA2222', { acceptedBy: 'u-newcomer', acceptedAt: AT }) });
    expect((await store.findUser('u-newcomer'))?.grants).toEqual([{ role: 'community', scopeId: 'c-tianxin' }]);
    expect((await store.listGrants({ kind: 'community', id: 'c-tianxin' }, ['community'])).find((grant) => grant.openid === 'u-newcomer')).toMatchObject({ grantedBy: 'u-street-haishan', grantedAt: AT });
    expect(await store.settleInvitation({ code: 'AAAA2222', outcome: 'cancel', openid: 'u-x', at: AT, audit: [audit('invitation:AAAA2222')] })).toEqual({ ok: false, code: 'invalid_state' });
    expect(await store.settleInvitation({ code: 'NOPE4444', outcome: 'accept', openid: 'u-x', at: AT, audit: [] })).toEqual({ ok: false, code: 'invalid_state' });
    // Expired at its instant: settled by nobody.
    expect(await store.settleInvitation({ code: 'BBBB3333', outcome: 'accept', openid: 'u-x', at: '2026-08-10T02:00:00.000Z', audit: [] })).toEqual({ ok: false, code: 'invalid_state' });
    const cancelled = await store.settleInvitation({ code: 'BBBB3333', outcome: 'cancel', openid: 'u-street-shatoujiao', at: AT, audit: [audit('invitation:BBBB3333')] });
    expect(cancelled.ok && cancelled.value.cancelledAt).toBe(AT);
    expect(await store.listInvitations({ kind: 'all' })).toEqual([]);
    expect(await store.findInvitation('BBBB3333')).toMatchObject({ cancelledAt: AT, acceptedAt: null });
    expect((await store.auditTrail('invitation:AAAA2222')).length).toBe(2);
  });

  it('names a newcomer who accepts by the name given; a person with a name keeps it', async () => {
    const { store } = opened;
    await store.createInvitation({ invitation: invitation('CCCC4444'), audit: audit('invitation:CCCC4444') });
    await store.createInvitation({ invitation: invitation('DDDD5555', { scopeId: 'c-zhongying' }), audit: audit('invitation:DDDD5555') });
    await store.settleInvitation({ code: 'CCCC4444', outcome: 'accept', openid: 'u-newcomer', name: '李新', at: AT, audit: [] });
    expect(await store.findUser('u-newcomer')).toMatchObject({ name: '李新', communityId: null, grants: [{ role: 'community', scopeId: 'c-tianxin' }] });
    const resident = await store.findUser('u-res-1');
    await store.settleInvitation({ code: 'DDDD5555', outcome: 'accept', openid: 'u-res-1', name: '别的名字', at: AT, audit: [] });
    expect(await store.findUser('u-res-1')).toMatchObject({ name: resident?.name, communityId: 'c-zhongying' });
    expect(resident?.name).toBe('张小明');
  });

  it('revokes a held grant with its audit entry; a grant not held changes nothing', async () => {
    const { store } = opened;
    expect(await store.revokeRole({ openid: 'u-com-tianxin', role: 'community', scopeId: 'c-tianxin', audit: audit('user:u-com-tianxin') })).toBe(true);
    expect((await store.findUser('u-com-tianxin'))?.grants).toEqual([]);
    expect(await store.staffOf('community', 'c-tianxin')).toEqual([]);
    expect(await store.revokeRole({ openid: 'u-com-tianxin', role: 'community', scopeId: 'c-tianxin', audit: audit('user:u-com-tianxin') })).toBe(false);
    expect(await store.revokeRole({ openid: 'u-nobody', role: 'community', scopeId: 'c-tianxin', audit: audit('user:u-nobody') })).toBe(false);
    expect((await store.auditTrail('user:u-com-tianxin')).length).toBe(1);
    expect(await store.auditTrail('user:u-nobody')).toEqual([]);
  });

  it('counts attempts in a window up to the limit', async () => {
    const { store } = opened;
    const limit = { openid: 'u-guess', action: 'invitation.accept', windowStart: '2026-08-03T02:00', max: 2 };
    expect([await store.countAttempt(limit), await store.countAttempt(limit), await store.countAttempt(limit)]).toEqual([true, true, false]);
    expect(await store.countAttempt({ ...limit, windowStart: '2026-08-03T03:00' })).toBe(true);
  });
});
