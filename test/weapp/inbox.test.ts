import { useWeapp } from './support/weapp';

// Notifications in the built mini-program: the 消息 tab's badge through wx.setTabBarBadge, an
// item opening its proposal and being marked read on the server, and 全部已读.

jest.setTimeout(60_000);

const { launch, backend } = useWeapp();

describe('the inbox tab (消息) in the weapp', () => {
  it('shows the unread count as the tab\'s badge, and an opened item is read and leads to its proposal', async () => {
    const app = await launch('u-res-1');
    const before = await backend().ok('u-res-1', 'notification.list', {});
    expect(before.unread).toBeGreaterThan(0);
    await app.open('/pages/inbox/index');
    await app.waitForText('全部已读');
    const tabBar = app.appJson.tabBar as { list: { pagePath: string }[] };
    const inboxTab = tabBar.list.findIndex((tab) => tab.pagePath === 'pages/inbox/index');
    expect(inboxTab).toBe(3); // 首页, 项目, 公示, 消息, 我的
    expect(app.fake.callsOf('setTabBarBadge')).toContainEqual(
      expect.objectContaining({ index: inboxTab, text: String(before.unread) }),
    );

    await app.tapNth('项目进展', 0);
    await app.idle();
    expect(app.navigations).toContain(`navigateTo /pages/proposal-detail/index?id=${before.items[0].proposalId}`);
    const after = await backend().ok('u-res-1', 'notification.list', {});
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items[0].read).toBe(true);
  });

  it('marks everything read at once and clears the badge', async () => {
    const app = await launch('u-com-zhongying');
    await app.open('/pages/inbox/index');
    await app.waitForText('新提议待筛选');
    await app.tap('全部已读');
    await app.waitForText('没有未读消息');
    expect((await backend().ok('u-com-zhongying', 'notification.list', {})).unread).toBe(0);
    expect(app.fake.callsOf('removeTabBarBadge')).not.toHaveLength(0);
  });
});
