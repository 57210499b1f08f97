import { JSDOM } from 'jsdom';

/**
 * The view layer's document: j-component (miniprogram-simulate) renders the WXML into a jsdom
 * document. Only the view layer sees it; the mini-program's logic runs in its own vm context
 * without window or document (scripts/weapp/mini-runtime.ts). Must run before
 * miniprogram-simulate is required.
 */
export function installViewDocument(): void {
  if ((globalThis as { document?: unknown }).document) return;
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
  const view = dom.window as unknown as Record<string, unknown>;
  const names = ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'Node', 'Text', 'Event', 'CustomEvent', 'TouchEvent', 'Touch', 'getComputedStyle', 'MutationObserver', 'DocumentFragment', 'requestAnimationFrame', 'cancelAnimationFrame'];
  for (const name of names) {
    if (name === 'window') (globalThis as Record<string, unknown>).window = view;
    else if (view[name] !== undefined) (globalThis as Record<string, unknown>)[name] = typeof view[name] === 'function' && /^[a-z]/.test(name) ? (view[name] as () => unknown).bind(view) : view[name];
  }
  // jsdom has no Touch events; j-component only needs them for touch* events, which we never send.
  (globalThis as Record<string, unknown>).TouchEvent ??= view.CustomEvent;
  (globalThis as Record<string, unknown>).Touch ??= class Touch {};
}
