import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import HomePage from '../../src/pages/home/index';
import MinePage from '../../src/pages/mine/index';
import { LARGE_TEXT_KEY } from '../../src/lib/large-text';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from '../../src/lib/privacy-notice';
import { buildLedger, buildMe, buildProposal, directory, pageOf } from './support/factories';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const newcomer = buildMe({ openid: 'u-new', name: null, communityId: null, roles: [] });

async function typeInto(placeholder: string, value: string) {
  const field = await waitFor(() => {
    const native = screen.getAllByPlaceholderText(placeholder).find((element) => element.matches('input, textarea'));
    if (!native) throw new Error(`no field with the placeholder ${placeholder}`);
    return native;
  });
  fireEvent.input(field, { target: { value } });
}

describe('the mine page', () => {
  beforeEach(freshStart);

  it('shows a loading skeleton until it knows who is there', async () => {
    const me = held();
    answering({ 'directory.get': ok(directory), 'me.get': me.reply, 'proposal.list': ok(pageOf([])) });
    render(<MinePage />);
    expect(screen.getAllByLabelText('加载中').length).toBeGreaterThan(0);
    me.release(ok(buildMe()));
    expect(await screen.findByText('张小明')).toBeInTheDocument();
  });

  it('shows the error with a retry that loads again', async () => {
    let calls = 0;
    answering({ 'directory.get': ok(directory), 'me.get': async () => (++calls === 1 ? networkDown : ok(buildMe())), 'proposal.list': ok(pageOf([])) });
    render(<MinePage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('张小明')).toBeInTheDocument();
  });

  it('tells a visitor who is not signed in to open the mini-program in WeChat', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': failure('unauthenticated', '请先登录') });
    render(<MinePage />);
    expect(await screen.findByText('您还没有登录。请在微信中打开“民生微实事”小程序。')).toBeInTheDocument();
  });

  it('on first use shows the privacy notice in full and joins only after it is agreed to', async () => {
    let joined = false;
    answering({
      'directory.get': ok(directory),
      'me.get': () => ok(joined ? buildMe({ openid: 'u-new', name: '王阿姨' }) : newcomer),
      'me.join': () => {
        joined = true;
        return ok(buildMe({ openid: 'u-new', name: '王阿姨' }));
      },
      'me.consent': ok({ version: PRIVACY_NOTICE_VERSION, at: '2026-03-02T02:00:00.000Z' }),
      'proposal.list': ok(pageOf([])),
    });
    render(<MinePage />);
    const notice = await screen.findByTestId('privacy-notice');
    for (const part of PRIVACY_NOTICE) {
      expect(within(notice).getByText(part.heading)).toBeInTheDocument();
      expect(within(notice).getByText(part.body)).toBeInTheDocument();
    }
    fireEvent.click(screen.getByText('中英街社区'));
    await typeInto('如：张小明、张阿姨', '王阿姨');
    fireEvent.click(screen.getByText('同意并加入'));
    expect(screen.getByText('请先阅读并同意个人信息保护告知')).toBeInTheDocument();
    expect(payloadsOf('me.join')).toEqual([]);

    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByText('同意并加入'));
    expect(await screen.findByTestId('profile')).toHaveTextContent('王阿姨');
    expect(payloadsOf('me.join')).toEqual([{ communityId: 'c-zhongying', name: '王阿姨' }]);
    // Issue 17: the agreement is recorded with the notice's version.
    expect(payloadsOf('me.consent')).toEqual([{ version: PRIVACY_NOTICE_VERSION }]);
  });

  it('asks for a community and a name before joining', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': ok(newcomer) });
    render(<MinePage />);
    fireEvent.click(await screen.findByText('同意并加入'));
    expect(within(screen.getByTestId('field-communityId')).getByText('请选择您所在的社区')).toBeInTheDocument();
    expect(within(screen.getByTestId('field-name')).getByText('请填写您的称呼')).toBeInTheDocument();
  });

  it('shows a server refusal of the name next to the name', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': ok(newcomer),
      'me.consent': ok({ version: PRIVACY_NOTICE_VERSION, at: '2026-03-02T02:00:00.000Z' }),
      'me.join': failure('invalid_input', '参数不正确：name', 'name'),
    });
    render(<MinePage />);
    fireEvent.click(await screen.findByText('田心社区'));
    await typeInto('如：张小明、张阿姨', '王');
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByText('同意并加入'));
    expect(await within(screen.getByTestId('field-name')).findByText('请填写称呼，不超过 20 字')).toBeInTheDocument();
  });

  it('lists my proposals with their states', async () => {
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe()),
      'proposal.list': ok(pageOf([buildProposal({ title: '3 栋门口路灯不亮', mine: true }), buildProposal({ title: '加装扶手', state: 'publicity', mine: true })])),
    });
    render(<MinePage />);
    const mine = await screen.findByTestId('my-proposals');
    expect(await within(mine).findByText('3 栋门口路灯不亮')).toBeInTheDocument();
    const badges = within(mine).getAllByTestId('state-badge').map((badge) => badge.textContent);
    expect(badges).toEqual(['已提交', '公示中']);
    expect(payloadsOf('proposal.list')).toEqual([{ mine: true }]);
    expect(screen.getByTestId('profile')).toHaveTextContent('中英街社区 · 沙头角街道');
  });

  it('invites a resident without proposals to make one', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': ok(buildMe()), 'proposal.list': ok(pageOf([])) });
    render(<MinePage />);
    expect(await screen.findByText('您还没有提过提议')).toBeInTheDocument();
    fireEvent.click(screen.getByText('我要提议'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/pages/proposal-new/index' }]);
  });

  it('shows no workbench to a resident', async () => {
    answering({ 'directory.get': ok(directory), 'me.get': ok(buildMe()), 'proposal.list': ok(pageOf([])) });
    render(<MinePage />);
    await screen.findByTestId('profile');
    expect(screen.queryByTestId('staff-entry')).not.toBeInTheDocument();
  });

  it.each([
    ['community', '进入社区工作台', '/staff/pages/inbox/index'],
    ['street', '进入审核与监督', '/review/pages/queue/index'],
    ['district', '进入审核与监督', '/review/pages/queue/index'],
    ['city', '进入审核与监督', '/review/pages/queue/index'],
  ] as const)('opens the workbench of a %s worker', async (role, label, url) => {
    answering({
      'directory.get': ok(directory),
      'me.get': ok(buildMe({ roles: [{ role: 'resident', scopeId: 'c-zhongying' }, { role, scopeId: 'x' }] })),
      'proposal.list': ok(pageOf([])),
    });
    render(<MinePage />);
    fireEvent.click(await screen.findByText(label));
    expect(navigations).toEqual([{ api: 'navigateTo', url }]);
  });

  it('switches on large text, remembers it, and every page opened afterwards uses it', async () => {
    const empty = pageOf([]);
    // The home page asks home.get (issue 17: its first screen in one request).
    const home = { me: buildMe(), directory, board: { communityId: 'c-zhongying', publicity: empty, submitted: empty, completed: empty, ledger: buildLedger() }, joined: true, year: 2026 };
    answering({ 'directory.get': ok(directory), 'me.get': ok(buildMe()), 'proposal.list': ok(empty), 'ledger.get': networkDown, 'home.get': ok(home) });
    const { unmount } = render(<MinePage />);
    await screen.findByTestId('profile');
    const toggle = screen.getByTestId('large-text');
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByTestId('page-shell')).not.toHaveClass('page-shell--large');

    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('page-shell')).toHaveClass('page-shell--large');
    expect(JSON.parse(localStorage.getItem(LARGE_TEXT_KEY) ?? 'null')).toEqual({ data: true });
    unmount();

    render(<HomePage />);
    expect(screen.getByTestId('page-shell')).toHaveClass('page-shell--large');
    expect(await screen.findByText('你好，张小明')).toBeInTheDocument();
    expect(await screen.findByText('目前没有等待评价的项目')).toBeInTheDocument();
  });
});
