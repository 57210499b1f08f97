import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import InboxPage from '../../src/pages/inbox/index';
import { TAB_PAGES } from '../../src/lib/inbox-badge';
import type { NotificationView } from '../../types/api';
import { answering, failure, freshStart, held, networkDown, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

function item(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'n000000000001',
    at: '2026-09-18T02:00:00.000Z',
    kind: 'proposal_state_changed',
    proposalId: 'p-1',
    title: '项目进展',
    text: '您的提议「更换路灯」：已采纳',
    read: false,
    ...overrides,
  };
}

const inbox = (items: NotificationView[], unread = items.filter((entry) => !entry.read).length) => ok({ items, nextCursor: null, unread });

describe('the inbox (消息)', () => {
  let badges: { index: number; text?: string }[];

  beforeEach(() => {
    freshStart();
    badges = [];
    jest.spyOn(Taro, 'setTabBarBadge').mockImplementation(async (options: { index: number; text: string }) => {
      badges.push({ index: options.index, text: options.text });
      return { errMsg: 'setTabBarBadge:ok' } as never;
    });
    jest.spyOn(Taro, 'removeTabBarBadge').mockImplementation(async (options: { index: number }) => {
      badges.push({ index: options.index });
      return { errMsg: 'removeTabBarBadge:ok' } as never;
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('shows a skeleton while loading, then each item worded by the server, the unread count and the tab badge', async () => {
    const list = held();
    answering({ 'notification.list': list.reply });
    render(<InboxPage />);
    expect(screen.getAllByLabelText('加载中').length).toBeGreaterThan(0);
    list.release(inbox([item(), item({ id: 'k000000000002', kind: 'rating_opened', title: '欢迎评价', text: '「口袋公园」已完工，欢迎为项目打分', read: true })]));
    const items = await screen.findAllByTestId('inbox-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('项目进展');
    expect(items[0]).toHaveTextContent('您的提议「更换路灯」：已采纳');
    expect(items[0]).toHaveTextContent('2026年9月18日 10:00');
    expect(items[0]).toHaveAttribute('data-read', 'false');
    expect(items[1]).toHaveAttribute('data-read', 'true');
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('未读 1 条');
    expect(badges).toEqual([{ index: TAB_PAGES.indexOf('pages/inbox/index'), text: '1' }]);
  });

  it('says so when there is nothing yet', async () => {
    answering({ 'notification.list': inbox([]) });
    render(<InboxPage />);
    expect(await screen.findByText(/还没有消息/)).toBeInTheDocument();
  });

  it('marks an item read when it is opened, and leads to its proposal', async () => {
    answering({ 'notification.list': inbox([item()]), 'notification.read': ok({ marked: 1, unread: 0 }) });
    render(<InboxPage />);
    fireEvent.click(await screen.findByTestId('inbox-item'));
    expect(navigations).toEqual([{ api: 'navigateTo', url: '/pages/proposal-detail/index?id=p-1' }]);
    expect(payloadsOf('notification.read')).toEqual([{ ids: ['n000000000001'] }]);
    await waitFor(() => expect(screen.getByTestId('inbox-item')).toHaveAttribute('data-read', 'true'));
    await waitFor(() => expect(screen.getByTestId('inbox-unread')).toHaveTextContent('没有未读消息'));
    expect(badges[badges.length - 1]).toEqual({ index: TAB_PAGES.indexOf('pages/inbox/index') });
  });

  it('marks everything read at once', async () => {
    answering({ 'notification.list': inbox([item(), item({ id: 'n000000000002' })]), 'notification.read': ok({ marked: 2, unread: 0 }) });
    render(<InboxPage />);
    fireEvent.click(within(await screen.findByTestId('inbox-read-all')).getByText('全部已读'));
    await waitFor(() => expect(screen.getAllByTestId('inbox-item').map((entry) => entry.getAttribute('data-read'))).toEqual(['true', 'true']));
    expect(payloadsOf('notification.read')).toEqual([{ all: true }]);
    expect(screen.queryByTestId('inbox-read-all')).not.toBeInTheDocument();
  });

  it('offers a retry when the inbox cannot be loaded', async () => {
    answering({ 'notification.list': networkDown });
    render(<InboxPage />);
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    answering({ 'notification.list': inbox([item()]) });
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByTestId('inbox-item')).toBeInTheDocument();
  });

  it('asks a visitor who is not signed in to sign in', async () => {
    answering({ 'notification.list': failure('unauthenticated', '请先登录') });
    render(<InboxPage />);
    expect(await screen.findByText('请先登录')).toBeInTheDocument();
  });

  it('sets the badge on the tab the app declares, in the tab bar\'s order', () => {
    const config = readFileSync(path.join(__dirname, '../../src/app.config.ts'), 'utf8');
    const tabs = [...config.matchAll(/pagePath: '([^']+)'/g)].map((match) => match[1]);
    expect(tabs).toEqual([...TAB_PAGES]);
  });
});
