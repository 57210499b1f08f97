import http from 'node:http';
import net from 'node:net';

// Requests that fetch() will not send: a request target such as `//@x` or `*`, a forged Host or
// Origin, broken headers. Used to knock on the local server's door from outside.

export interface RawAnswer {
  /** The status of the first response, or null when the server closed without one. */
  status: number | null;
  /** Everything the server sent, as latin1 text. */
  text: string;
}

/**
 * Sends `bytes` as they are on a fresh connection and collects what comes back until the server
 * closes. The connection is half-closed only when no answer came within `patienceMs` (a request
 * that promised more body than it sent), as a client that gives up would; `timeoutMs` ends it.
 */
export function sendRaw(url: string, bytes: string | Buffer, options: { patienceMs?: number; timeoutMs?: number } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    const giveUp = setTimeout(() => chunks.length === 0 && socket.end(), options.patienceMs ?? 1500);
    const timer = setTimeout(() => socket.destroy(), options.timeoutMs ?? 5000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => {
      clearTimeout(giveUp);
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, text });
    });
    socket.on('error', () => undefined);
  });
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request with headers exactly as given (Host and Origin included), on a fresh connection. */
export function request(
  url: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<HttpAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: hostname, port: Number(port), method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers ?? {}, agent: false, setHost: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** POST /api with a forged Host and/or Origin (the Host defaults to the server's own). */
export function postApi(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: any }> {
  const text = JSON.stringify(body);
  const own = new URL(url).host;
  return request(url, {
    method: 'POST',
    path: '/api',
    headers: { host: own, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers },
    body: text,
  }).then((answer) => ({ status: answer.status, headers: answer.headers, json: JSON.parse(answer.body.toString('utf8')) }));
}
