import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import LibraryPage from '../../src/review/pages/library/index';
import { buildMe, directory } from './support/factories';
import { answering, freshStart, ok, payloadsOf } from './support/fake-backend';
import { navigations } from './support/taro-fakes';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);

const street = buildMe({ openid: 'u-street-shatoujiao', name: '周审核', communityId: null, roles: [{ role: 'street', scopeId: 's-shatoujiao' }] });
const worker = buildMe({ openid: 'u-com-zhongying', name: '李社工', communityId: null, roles: [{ role: 'community', scopeId: 'c-zhongying' }] });

const meals = {
  id: 'lib-1',
  title: '长者助餐服务',
  category: 'services',
  plan: '委托社会组织每日供餐，社区监督',
  budgetLines: [
    { item: '助餐服务', amountFen: 900_000 },
    { item: '服务管理费', amountFen: 100_000, fee: true },
  ],
  createdAt: '2026-03-02T02:00:00.000Z',
  scope: { level: 'city', id: 'city' },
  pastRating: { count: 12, average: 4.5 },
};
const benches = { ...meals, id: 'lib-2', title: '口袋公园座椅', category: 'goods', scope: { level: 'street', id: 's-shatoujiao' }, pastRating: { count: 0, average: 0 } };

async function typeInto(name: string, value: string, scope: HTMLElement = document.body) {
  const field = within(scope).getByTestId(`field-${name}`);
  const native = await waitFor(() => {
    const element = field.querySelector('input, textarea');
    if (!element) throw new Error(`no native field in ${name}`);
    return element;
  });
  fireEvent.input(native, { target: { value } });
}

describe('the project library page', () => {
  beforeEach(() => freshStart());

  it('R-SUP-3: lists the entries usable in the street with their level and the ratings of past projects, and filters by level', async () => {
    answering({ 'me.get': ok(street), 'directory.get': ok(directory), 'library.list': ok({ items: [meals, benches], nextCursor: null }) });
    render(<LibraryPage />);
    const first = await screen.findByTestId('library-entry-lib-1', {}, slow);
    expect(first).toHaveTextContent('市级 · 全市');
    expect(within(first).getByTestId('past-rating')).toHaveTextContent('用此方案的项目：居民评价 12 条，平均 4.5 星');
    expect(within(screen.getByTestId('library-entry-lib-2')).getByTestId('past-rating')).toHaveTextContent('还没有居民评价');
    expect(payloadsOf('library.list')).toEqual([{ scopeId: 's-shatoujiao' }]);
    fireEvent.click(screen.getByText('街道级'));
    expect(screen.queryByTestId('library-entry-lib-1')).not.toBeInTheDocument();
    expect(screen.getByTestId('library-entry-lib-2')).toBeInTheDocument();
  });

  it('R-SUP-3: the street adds an entry and edits one', async () => {
    answering({
      'me.get': ok(street),
      'directory.get': ok(directory),
      'library.list': ok({ items: [benches], nextCursor: null }),
      'library.add': async (payload: any) => ok({ id: 'lib-3', createdAt: '2026-03-02T02:00:00.000Z', ...payload }),
      'library.update': async (payload: any) => ok({ ...benches, ...payload }),
    });
    render(<LibraryPage />);
    fireEvent.click(await screen.findByTestId('add-library-entry', {}, slow));
    const form = screen.getByTestId('library-form');
    await typeInto('title', '楼道照明改造', form);
    fireEvent.click(within(form).getByText('工程类'));
    await typeInto('plan', '更换感应灯，物业管养', form);
    await typeInto('budgetLines.0.item', '感应灯', form);
    await typeInto('budgetLines.0.amountFen', '12000.5', form);
    fireEvent.click(within(form).getByTestId('save-library-entry'));
    await waitFor(() =>
      expect(payloadsOf('library.add')).toEqual([{ title: '楼道照明改造', category: 'works', plan: '更换感应灯，物业管养', budgetLines: [{ item: '感应灯', amountFen: 1_200_050 }] }]),
    );
    expect(await screen.findByText('已加入项目库：「楼道照明改造」', {}, slow)).toBeInTheDocument();

    fireEvent.click(await screen.findByTestId('edit-lib-2', {}, slow));
    const edit = screen.getByTestId('library-form');
    await typeInto('title', '口袋公园座椅（标准款）', edit);
    fireEvent.click(within(edit).getByTestId('save-library-entry'));
    await waitFor(() => expect(payloadsOf('library.update')[0]).toMatchObject({ id: 'lib-2', title: '口袋公园座椅（标准款）' }));
  });

  it('R-SUP-3, R-SRC-1: a community worker starts a proposal of the community from an entry (source: library)', async () => {
    answering({
      'me.get': ok(worker),
      'directory.get': ok(directory),
      'library.list': ok({ items: [meals], nextCursor: null }),
      'proposal.submit': ok({ id: 'p-77' }),
    });
    render(<LibraryPage />);
    expect(screen.queryByTestId('add-library-entry')).not.toBeInTheDocument();
    fireEvent.click(await screen.findByTestId('start-lib-1', {}, slow));
    await typeInto('location', '中英街社区党群服务中心');
    fireEvent.click(screen.getByTestId('submit-from-library'));
    await waitFor(() =>
      expect(payloadsOf('proposal.submit')).toEqual([
        expect.objectContaining({ communityId: 'c-zhongying', title: '长者助餐服务', category: 'services', location: '中英街社区党群服务中心', source: 'library', libraryEntryId: 'lib-1', requestId: expect.any(String) }),
      ]),
    );
    await waitFor(() => expect(navigations).toEqual([{ api: 'navigateTo', url: '/staff/pages/proposal/index?id=p-77' }]));
  });
});
