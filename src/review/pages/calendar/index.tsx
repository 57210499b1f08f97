import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CalendarYearView } from '../../../../types/api';
import { call } from '../../../api';
import { Section } from '../../../components/Section';
import { currentYear } from '../../../lib/community';
import { formatMonthDay } from '../../../lib/dates';
import { parseHolidayNotice, type NoticeDays } from '../../../lib/holiday-notice';
import { useAnswer } from '../../../lib/use-answer';
import { Gate, StaffContextPage } from '../../../staff/workbench/gate';
import { type StaffContext } from '../../../staff/workbench/scope';
import { ConfirmAction, FormError, SuccessNotice } from '../../../staff/workbench/feedback';
import { Chips, TextBox, TextInput } from '../../../staff/workbench/fields';
import { useAction } from '../../../staff/workbench/use-action';
import { Action } from '../../../components/Action';
import { YearGrid } from './components/YearGrid';
import '../../../staff/workbench/staff.css';
import './index.css';

const SOURCE_WORDS: Record<CalendarYearView['source'], string> = {
  bundled: '使用内置的国务院放假安排',
  loaded: '已录入国务院放假安排',
  none: '尚未录入：该年的期限按周一至周五暂定计算，标注“暂定”',
};

/**
 * 工作日历 (R-TIME-1, R-TIME-3): the working-day calendar of a year. The city pastes the State
 * Council's notice, sees the days on month calendars, and saves them; from then on that year's
 * deadlines count on them and are no longer provisional.
 */
export default function CalendarPage() {
  return <StaffContextPage>{(context) => <Calendar context={context} />}</StaffContextPage>;
}

function Calendar({ context }: { context: StaffContext }) {
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear + 1);
  const isCity = context.me.roles.some((grant) => grant.role === 'city');
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>工作日历</Text>
        <Text className='staff__sub'>期限按工作日计算：周一至周五，除去法定节假日，加上调休上班日</Text>
        <View className='year-row'>
          <Chips
            label='年度'
            options={[thisYear, thisYear + 1, thisYear + 2].map((option) => ({ value: String(option), label: `${option} 年` }))}
            value={String(year)}
            onChange={(value) => setYear(Number(value))}
          />
        </View>
      </View>
      <YearCalendar key={year} year={year} editable={isCity} />
    </View>
  );
}

function YearCalendar({ year, editable }: { year: number; editable: boolean }) {
  const load = useCallback(() => call('calendar.get', { year }), [year]);
  const { state, refresh, reload } = useAnswer(load);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <View>
      <SuccessNotice message={notice} />
      <Section title={`${year} 年现行安排`} testId='calendar-current'>
        <View className='card'>
          <Gate state={state} onRetry={() => void reload()} rows={3}>
            {(current) => (
              <View>
                <Text className={`block ${current.provisional ? 'calendar__warn' : ''}`} data-testid='calendar-source'>
                  {SOURCE_WORDS[current.source]}
                </Text>
                {current.holidays.length > 0 ? (
                  <Text className='block small muted'>
                    放假 {current.holidays.length} 天，调休上班 {current.workdays.length} 天（{current.workdays.map(formatMonthDay).join('、') || '无'}）
                  </Text>
                ) : null}
              </View>
            )}
          </Gate>
        </View>
      </Section>
      {editable ? (
        <LoadForm
          year={year}
          onSaved={(message) => {
            setNotice(message);
            void refresh();
          }}
        />
      ) : (
        <Text className='block muted calendar__note'>放假安排由市民政录入。</Text>
      )}
    </View>
  );
}

type Saved = CalendarYearView & { note: string; recomputed: number };

function LoadForm({ year, onSaved }: { year: number; onSaved: (message: string) => void }) {
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [days, setDays] = useState<NoticeDays | null>(null);
  const action = useAction<Saved>();
  const read = () => {
    const found = parseHolidayNotice(text, year);
    if (found.holidays.length === 0) return action.refuse('text', `没有读到 ${year} 年的放假日期：请粘贴通知中“某月某日至某日放假”的段落`);
    action.reset();
    setDays(found);
  };
  const save = () => {
    if (!days) return;
    if (!note.trim()) return action.refuse('note', '请填写通知的文号或名称');
    void action.run(
      () => call('calendar.set', { year, holidays: days.holidays, workdays: days.workdays, note: note.trim() }),
      (saved) => onSaved(`${year} 年放假安排已保存；${saved.recomputed > 0 ? `${saved.recomputed} 个未到期的期限已重新计算并记入办理记录` : '没有需要重新计算的期限'}。`),
    );
  };
  return (
    <Section title={`录入 ${year} 年放假安排`} testId='calendar-load'>
      <View className='card'>
        <TextBox
          label='粘贴国务院办公厅通知'
          name='text'
          value={text}
          onChange={(value) => {
            setText(value);
            setDays(null);
          }}
          maxlength={5000}
          placeholder={'如：一、元旦：1月1日（周五）放假1天。\n二、春节：2月6日至12日放假调休，共7天。2月14日（周日）上班。'}
          error={action.fieldError('text')}
        />
        <Action variant='secondary' block onClick={read} testId='read-notice'>
          读取日期并在日历上显示
        </Action>
        {days ? (
          <View data-testid='calendar-preview'>
            <Text className='block calendar__summary'>
              读到放假 {days.holidays.length} 天，调休上班 {days.workdays.length} 天：{days.workdays.map(formatMonthDay).join('、') || '无调休'}。请对照通知核对下面的日历。
            </Text>
            <YearGrid year={year} holidays={days.holidays} workdays={days.workdays} />
            <TextInput label='通知文号或名称' name='note' required value={note} onChange={setNote} maxlength={200} placeholder='如：国办发明电〔2026〕X号' error={action.fieldError('note')} />
            <FormError message={action.formError(['text', 'note'])} />
            <ConfirmAction
              label={`保存 ${year} 年安排`}
              question={`保存后，${year} 年的所有期限都按这份安排计算，不再标注“暂定”；已发出、尚未到期的期限会重新计算，每一处改动记入该项目的办理记录。确定保存吗？`}
              busy={action.busy}
              busyLabel='正在保存…'
              onConfirm={save}
              testId='save-calendar'
            />
          </View>
        ) : null}
      </View>
    </Section>
  );
}
