import type { Transport } from './transport.types';
import { unreachable } from './transport.types';
import { devHeaders, readDevIdentity } from './dev-identity';

/** H5: POST /api on the local server, with the dev bar's identity headers. */
export const send: Transport = async (action, payload) => {
  try {
    const response = await fetch('/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...devHeaders(readDevIdentity()) },
      body: JSON.stringify({ action, payload }),
    });
    // Error statuses still carry the envelope; only an unreadable body is "unreachable".
    return await response.json();
  } catch {
    return unreachable();
  }
};
