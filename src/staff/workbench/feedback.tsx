import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Action, type ActionVariant } from '../../components/Action';
import './staff.css';

// What a staff form says back: success on the page, errors next to the form, a second tap to confirm.

/** What just succeeded, on the page rather than in a toast: a toast would cover the next button. */
export function SuccessNotice({ message, testId = 'notice' }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <View className='notice-bar notice-bar--success' role='status' data-testid={testId}>
      {message}
    </View>
  );
}

/** The error of a form that no field shows. */
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
  variant = 'primary',
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
  busyLabel?: string;
  testId?: string;
  /** The look of the first button (a revoke in a list is secondary); the confirmation is always primary. */
  variant?: ActionVariant;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Action block variant={variant} busy={busy} busyLabel={busyLabel} onClick={() => setAsking(true)} testId={testId}>
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
