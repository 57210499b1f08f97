import type { ReactNode } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Field } from '../../components/Field';
import { dateOfInput, formatDateWithWeekday, formatMonthDay, weekdayOf } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { chipLabel } from './days';
import { parseYuan } from './money-input';
import './staff.css';

// The fields of the staff and review forms: big fields, big choices, plain words. A text field
// always names its bound, the number the server checks (common/limits).

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
  allowedFrom,
  disabledReason,
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
  /** Issue 16: the first day the rules allow (as the server counts it); earlier days are greyed. */
  allowedFrom?: string;
  /** Why the greyed days are not allowed, shown under the days. */
  disabledReason?: string;
}) {
  const allowed = (day: string) => !allowedFrom || day >= allowedFrom;
  return (
    <Field label={label} name={name} required={required} hint={hint} error={error}>
      <View className='date-choice' role='radiogroup' aria-label={label}>
        {days.map((day) => (
          <View
            key={day}
            className={`date-choice__day${day === value ? ' date-choice__day--on' : ''}${allowed(day) ? '' : ' date-choice__day--off'}`}
            role='radio'
            aria-checked={day === value}
            aria-disabled={!allowed(day)}
            data-date={day}
            aria-label={`${day === today ? '今天 ' : ''}${chipLabel(day)}${allowed(day) ? '' : '（不可选）'}`}
            onClick={() => {
              if (allowed(day)) onChange(day);
            }}
          >
            <Text className='date-choice__date'>{formatMonthDay(day)}</Text>
            <Text className='date-choice__weekday'>{day === today ? `今天 ${weekdayOf(day)}` : weekdayOf(day)}</Text>
          </View>
        ))}
      </View>
      {allowedFrom && disabledReason && days.some((day) => !allowed(day)) ? (
        <Text className='date-choice__why' data-testid={`why-greyed-${name}`}>
          {disabledReason}
        </Text>
      ) : null}
      <Picker
        mode='date'
        value={value || allowedFrom || today}
        start={allowedFrom}
        onChange={(event) => {
          const picked = dateOfInput(event.detail.value);
          if (picked && allowed(picked)) onChange(picked);
        }}
      >
        <View className='date-choice__other'>
          {value && !days.includes(value) ? `已选 ${formatDateWithWeekday(value)}` : '其他日期…'}
        </View>
      </Picker>
    </Field>
  );
}
