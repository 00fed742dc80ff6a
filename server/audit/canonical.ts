/**
 * Canonical encoding of an audit entry (version jiceng-audit-v1). One entry has exactly one byte string,
 * so anyone can recompute its leaf hash from the fields alone:
 *
 *   bytes = UTF-8("jiceng-audit-v1\n") || UTF-8(CJSON(entry))
 *
 * CJSON(v) is JSON with no whitespace, defined on:
 *   - null, true, false: as in JSON;
 *   - numbers: finite only; an integer must be a safe integer (|n| <= 2^53 - 1); written as JavaScript's
 *     JSON.stringify writes them (ECMAScript Number::toString, so 1.5, 100, 1e-7; -0 is written 0);
 *   - strings: well-formed Unicode (no lone surrogates), written as JSON.stringify writes them (only ", \,
 *     and U+0000–U+001F escaped; \b \f \n \r \t short forms, others \u00xx lowercase; no other escaping,
 *     no Unicode normalisation);
 *   - arrays: "[" elements joined by "," "]", in their order;
 *   - plain objects: "{" "key":value pairs joined by "," "}", keys sorted by Unicode code point, every key
 *     written as a string above.
 * Anything else (undefined, NaN, ±Infinity, unsafe integers, bigint, Date, Map, class instances, functions,
 * array holes) is refused with AppError bad_request rather than coerced. The entry itself must match
 * auditEntrySchema (entry.ts): all 13 keys present, absent values written as null.
 */
import { AppError } from '../platform/errors.js';
import { assertEntryShape, type AuditEntry } from './entry.js';
import { leafHash, type HashAlgorithm } from './hash.js';

/** The version tag that starts every encoded entry; a future encoding gets a new tag. */
export const ENTRY_ENCODING_TAG = 'jiceng-audit-v1\n';

const LONE_SURROGATE = /\p{Cs}/u;

/** Orders strings by Unicode code point (JavaScript's default sort compares UTF-16 units instead). */
export function compareCodePoints(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; ) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(i) as number;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

function refuse(path: string, why: string): never {
  throw new AppError('bad_request', `无法规范化编码 (cannot encode) ${path || '(root)'}: ${why}`, { path, why });
}

function encodeString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) refuse(path, 'string holds a lone surrogate');
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
      if (!Number.isFinite(value)) refuse(path, `number ${value} is not finite`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) refuse(path, `integer ${value} is not safe`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      refuse(path, `${typeof value} is not JSON`);
  }
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) refuse(`${path}[${i}]`, 'array hole');
      parts.push(encode(value[i], `${path}[${i}]`));
    }
    return `[${parts.join(',')}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) refuse(path, 'only plain objects are JSON');
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareCodePoints);
  const parts = keys.map((k) => {
    const at = path ? `${path}.${k}` : k;
    if (record[k] === undefined) refuse(at, 'undefined');
    return `${encodeString(k, at)}:${encode(record[k], at)}`;
  });
  return `{${parts.join(',')}}`;
}

/** CJSON of any value, as defined above; throws bad_request on values outside it. */
export function canonicalJson(value: unknown): string {
  return encode(value, '');
}

/** The canonical bytes of an audit entry: the version tag then CJSON(entry). */
export function encodeEntry(entry: AuditEntry): Uint8Array {
  assertEntryShape(entry);
  return new Uint8Array(Buffer.from(ENTRY_ENCODING_TAG + canonicalJson(entry), 'utf8'));
}

/** The Merkle leaf hash of an audit entry: H(0x00 || encodeEntry(entry)). */
export function entryLeafHash(alg: HashAlgorithm, entry: AuditEntry): Uint8Array {
  return leafHash(alg, encodeEntry(entry));
}
