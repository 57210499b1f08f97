import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MinePage from '../../src/pages/mine/index';
import AcceptPage from '../../src/onboarding/pages/accept/index';
import StaffPage from '../../src/onboarding/pages/staff/index';
import DirectoryPage from '../../src/onboarding/pages/directory/index';
import { buildMe, directory, pageOf } from './support/factories';
import { answering, freshStart, ok, openedWith, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

/** The native input inside a field, once the Input component has rendered it. */
function nativeInput(field: HTMLElement): Promise<HTMLInputElement> {
  return waitFor(() => {
    const element = field.querySelector('input');
    if (!element) throw new Error('no native input yet');
    return element;
  });
}

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const streetReviewer = buildMe({ openid: 'u-street', name: '周审核', communityId: null, roles: [{ role: 'street', scopeId: 's-shatoujiao' }] });

describe('我的 for staff (issue 16)', () => {
  beforeEach(freshStart);

  it('a staff member who is not a resident sees the workbench, never the resident join form', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': ok(streetReviewer), 'proposal.list': ok(pageOf([])) });
    render(<MinePage />);
    expect(await screen.findByTestId('staff-entry')).toBeInTheDocument();
    expect(screen.getByTestId('staff-profile')).toBeInTheDocument();
    expect(screen.queryByTestId('join-form')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('人员管理（邀请、撤销）'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/onboarding/pages/staff/index' }]);
  });

  it('switches between several roles: each shows its own way in', async () => {
    const both = buildMe({ communityId: null, name: '陈', roles: [{ role: 'community', scopeId: 'c-zhongying' }, { role: 'district', scopeId: 'd-yantian' }] });
    answering({ 'directory.get': ok(directory), 'me.get': ok(both), 'proposal.list': ok(pageOf([])) });
    render(<MinePage />);
    expect(await screen.findByText('进入社区工作台')).toBeInTheDocument();
    expect(screen.queryByText('区划管理')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: /区民政|区/ , checked: false }));
    expect(await screen.findByText('区划管理')).toBeInTheDocument();
    expect(screen.queryByText('进入社区工作台')).not.toBeInTheDocument();
  });

  it('someone new sees the join form and a way to redeem an invitation instead', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': ok(buildMe({ communityId: null, name: null, roles: [] })), 'proposal.list': ok(pageOf([])) });
    render(<MinePage />);
    expect(await screen.findByTestId('join-form')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('have-invitation'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/onboarding/pages/accept/index' }]);
  });
});

describe('接受邀请', () => {
  beforeEach(freshStart);

  it('takes the code from the scanned scene and accepts it', async () => {
    openedWith('/onboarding/pages/accept/index', { scene: 'ABCD2345' });
    answering({ 'invitation.accept': ok({ role: 'community', scopeId: 'c-zhongying' }) });
    render(<AcceptPage />);
    // A name first: the staff list names the new worker by it.
    fireEvent.click(screen.getByTestId('accept'));
    expect(await screen.findByText('请填写您的姓名')).toBeInTheDocument();
    expect(payloadsOf('invitation.accept')).toEqual([]);
    fireEvent.input(await nativeInput(screen.getByTestId('field-name')), { target: { value: ' 李新 ' } });
    fireEvent.click(screen.getByTestId('accept'));
    expect(await screen.findByText(/已成为/)).toBeInTheDocument();
    expect(payloadsOf('invitation.accept')).toEqual([{ code: 'ABCD2345', name: '李新' }]);
  });
});

describe('人员管理', () => {
  beforeEach(freshStart);

  it('a street invites a worker for one of its communities, sees the code and revokes a worker after confirming', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': ok(streetReviewer),
      'role.list': ok({ items: [{ openid: 'u-com-zhongying', name: '陈社工', role: 'community', scopeId: 'c-zhongying', grantedAt: '2026-03-02T00:00:00.000Z', grantedBy: null, allowedActions: ['role.revoke'] }, { openid: 'u-street', name: '周审核', role: 'street', scopeId: 's-shatoujiao', grantedAt: '2026-03-02T00:00:00.000Z', grantedBy: null, allowedActions: [] }] }),
      'invitation.list': ok({ items: [] }),
      'invitation.create': ok({ code: 'ABCD2345', role: 'community', scopeId: 'c-zhongying', expiresAt: '2026-03-09T02:00:00.000Z' }),
      'role.revoke': ok({ openid: 'u-com-zhongying', role: 'community', scopeId: 'c-zhongying' }),
    });
    render(<StaffPage />);
    fireEvent.click(await screen.findByTestId('create-invitation'));
    expect(await screen.findByText('ABCD 2345')).toBeInTheDocument();
    expect(screen.getByLabelText('邀请二维码')).toBeInTheDocument();
    expect(payloadsOf('invitation.create')).toEqual([{ role: 'community', scopeId: 'c-zhongying' }]);
    // 撤销 where the server allows it: the worker's row, not the reviewer's own.
    expect(await screen.findByText('周审核')).toBeInTheDocument();
    expect(screen.getAllByTestId('revoke')).toHaveLength(1);
    fireEvent.click(await screen.findByTestId('revoke'));
    fireEvent.click(await screen.findByTestId('revoke-confirm'));
    await waitFor(() => expect(payloadsOf('role.revoke')).toEqual([{ openid: 'u-com-zhongying', role: 'community', scopeId: 'c-zhongying' }]));
  });
});

describe('区划管理', () => {
  beforeEach(freshStart);

  it('a district finds a community by name and renames it', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe({ communityId: null, roles: [{ role: 'district', scopeId: 'd-yantian' }] })),
      'directory.units': ok({
        items: [
          { id: 'd-yantian', kind: 'district', code: null, name: '盐田区', parentId: 'city', active: true },
          { id: 's-shatoujiao', kind: 'street', code: null, name: '沙头角街道', parentId: 'd-yantian', active: true },
          { id: 'c-zhongying', kind: 'community', code: null, name: '中英街社区', parentId: 's-shatoujiao', active: true },
        ],
      }),
      'directory.upsert': ok({ id: 'c-zhongying', kind: 'community', code: null, name: '中英街', parentId: 's-shatoujiao', active: true }),
    });
    render(<DirectoryPage />);
    const search = await waitFor(() => {
      const native = screen.getAllByPlaceholderText('输入名称或代码，如：中英街').find((element) => element.matches('input'));
      if (!native) throw new Error('no search field');
      return native;
    });
    fireEvent.input(search, { target: { value: '中英' } });
    fireEvent.click(await screen.findByText('中英街社区'));
    const name = await nativeInput(await screen.findByTestId('unit-edit'));
    fireEvent.input(name, { target: { value: '中英街' } });
    fireEvent.click(screen.getByTestId('save-unit'));
    await waitFor(() => expect(payloadsOf('directory.upsert')).toEqual([{ id: 'c-zhongying', kind: 'community', name: '中英街', parentId: 's-shatoujiao', active: true }]));
  });
});
