import { CloudPhotos, isOwnPhoto, photoPathFor } from '../../backend/wechat/cloud-photos';
import { proposalPage, subscribeMessageFor, templatesFromEnv } from '../../backend/wechat/subscribe-messages';
import type { OutboxMessage } from '../../backend/app/ports/store.port';

const ENV = 'weishishi-prod-4f7a';
const own = (openid: string, name = '1722-abc.jpg') => `cloud://${ENV}.7765-${ENV}-1318000000/${photoPathFor(openid, name)}`;

describe('photos in cloud storage', () => {
  it('accepts only file ids of this environment in the caller\'s own folder', () => {
    expect(isOwnPhoto(own('oRes1'), 'oRes1', ENV)).toBe(true);
    expect(isOwnPhoto(own('oRes1'), 'oRes1')).toBe(true);
    expect(isOwnPhoto(own('oRes2'), 'oRes1', ENV)).toBe(false);
    expect(isOwnPhoto(own('oRes1').replace(ENV, 'other-env'), 'oRes1', ENV)).toBe(false);
    expect(isOwnPhoto(`cloud://${ENV}.7765-x/proposal-photos/a.jpg`, 'oRes1', ENV)).toBe(false);
    expect(isOwnPhoto(`cloud://${ENV}.7765-x/proposals/oRes1/../oRes2/a.jpg`, 'oRes1', ENV)).toBe(false);
    expect(isOwnPhoto(`cloud://${ENV}.7765-x/proposals/oRes1/sub/a.jpg`, 'oRes1', ENV)).toBe(false);
    expect(isOwnPhoto('f-0123456789abcdef.jpg', 'oRes1', ENV)).toBe(false);
    expect(isOwnPhoto('https://example.com/a.jpg', 'oRes1', ENV)).toBe(false);
  });

  it('CloudPhotos owns exactly the caller\'s photos of this environment', async () => {
    const photos = new CloudPhotos(ENV);
    expect(await photos.owns('oRes1', own('oRes1'))).toBe(true);
    expect(await photos.owns('oRes1', own('oRes2'))).toBe(false);
    expect(await photos.owns('oRes1', own('oRes1').replace(ENV, 'other-env'))).toBe(false);
  });
});

describe('subscribe messages', () => {
  const message = (kind: string, payload: Record<string, unknown>): OutboxMessage => ({
    id: 1,
    recipientOpenid: 'oRes1',
    kind,
    payload,
    createdAt: '2026-08-10T03:00:00.000Z',
  });

  it('reads template ids and keywords from the environment; a kind without an id is not configured', () => {
    const templates = templatesFromEnv({
      WX_TEMPLATE_PROPOSAL_STATE_CHANGED: ' tpl-state ',
      WX_TEMPLATE_DEADLINE_OVERDUE: 'tpl-overdue',
      WX_TEMPLATE_DEADLINE_OVERDUE_FIELDS: 'thing3:title,phrase1:label,time5:date',
    });
    expect(templates).toEqual({
      proposal_state_changed: { templateId: 'tpl-state', fields: [['thing1', 'title'], ['thing2', 'state'], ['date3', 'date'], ['thing4', 'note']] },
      deadline_overdue: { templateId: 'tpl-overdue', fields: [['thing3', 'title'], ['phrase1', 'label'], ['time5', 'date']] },
    });
    expect(() => templatesFromEnv({ WX_TEMPLATE_COMMENT_ANSWERED: 't', WX_TEMPLATE_COMMENT_ANSWERED_FIELDS: 'thing1:nonsense' })).toThrow(/bad pair/);
  });

  it('builds the message with the proposal page, each value within its keyword\'s limits', () => {
    const templates = templatesFromEnv({ WX_TEMPLATE_PROPOSAL_STATE_CHANGED: 'tpl-state', WX_TEMPLATE_DEADLINE_OVERDUE: 'tpl-overdue', WX_TEMPLATE_DEADLINE_OVERDUE_FIELDS: 'thing1:title,phrase2:label,date3:date' });
    expect(
      subscribeMessageFor(message('proposal_state_changed', { proposalId: 'p-1', title: '田心社区健身路径器材更新及周边环境整治提升工程', to: 'publicity', on: '2026-08-11' }), templates),
    ).toEqual({
      touser: 'oRes1',
      templateId: 'tpl-state',
      page: 'pages/proposal-detail/index?id=p-1',
      data: {
        thing1: { value: '田心社区健身路径器材更新及周边环境整治…' },
        thing2: { value: '公示中' },
        date3: { value: '2026年08月11日' },
        thing4: { value: '点击查看项目进度' },
      },
      miniprogramState: 'formal',
      lang: 'zh_CN',
    });
    expect(subscribeMessageFor(message('deadline_overdue', { proposalId: 'p-2', title: '路灯', label: '街道审核逾期', dueOn: '2026-08-28' }), templates)?.data).toEqual({
      thing1: { value: '路灯' },
      phrase2: { value: '街道审核逾' },
      date3: { value: '2026年08月28日' },
    });
    expect(Array.from(subscribeMessageFor(message('proposal_state_changed', { proposalId: 'p', title: 'x'.repeat(40), to: 'adopted' }), templates)!.data.thing1.value)).toHaveLength(20);
  });

  it('answers null for a kind with no template or a message naming no proposal', () => {
    const templates = templatesFromEnv({ WX_TEMPLATE_PROPOSAL_STATE_CHANGED: 'tpl-state' });
    expect(subscribeMessageFor(message('comment_answered', { proposalId: 'p-1' }), templates)).toBeNull();
    expect(subscribeMessageFor(message('proposal_state_changed', { title: 'x' }), templates)).toBeNull();
    expect(proposalPage('p-1&x')).toBe('pages/proposal-detail/index?id=p-1%26x');
  });
});
