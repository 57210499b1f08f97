import type { IncomingHttpHeaders } from 'node:http';
import type { Answer } from '../../types/api';
import { fail } from '../app/answers';

// The door of the local server, before any handler runs: what a request target may look like,
// and who may call the API. Everything here is a plain function of the request line and headers.

/**
 * The path of an origin-form request target (`/api`, `/js/app.1a2b3c4d.js?v=1`), or null for
 * anything else: `*`, an absolute URL, or a target starting with `//`, which a URL parser would
 * read as a host name (`//@x`, `///`). The path is kept as sent (still percent-encoded).
 */
export function pathOfTarget(target: string | undefined): string | null {
  if (!target || target[0] !== '/' || target[1] === '/' || target[1] === '\\') return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** The names this server answers to: the loopback address or `localhost`, with its port. */
export function localHostNames(port: number, boundHost?: string): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  // A server bound to one named address (not a wildcard) also answers to that address.
  if (boundHost && boundHost !== '0.0.0.0' && boundHost !== '::') names.push(boundHost.includes(':') ? `[${boundHost}]` : boundHost);
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    // A browser leaves out the default port.
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Refuses an API request that does not come from this machine's own pages or scripts (DNS
 * rebinding: a page of any site whose name is made to resolve to 127.0.0.1 would otherwise drive
 * the API as any demo user). The `Host` must be one of this server's names; on a write (any
 * method but GET and HEAD — every API call is a POST) an `Origin`, when sent, must be this server.
 * A request without `Origin`, as scripts send, is allowed. Null when the request may pass.
 */
export function refuseForeignRequest(method: string | undefined, headers: IncomingHttpHeaders, hosts: Set<string>): Answer<never> | null {
  const host = single(headers.host)?.toLowerCase();
  if (!host || !hosts.has(host)) return fail('forbidden', '只接受本机地址的请求', 'host');
  if (method === 'GET' || method === 'HEAD') return null;
  const origin = single(headers.origin);
  if (origin === undefined) return null;
  if (!origin.toLowerCase().startsWith('http://') || !hosts.has(origin.slice('http://'.length).toLowerCase())) {
    return fail('forbidden', '只接受本站页面的请求', 'origin');
  }
  return null;
}

/** The request target as it may be written to a log line: printable ASCII, at most 200 characters. */
export function printableTarget(target: string | undefined): string {
  const text = (target ?? '').replace(/[^\x20-\x7e]/g, '?');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * True when JSON text nests arrays and objects deeper than `maxDepth`. A linear scan that stops
 * at the first level too deep: a megabyte of `[[[[…` is refused before `JSON.parse` would spend
 * a third of a second building it (and the validation after it would recurse as deep).
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1; // a backslash: the next character is escaped
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}
