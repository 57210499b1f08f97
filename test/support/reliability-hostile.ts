// The hostile-input corpus of figure 6 (issue 7): values that have broken web backends before —
// oversized and control-laden strings, bidi overrides (Trojan Source, CVE-2021-42574), emoji and
// ZWJ sequences, NoSQL operator objects, prototype-pollution keys, wrong types, money that is not
// a safe integer of fen, impossible dates, script and HTML (stored XSS in comments,
// CVE-2026-23891) — and the ways of putting them into a request.

/** A JSON token sent as written (`-0`, `1e400`): JSON.stringify cannot produce these. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object with an own, enumerable `__proto__` key, as JSON.parse makes it. */
export function protoKeyed(inner: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  Object.defineProperty(object, '__proto__', { value: inner, enumerable: true, writable: true, configurable: true });
  return object;
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

const MAX = Number.MAX_SAFE_INTEGER;

/** The hostile values, each with a label the report can name. */
export const HOSTILE_VALUES: readonly (readonly [string, unknown])[] = [
  // Sizes and emptiness
  ['empty string', ''],
  ['spaces only', '   '],
  ['ideographic spaces only', '\u3000\u3000'],
  ['newline only', '\n'],
  ['10,000 characters', 'a'.repeat(10_000)],
  ['300,000 CJK characters (≈900 KB)', '长'.repeat(300_000)],
  // Control, invisible and direction characters
  ['NUL inside', '标题\u0000后缀'],
  ['NUL only', '\u0000'],
  ['C0 controls and an ANSI escape', '\u0001\u0007\u001b[31m红色'],
  ['DEL', 'abc\u007f'],
  ['bidi override RLO', '\u202E正常的标题'],
  ['bidi isolate', '\u2067عربي\u2069 标题'],
  ['zero-width space', '标\u200B题'],
  ['byte order mark', '\uFEFF标题'],
  ['lone high surrogate', '标题\uD800'],
  ['reversed surrogates', '\uDC00\uD800'],
  // Emoji and composed characters (length is counted in code points)
  ['50 emoji (50 code points, 100 UTF-16 units)', '😀'.repeat(50)],
  ['51 emoji', '😀'.repeat(51)],
  ['ZWJ family', '👨‍👩‍👧‍👦'],
  ['7 ZWJ families (49 code points)', '👨‍👩‍👧‍👦'.repeat(7)],
  ['flag', '🇨🇳'],
  ['combining accents', 'e\u0301'.repeat(10)],
  ['CJK extension B', '𠀀𠀁𠀂'],
  // Script and HTML
  ['script tag', '<script>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(document.cookie)>'],
  ['svg onload', '"><svg/onload=alert(1)>'],
  ['javascript URL', 'javascript:alert(1)'],
  ['template injection', '{{constructor.constructor("alert(1)")()}}'],
  ['interpolation', '${process.exit(1)}'],
  // Injection into queries, paths and headers
  ['SQL quote', "' OR '1'='1"],
  ['SQL drop', "x'); DROP TABLE proposals;--"],
  ['path traversal', '../../etc/passwd'],
  ['CRLF', 'a\r\nSet-Cookie: admin=1'],
  ['percent-encoded NUL', '%00%2e%2e%2f'],
  ['JSON text', '{"$gt":""}'],
  // Ids that are nearly right
  ['id with NUL', 'c-tianxin\u0000'],
  ['id with spaces', ' c-tianxin '],
  ['id in capitals', 'C-TIANXIN'],
  ['id with a Cyrillic с', 'с-tianxin'],
  ['id of 65 characters', 'a'.repeat(65)],
  ['id of another kind', 'u-res-1'],
  ['id __proto__', '__proto__'],
  ['id constructor', 'constructor'],
  ['id toString', 'toString'],
  // Impossible and odd dates
  ['date 2026-02-30', '2026-02-30'],
  ['date 2026-13-01', '2026-13-01'],
  ['date 2026-00-10', '2026-00-10'],
  ['date 0000-00-00', '0000-00-00'],
  ['date 2026-02-29 (not a leap year)', '2026-02-29'],
  ['date 9999-12-31', '9999-12-31'],
  ['date unpadded', '2026-2-3'],
  ['date with a time', '2026-06-01T00:00:00Z'],
  ['date in full-width digits', '２０２６-０６-０１'],
  ['date with a negative year', '-2026-06-01'],
  // Numbers, money among them
  ['zero', 0],
  ['negative', -1],
  ['negative zero', new RawJson('-0')],
  ['fraction', 0.5],
  ['fen with a fraction', 100.01],
  ['max safe integer', MAX],
  ['unsafe integer 2^53', new RawJson('9007199254740992')],
  ['2^63', new RawJson('9223372036854775808')],
  ['1e21', 1e21],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['overflow to Infinity', new RawJson('1e400')],
  ['number as a string', '100'],
  ['boolean as a string', 'true'],
  // Wrong types and operator objects
  ['null', null],
  ['true', true],
  ['false', false],
  ['empty array', []],
  ['array of strings', ['a', 'b']],
  ['array of 100,000 numbers', new Array(100_000).fill(1)],
  ['empty object', {}],
  ['operator $gt', { $gt: '' }],
  ['operator $ne', { $ne: null }],
  ['operator $where', { $where: 'sleep(1000)' }],
  ['operator $regex', { $regex: '.*' }],
  ['__proto__ key', protoKeyed({ polluted: 'yes', isAdmin: true, grants: [{ role: 'city', scopeId: 'city' }] })],
  ['constructor.prototype', { constructor: { prototype: { polluted: 'yes' } } }],
  ['toString key', { toString: 'x', valueOf: 1 }],
  ['object nested 2,000 deep', nested(2_000)],
];

/** Whole payloads that are not the object an action expects. */
export const HOSTILE_PAYLOADS: readonly (readonly [string, unknown])[] = [
  ['payload null', null],
  ['payload array', []],
  ['payload string', 'payload'],
  ['payload number', 42],
  ['payload true', true],
  ['payload operator', { $gt: '' }],
  ['payload __proto__', protoKeyed({ polluted: 'yes' })],
  ['payload constructor', { constructor: { prototype: { polluted: 'yes' } } }],
  ['payload nested 2,000 deep', nested(2_000)],
  ['payload of 5,000 keys', Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]))],
];

/** Keys a caller might add hoping to be read: identity claims and prototype keys. */
export const INJECTED_KEYS = ['openid', 'role', 'grants', '__proto__', 'constructor'] as const;

/** `payload` with `path` (a.b.0.c) set to `value`, as an own property at every step. */
export function withValue(payload: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(payload) as Record<string, unknown>;
  const parts = path.split('.');
  let target: any = copy;
  for (const part of parts.slice(0, -1)) target = target[part];
  Object.defineProperty(target, parts[parts.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Every path of a payload that holds a value: top-level keys, and the first element of arrays and nested objects. */
export function pathsOf(payload: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(payload)) {
    paths.push(key);
    if (Array.isArray(value) && value.length > 0) {
      paths.push(`${key}.0`);
      if (value[0] && typeof value[0] === 'object') for (const inner of Object.keys(value[0])) paths.push(`${key}.0.${inner}`);
    } else if (value && typeof value === 'object') {
      for (const inner of Object.keys(value)) paths.push(`${key}.${inner}`);
    }
  }
  return paths;
}

/** JSON text of `value`, with RawJson tokens written as they are. */
export function toJson(value: unknown): string {
  const tokens: string[] = [];
  const text = JSON.stringify(value, (_key, inner) => {
    if (inner instanceof RawJson) {
      tokens.push(inner.text);
      return `\u0000raw${tokens.length - 1}\u0000`;
    }
    return inner;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_match, index) => tokens[Number(index)]);
}

/** Request bodies that are broken before any action is read. */
export const HOSTILE_BODIES: readonly (readonly [string, string])[] = [
  ['empty body', ''],
  ['not JSON', 'action=proposal.get'],
  ['truncated JSON', '{"action":"proposal.get","payload":{'],
  ['JSON null', 'null'],
  ['JSON array', '[{"action":"directory.get"}]'],
  ['JSON string', '"directory.get"'],
  ['byte order mark first', '\uFEFF{"action":"directory.get","payload":{}}'],
  ['duplicate action keys', '{"action":"directory.get","action":"role.grant","payload":{"openid":"u-x","role":"city","scopeId":"city"}}'],
  ['action as an array', '{"action":["directory.get"],"payload":{}}'],
  ['action as an object', '{"action":{"$gt":""},"payload":{}}'],
  ['action __proto__', '{"action":"__proto__","payload":{}}'],
  ['action constructor', '{"action":"constructor","payload":{}}'],
  ['action toString', '{"action":"toString","payload":{}}'],
  ['action hasOwnProperty', '{"action":"hasOwnProperty","payload":{}}'],
  ['action with NUL', '{"action":"directory.get\\u0000","payload":{}}'],
  ['action in capitals', '{"action":"DIRECTORY.GET","payload":{}}'],
  ['body __proto__', '{"__proto__":{"action":"role.grant"},"payload":{}}'],
  ['arrays nested 100,000 deep', `{"action":"directory.get","payload":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ['body over 1 MB', `{"action":"directory.get","payload":{"x":"${'a'.repeat(1_100_000)}"}}`],
];
