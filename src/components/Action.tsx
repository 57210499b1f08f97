import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

export type ActionVariant = 'primary' | 'secondary' | 'plain' | 'link';

export interface ActionProps {
  children: ReactNode;
  onClick?: () => void;
  variant?: ActionVariant;
  /** Full width. */
  block?: boolean;
  disabled?: boolean;
  /** Shown instead of the label while the action runs; the button is disabled meanwhile. */
  busyLabel?: string;
  busy?: boolean;
  className?: string;
  testId?: string;
}

/**
 * A button: at least one tap target high (88 rpx, more in 大字模式), visible press feedback, and a
 * disabled state that ignores taps. A View rather than Taro's Button, whose platform default
 * styles differ between weapp and H5.
 */
export function Action({ children, onClick, variant = 'primary', block, disabled, busy, busyLabel, className, testId }: ActionProps) {
  const inactive = Boolean(disabled || busy);
  const classes = ['btn', `btn--${variant}`, block ? 'btn--block' : '', inactive ? 'btn--disabled' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View
      className={classes}
      role='button'
      aria-disabled={inactive}
      hoverClass={inactive ? 'none' : 'btn--pressed'}
      data-testid={testId}
      onClick={() => {
        if (!inactive) onClick?.();
      }}
    >
      {busy && busyLabel ? busyLabel : children}
    </View>
  );
}
