import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import CalendarPage from '../../src/review/pages/calendar/index';
import { buildMe, directory } from './support/factories';
import { answering, freshStart, ok, payloadsOf } from './support/fake-backend';

jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));

const slow = { timeout: 5000 };
jest.setTimeout(30_000);

const city = buildMe({ openid: 'u-city', name: '市民政', communityId: null, roles: [{ role: 'city', scopeId: 'city' }] });
const district = buildMe({ openid: 'u-district-yantian', name: '郑民政', communityId: null, roles: [{ role: 'district', scopeId: 'd-yantian' }] });
const unknown2027 = { year: 2027, holidays: [], workdays: [], source: 'none', provisional: true };

async function typeInto(name: string, value: string) {
  const field = screen.getByTestId(`field-${name}`);
  const native = await waitFor(() => {
    const element = field.querySelector('input, textarea');
    if (!element) throw new Error(`no native field in ${name}`);
    return element;
  });
  fireEvent.input(native, { target: { value } });
}

describe('the working-day calendar page', () => {
  beforeEach(() => {
    freshStart();
    localStorage.setItem('dev.day', JSON.stringify({ data: '2026-12-05' }));
  });

  it('R-TIME-3, R-TIME-1: the city pastes the notice, sees it on the month calendars, and saves it after confirming', async () => {
    answering({
      'me.get': ok(city),
      'directory.get': ok(directory),
      'calendar.get': ok(unknown2027),
      'calendar.set': ok({ ...unknown2027, holidays: ['2027-01-01'], source: 'loaded', provisional: false, note: '国办发明电〔2026〕9号', recomputed: 2 }),
    });
    render(<CalendarPage />);
    expect(await screen.findByTestId('calendar-source', {}, slow)).toHaveTextContent('尚未录入：该年的期限按周一至周五暂定计算');
    expect(payloadsOf('calendar.get')).toEqual([{ year: 2027 }]);

    await typeInto('text', '一、元旦：1月1日（周五）放假1天。\n二、春节：2月6日至12日放假调休，共7天。2月14日（周日）上班。');
    fireEvent.click(screen.getByTestId('read-notice'));
    const preview = await screen.findByTestId('calendar-preview', {}, slow);
    expect(preview).toHaveTextContent('读到放假 8 天，调休上班 1 天：2月14日');
    const february = within(preview).getByTestId('month-2');
    expect(within(february).getByLabelText('2027-02-10')).toHaveClass('year-grid__day--off');
    expect(within(february).getByLabelText('2027-02-14')).toHaveClass('year-grid__day--work');
    expect(within(february).getByLabelText('2027-02-13')).toHaveClass('year-grid__day--weekend');

    await typeInto('note', '国办发明电〔2026〕9号');
    fireEvent.click(screen.getByTestId('save-calendar'));
    // Loading a year changes deadlines already issued: the page says so before it sends.
    expect(screen.getByRole('group')).toHaveAccessibleName(expect.stringContaining('已发出、尚未到期的期限会重新计算'));
    expect(payloadsOf('calendar.set')).toEqual([]);
    fireEvent.click(screen.getByTestId('save-calendar-confirm'));
    await waitFor(() =>
      expect(payloadsOf('calendar.set')).toEqual([
        {
          year: 2027,
          holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
          workdays: ['2027-02-14'],
          note: '国办发明电〔2026〕9号',
        },
      ]),
    );
    expect(await screen.findByText('2027 年放假安排已保存；2 个未到期的期限已重新计算并记入办理记录。', {}, slow)).toBeInTheDocument();
  });

  it('R-TIME-1: text without a day off is refused on the page, nothing is sent', async () => {
    answering({ 'me.get': ok(city), 'directory.get': ok(directory), 'calendar.get': ok(unknown2027) });
    render(<CalendarPage />);
    await screen.findByTestId('calendar-source', {}, slow);
    await typeInto('text', '请各地区、各部门妥善安排好值班和安全、保卫等工作。');
    fireEvent.click(screen.getByTestId('read-notice'));
    expect(await within(screen.getByTestId('field-text')).findByText(/没有读到 2027 年的放假日期/, {}, slow)).toBeInTheDocument();
    expect(screen.queryByTestId('calendar-preview')).not.toBeInTheDocument();
  });

  it('R-TIME-1: a district sees the year but cannot load it', async () => {
    answering({ 'me.get': ok(district), 'directory.get': ok(directory), 'calendar.get': ok({ year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'loaded', provisional: false }) });
    render(<CalendarPage />);
    expect(await screen.findByTestId('calendar-source', {}, slow)).toHaveTextContent('已录入国务院放假安排');
    expect(screen.queryByTestId('calendar-load')).not.toBeInTheDocument();
    expect(screen.getByText('放假安排由市民政录入。')).toBeInTheDocument();
  });
});
