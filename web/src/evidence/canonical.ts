/**
 * The canonical encoding of an audit entry (jiceng-audit-v1), byte for byte as server/audit/canonical.ts writes it,
 * so the browser can recompute an entry's leaf hash from its fields alone (docs/EVIDENCE.md, "Canonical encoding"):
 *
 *   bytes = UTF-8("jiceng-audit-v1\n") || UTF-8(CJSON(entry))
 *
 * CJSON is JSON without whitespace, object keys sorted by Unicode code point, numbers and strings as
 * JSON.stringify writes them; lone surrogates, unsafe integers, non-finite numbers and non-plain objects are
 * refused. canonical.node.test.ts holds this module to the server's on the same inputs.
 */
import { utf8 } from './bytes.js';

/** The version tag that starts every encoded entry. */
export const ENTRY_ENCODING_TAG = 'jiceng-audit-v1\n';

/** A value outside CJSON, or an entry of the wrong shape: such an entry cannot be in the log. */
export class CanonicalError extends Error {
  readonly path: string;

  constructor(path: string, why: string) {
    super(`${path || '(root)'}: ${why}`);
    this.name = 'CanonicalError';
    this.path = path;
  }
}

const LONE_SURROGATE = /\p{Cs}/u;

/** Orders strings by Unicode code point (JavaScript's sort compares UTF-16 units, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; ) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(i) as number;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

function encodeString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) throw new CanonicalError(path, 'string holds a lone surrogate');
  return JSON.stringify(s);
}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return encodeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalError(path, `number ${value} is not finite`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw new CanonicalError(path, `integer ${value} is not safe`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalError(path, `${typeof value} is not JSON`);
  }
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new CanonicalError(`${path}[${i}]`, 'array hole');
      parts.push(encode(value[i], `${path}[${i}]`));
    }
    return `[${parts.join(',')}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new CanonicalError(path, 'only plain objects are JSON');
  const record = value as Record<string, unknown>;
  const parts = Object.keys(record)
    .sort(compareCodePoints)
    .map((k) => {
      const at = path ? `${path}.${k}` : k;
      if (record[k] === undefined) throw new CanonicalError(at, 'undefined');
      return `${encodeString(k, at)}:${encode(record[k], at)}`;
    });
  return `{${parts.join(',')}}`;
}

/** CJSON of a value; throws CanonicalError on values outside it. */
export function canonicalJson(value: unknown): string {
  return encode(value, '');
}

/** The canonical bytes of an audit entry; throws CanonicalError when the entry has the wrong shape. */
export function encodeEntry(entry: unknown): Uint8Array {
  assertEntryShape(entry);
  return utf8(ENTRY_ENCODING_TAG + canonicalJson(entry));
}

const ISO_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SHA256_RE = /^[0-9a-f]{64}$/;
const ENTRY_KEYS = ['seq', 'at', 'actorId', 'actorRole', 'unitId', 'action', 'subjectType', 'subjectId', 'changes', 'reason', 'requestId', 'clientAddress', 'attachments'];

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isInstant = (v: unknown): boolean => typeof v === 'string' && ISO_INSTANT_RE.test(v) && new Date(v).toISOString() === v;

/** The entry rules of server/audit/entry.ts (strict keys, types, one time spelling), as plain checks. */
function assertEntryShape(e: unknown): void {
  if (!isPlain(e)) throw new CanonicalError('', 'an entry must be an object');
  const keys = Object.keys(e);
  const extra = keys.find((k) => !ENTRY_KEYS.includes(k));
  if (extra !== undefined) throw new CanonicalError(extra, 'unknown key');
  const missing = ENTRY_KEYS.find((k) => !(k in e));
  if (missing !== undefined) throw new CanonicalError(missing, 'missing');
  const fail = (key: string, why: string): never => {
    throw new CanonicalError(key, why);
  };
  if (!isCount(e.seq)) fail('seq', 'must be a safe integer ≥ 0');
  if (!isInstant(e.at)) fail('at', 'must be like 2026-11-22T08:00:00.000Z');
  for (const k of ['actorId', 'actorRole', 'unitId', 'reason', 'requestId', 'clientAddress']) {
    if (e[k] !== null && typeof e[k] !== 'string') fail(k, 'must be a string or null');
  }
  for (const k of ['action', 'subjectType', 'subjectId']) {
    if (typeof e[k] !== 'string' || e[k] === '') fail(k, 'must be a non-empty string');
  }
  if (e.changes !== null) {
    if (!isPlain(e.changes)) fail('changes', 'must be an object or null');
    for (const [field, change] of Object.entries(e.changes as Record<string, unknown>)) {
      if (!isPlain(change) || Object.keys(change).length !== 2 || !('before' in change) || !('after' in change)) {
        fail(`changes.${field}`, 'must be {before, after}');
      }
    }
  }
  if (e.attachments !== null) {
    if (!Array.isArray(e.attachments)) fail('attachments', 'must be a list or null');
    (e.attachments as unknown[]).forEach((a, i) => {
      const ok = isPlain(a) && Object.keys(a).length === 3 && typeof a.name === 'string' && a.name !== '' && typeof a.sha256 === 'string' && SHA256_RE.test(a.sha256) && isCount(a.size);
      if (!ok) fail(`attachments[${i}]`, 'must be {name, sha256, size}');
    });
  }
}
