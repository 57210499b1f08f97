import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Answer } from '../../types/api';
import HomePage from '../../src/pages/home/index';
import { send } from '../../src/api/transport';

// The fake transport stands where the HTTP or cloud call would go: the only boundary we mock.
jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));
const fakeSend = send as jest.MockedFunction<typeof send>;

const directory = {
  districts: [
    {
      id: 'd-yantian',
      name: '盐田区',
      streets: [
        { id: 's-shatoujiao', name: '沙头角街道', communities: [{ id: 'c-zhongying', name: '中英街社区' }, { id: 'c-qiaoyuan', name: '桥园社区' }] },
        { id: 's-haishan', name: '海山街道', communities: [{ id: 'c-tianxin', name: '田心社区' }] },
      ],
    },
  ],
};

function answering(answers: Record<string, Answer<unknown> | (() => Promise<Answer<unknown>>)>) {
  fakeSend.mockImplementation(async (action) => {
    const answer = answers[action];
    if (typeof answer === 'function') return answer() as never;
    return (answer ?? { ok: false, error: { code: 'internal', message: 'unexpected action' } }) as never;
  });
}

const anonymous: Answer<unknown> = { ok: false, error: { code: 'unauthenticated', message: '请先登录' } };

describe('the home page', () => {
  beforeEach(() => fakeSend.mockReset());

  it('shows a loading skeleton until the directory arrives', async () => {
    let release: (answer: Answer<unknown>) => void = () => undefined;
    answering({ 'directory.get': () => new Promise((resolve) => (release = resolve)), 'me.get': anonymous });
    render(<HomePage />);
    expect(screen.getByLabelText('加载中')).toBeInTheDocument();
    release({ ok: true, data: directory });
    expect(await screen.findByText('中英街社区')).toBeInTheDocument();
    expect(screen.queryByLabelText('加载中')).not.toBeInTheDocument();
  });

  it('lists every community of the directory under its street, for an anonymous visitor', async () => {
    answering({ 'directory.get': { ok: true, data: directory }, 'me.get': anonymous });
    render(<HomePage />);
    expect(await screen.findByText('中英街社区')).toBeInTheDocument();
    expect(screen.getByText('桥园社区')).toBeInTheDocument();
    expect(screen.getByText('田心社区')).toBeInTheDocument();
    expect(screen.getByText('沙头角街道')).toBeInTheDocument();
    expect(screen.queryByTestId('greeting')).not.toBeInTheDocument();
  });

  it('greets a signed-in resident and marks their community', async () => {
    answering({
      'directory.get': { ok: true, data: directory },
      'me.get': { ok: true, data: { openid: 'u-res-1', name: '张小明', communityId: 'c-zhongying', roles: [] } },
    });
    render(<HomePage />);
    expect(await screen.findByText('你好，张小明')).toBeInTheDocument();
    expect(screen.getByText('我的社区')).toBeInTheDocument();
  });

  it('shows an empty state when the directory has no community', async () => {
    answering({ 'directory.get': { ok: true, data: { districts: [] } }, 'me.get': anonymous });
    render(<HomePage />);
    expect(await screen.findByText('暂无社区')).toBeInTheDocument();
  });

  it('shows the error with a retry that loads again', async () => {
    let calls = 0;
    answering({
      'directory.get': async () =>
        ++calls === 1 ? { ok: false, error: { code: 'internal', message: '网络异常，请检查网络后重试' } } : { ok: true, data: directory },
      'me.get': anonymous,
    });
    render(<HomePage />);
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.getByText('中英街社区')).toBeInTheDocument());
    expect(calls).toBe(2);
  });
});
