import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { CATEGORY_LABELS } from '../../../common/glossary';
import type { ProposalView } from '../../../types/api';
import type { BudgetLine } from '../../../types/domain';
import { Action } from '../../components/Action';
import { DeadlineTags } from '../../components/DeadlineTag';
import { Field } from '../../components/Field';
import { StateBadge } from '../../components/StateBadge';
import { dateOfInput, formatDate, formatDateWithWeekday, formatMonthDay, weekdayOf } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { chipLabel } from './days';
import { parseYuan } from './money-input';
import './staff.css';

// The building blocks of the staff and review pages: big fields, big choices, plain words.

export function TextInput({
  label,
  name,
  value,
  onChange,
  placeholder,
  error,
  required,
  hint,
  maxlength,
  type = 'text',
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  error?: string | null;
  required?: boolean;
  hint?: string;
  /** The server's bound for this field (common/limits), never a number of the page's own. */
  maxlength: number;
  type?: 'text' | 'number' | 'digit';
}) {
  return (
    <Field label={label} name={name} required={required} hint={hint} error={error}>
      <Input
        className='field__input'
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
    </Field>
  );
}

export function TextBox({
  label,
  name,
  value,
  onChange,
  placeholder,
  error,
  required,
  maxlength,
  short,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  error?: string | null;
  required?: boolean;
  /** The server's bound for this field (common/limits), never a number of the page's own. */
  maxlength: number;
  /** A few lines only. */
  short?: boolean;
}) {
  return (
    <Field label={label} name={name} required={required} hint={`${Array.from(value).length}/${maxlength}`} error={error}>
      <Textarea
        className={`field__textarea${short ? ' staff-textarea--short' : ''}`}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
    </Field>
  );
}

/** An amount in yuan: the text as typed, converted to fen only when sent (see money-input). */
export function YuanInput({
  label,
  name,
  value,
  onChange,
  error,
  required,
  hint,
  placeholder = '0.00',
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  required?: boolean;
  hint?: string;
  placeholder?: string;
}) {
  // The amount as it will be read back (¥1,200,000.00): a slip of a zero shows at once.
  const parsed = value.trim() ? parseYuan(value) : null;
  const echo = parsed?.ok ? formatFen(parsed.fen) : null;
  return (
    <Field label={label} name={name} required={required} hint={hint} error={error}>
      <View className='yuan-input'>
        <Text className='yuan-input__sign'>¥</Text>
        <Input
          className='field__input yuan-input__field'
          type='digit'
          value={value}
          maxlength={16}
          placeholder={placeholder}
          onInput={(event) => onChange(event.detail.value)}
        />
        <Text className='yuan-input__unit'>元</Text>
      </View>
      {echo ? (
        <Text className='yuan-input__echo' data-testid={`echo-${name}`}>
          即 {echo}
        </Text>
      ) : null}
    </Field>
  );
}

export interface ChipOption<T extends string> {
  value: T;
  label: string;
}

/** One choice of a few, each a large tap target. */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: readonly ChipOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  label: string;
}) {
  return (
    <View className='choice-row' role='radiogroup' aria-label={label}>
      {options.map((option) => (
        <View
          key={option.value}
          className={`choice${option.value === value ? ' choice--on' : ''}`}
          role='radio'
          aria-checked={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  );
}

/** A box to tick (a fee line, a proposal for the agenda). */
export function Tick({ checked, onChange, children, testId }: { checked: boolean; onChange: (on: boolean) => void; children: ReactNode; testId?: string }) {
  return (
    <View
      className={`tick${checked ? ' tick--on' : ''}`}
      role='checkbox'
      aria-checked={checked}
      data-testid={testId}
      onClick={() => onChange(!checked)}
    >
      <View className='tick__box'>{checked ? '✓' : ''}</View>
      <View className='tick__label'>{children}</View>
    </View>
  );
}

/**
 * A calendar date: the likely days as chips (today, the next days …), any other day with the
 * date picker. Which days are allowed is the server's to say.
 */
export function DateChoice({
  label,
  name,
  value,
  onChange,
  days,
  today,
  error,
  hint,
  required,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  days: string[];
  today: string;
  error?: string | null;
  hint?: string;
  required?: boolean;
}) {
  return (
    <Field label={label} name={name} required={required} hint={hint} error={error}>
      <View className='date-choice' role='radiogroup' aria-label={label}>
        {days.map((day) => (
          <View
            key={day}
            className={`date-choice__day${day === value ? ' date-choice__day--on' : ''}`}
            role='radio'
            aria-checked={day === value}
            data-date={day}
            aria-label={`${day === today ? '今天 ' : ''}${chipLabel(day)}`}
            onClick={() => onChange(day)}
          >
            <Text className='date-choice__date'>{formatMonthDay(day)}</Text>
            <Text className='date-choice__weekday'>{day === today ? `今天 ${weekdayOf(day)}` : weekdayOf(day)}</Text>
          </View>
        ))}
      </View>
      <Picker
        mode='date'
        value={value || today}
        onChange={(event) => {
          const picked = dateOfInput(event.detail.value);
          if (picked) onChange(picked);
        }}
      >
        <View className='date-choice__other'>
          {value && !days.includes(value) ? `已选 ${formatDateWithWeekday(value)}` : '其他日期…'}
        </View>
      </Picker>
    </Field>
  );
}

/** The error of a form that no field shows. */
/** What just succeeded, on the page rather than in a toast: a toast would cover the next button. */
export function SuccessNotice({ message, testId = 'notice' }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <View className='notice-bar notice-bar--success' role='status' data-testid={testId}>
      {message}
    </View>
  );
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <View className='form-error' role='alert'>
      {message}
    </View>
  ) : null;
}

/** What just happened, in words. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <View className='form-done' role='status'>
      {children}
    </View>
  );
}

/**
 * An action that cannot be undone: the first tap asks, the second does it.
 */
export function ConfirmAction({
  label,
  question,
  onConfirm,
  busy,
  busyLabel = '正在提交…',
  testId,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
  busyLabel?: string;
  testId?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Action block busy={busy} busyLabel={busyLabel} onClick={() => setAsking(true)} testId={testId}>
        {label}
      </Action>
    );
  }
  return (
    <View className='confirm' role='group' aria-label={question}>
      <Text className='confirm__question'>{question}</Text>
      <View className='confirm__buttons'>
        <Action variant='plain' onClick={() => setAsking(false)}>
          取消
        </Action>
        <Action
          busy={busy}
          busyLabel={busyLabel}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
          testId={testId ? `${testId}-confirm` : undefined}
        >
          确认{label}
        </Action>
      </View>
    </View>
  );
}

/** A proposal in a staff list: state, title, place, the running deadlines; a tap opens `url`. */
export function StaffProposalCard({
  proposal,
  url,
  place,
  next,
  children,
}: {
  proposal: ProposalView;
  url: string;
  place?: string;
  /** The next step for this worker, in words. */
  next?: string;
  children?: ReactNode;
}) {
  return (
    <View
      className='card card--tappable staff-card'
      role='link'
      aria-label={proposal.title}
      data-testid={`staff-proposal-${proposal.id}`}
      onClick={() => void Taro.navigateTo({ url })}
    >
      <View className='staff-card__top'>
        <StateBadge state={proposal.state} />
        <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
        {place ? <Text className='staff-card__place'>{place}</Text> : null}
      </View>
      <Text className='staff-card__title'>{proposal.title}</Text>
      <DeadlineTags proposal={proposal} />
      {children}
      <View className='staff-card__foot'>
        {next ? <Text className='staff-card__next'>下一步：{next}</Text> : <Text />}
        <Text className='staff-card__open'>办理 ›</Text>
      </View>
    </View>
  );
}

/** The budget lines of a report, read-only, with their total and the fee lines marked. */
export function BudgetTable({ lines, totalFen, feeFen, approvedFen }: { lines: BudgetLine[]; totalFen: number; feeFen?: number; approvedFen?: number }) {
  return (
    <View className='budget-table' data-testid='budget-table'>
      {lines.map((line, index) => (
        <View key={`${index}-${line.item}`} className='budget-table__row'>
          <Text className='budget-table__item'>
            {line.item}
            {line.fee ? <Text className='muted'>（服务管理费）</Text> : null}
          </Text>
          <Text className='budget-table__amount'>{formatFen(line.amountFen)}</Text>
        </View>
      ))}
      <View className='budget-table__row budget-table__row--total'>
        <Text className='budget-table__item'>合计</Text>
        <Text className='budget-table__amount'>{formatFen(totalFen)}</Text>
      </View>
      {feeFen ? (
        <View className='budget-table__row'>
          <Text className='budget-table__item muted'>其中服务管理费</Text>
          <Text className='budget-table__amount'>{formatFen(feeFen)}</Text>
        </View>
      ) : null}
      {approvedFen !== undefined ? (
        <View className='budget-table__row budget-table__row--approved'>
          <Text className='budget-table__item'>街道批复预算</Text>
          <Text className='budget-table__amount'>{formatFen(approvedFen)}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** A label and its value on one line. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='staff-kv'>
      <Text className='staff-kv__key'>{label}</Text>
      <View className='staff-kv__value'>{children}</View>
    </View>
  );
}

/** A date the server recorded, on screen. */
export function day(date: string | undefined): string {
  return date ? formatDate(date) : '—';
}

/** Links to the other pages of a workbench, as large tiles. */
export function NavTiles({ tiles }: { tiles: { label: string; url: string; hint?: string; testId?: string; tab?: boolean }[] }) {
  return (
    <View className='nav-tiles'>
      {tiles.map((tile) => (
        <View
          key={tile.url}
          className='nav-tile'
          role='link'
          hoverClass='btn--pressed'
          data-testid={tile.testId}
          onClick={() => void (tile.tab ? Taro.switchTab({ url: tile.url }) : Taro.navigateTo({ url: tile.url }))}
        >
          <Text className='nav-tile__label'>{tile.label}</Text>
          {tile.hint ? <Text className='nav-tile__hint'>{tile.hint}</Text> : null}
        </View>
      ))}
    </View>
  );
}
