import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import './Field.css';

/**
 * A form field: its label, the input, an optional counter or hint, and the error that names this
 * field (from the server's `error.field` or a missing entry) right below it.
 */
export function Field({
  label,
  name,
  required,
  hint,
  error,
  children,
}: PropsWithChildren<{ label: string; name: string; required?: boolean; hint?: string; error?: string | null }>) {
  return (
    <View className={`field${error ? ' field--invalid' : ''}`} data-testid={`field-${name}`}>
      <View className='field__head'>
        <Text className='field__label'>
          {label}
          {required ? <Text className='field__required'> *</Text> : null}
        </Text>
        {hint ? <Text className='field__hint'>{hint}</Text> : null}
      </View>
      {children}
      {error ? (
        <View className='field__error' role='alert' data-testid={`error-${name}`}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
