/**
 * A fresh idempotency key for one form (spec/api.md: the same `requestId` from the same caller
 * returns the first result, never a second record).
 */
export function newRequestId(): string {
  const cryptoApi = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  // WeChat's JS engine has no crypto.randomUUID: time plus randomness is unique enough per caller.
  let random = '';
  while (random.length < 20) random += Math.random().toString(36).slice(2);
  return `r-${Date.now().toString(36)}-${random.slice(0, 20)}`;
}
