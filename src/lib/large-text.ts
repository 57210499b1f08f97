import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';

/**
 * 大字模式 (适老化): text at 1.25× and larger tap targets on every page. The choice is remembered in
 * Taro storage; every mounted page (tab pages stay mounted) follows a change at once.
 */
export const LARGE_TEXT_KEY = 'ui.largeText';

const listeners = new Set<(on: boolean) => void>();

export function readLargeText(): boolean {
  try {
    return Taro.getStorageSync(LARGE_TEXT_KEY) === true;
  } catch {
    return false;
  }
}

export function setLargeText(on: boolean): void {
  try {
    Taro.setStorageSync(LARGE_TEXT_KEY, on);
  } catch {
    // Storage full or unavailable: the mode still applies until the app closes.
  }
  listeners.forEach((listener) => listener(on));
}

/** The current mode and a setter; re-renders when any page changes it. */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(readLargeText);
  useEffect(() => {
    listeners.add(setOn);
    // A change made while this page was not yet listening.
    setOn(readLargeText());
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  return [on, setLargeText];
}
