import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors.js';
import { canonicalJson, compareCodePoints, encodeEntry, entryLeafHash } from './canonical.js';
import type { AuditEntry } from './entry.js';
import { toHex } from './hash.js';

const entry: AuditEntry = {
  seq: 7,
  at: '2026-11-22T08:00:00.000Z',
  actorId: 'u-102',
  actorRole: 'handler',
  unitId: 'unit-城管',
  action: 'case.resolve',
  subjectType: 'case',
  subjectId: 'C-2026-0001',
  changes: { status: { before: 'accepted', after: 'resolved' }, amount: { before: null, after: 1.5 } },
  reason: '已清理占道堆放物',
  requestId: 'req-1',
  clientAddress: '10.0.0.8',
  attachments: [{ name: '现场照片.jpg', sha256: 'ab'.repeat(32), size: 20480 }],
};

// Written by hand from the definition in canonical.ts, not produced by the code under test.
const EXPECTED =
  'jiceng-audit-v1\n' +
  '{"action":"case.resolve","actorId":"u-102","actorRole":"handler","at":"2026-11-22T08:00:00.000Z",' +
  `"attachments":[{"name":"现场照片.jpg","sha256":"${'ab'.repeat(32)}","size":20480}],` +
  '"changes":{"amount":{"after":1.5,"before":null},"status":{"after":"resolved","before":"accepted"}},' +
  '"clientAddress":"10.0.0.8","reason":"已清理占道堆放物","requestId":"req-1","seq":7,' +
  '"subjectId":"C-2026-0001","subjectType":"case","unitId":"unit-城管"}';

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)]));
  }
  return v;
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isAppError(e) ? e.code : 'not an AppError';
  }
  return undefined;
}

describe('canonical entry encoding', () => {
  it('gives exactly the bytes the definition describes', () => {
    expect(Buffer.from(encodeEntry(entry)).toString('utf8')).toBe(EXPECTED);
  });

  it.each(['sm3', 'sha256'] as const)('%s leaf hash is H(0x00 || bytes)', (alg) => {
    const want = createHash(alg).update(Buffer.concat([Buffer.of(0), Buffer.from(EXPECTED, 'utf8')])).digest('hex');
    expect(toHex(entryLeafHash(alg, entry))).toBe(want);
  });

  it('does not depend on key order', () => {
    const shuffled = reversedKeys(entry) as AuditEntry;
    expect(Object.keys(shuffled)[0]).toBe('attachments');
    expect(Buffer.from(encodeEntry(shuffled)).toString('utf8')).toBe(EXPECTED);
  });

  it('any field change changes the leaf hash', () => {
    const base = toHex(entryLeafHash('sm3', entry));
    const variants: AuditEntry[] = [
      { ...entry, seq: 8 },
      { ...entry, at: '2026-11-22T08:00:00.001Z' },
      { ...entry, actorId: null },
      { ...entry, reason: '已清理占道堆放物。' },
      { ...entry, changes: { ...entry.changes, status: { before: 'accepted', after: 'closed' } } },
      { ...entry, attachments: [{ name: '现场照片.jpg', sha256: 'ab'.repeat(32), size: 20481 }] },
    ];
    for (const v of variants) expect(toHex(entryLeafHash('sm3', v))).not.toBe(base);
  });

  it('orders keys by code point, not by UTF-16 unit', () => {
    // U+FFFF sorts before U+1F600 by code point; JavaScript's default sort puts the surrogate pair first.
    expect(canonicalJson({ '😀': 2, '\uffff': 1 })).toBe('{"\uffff":1,"😀":2}');
    expect(['😀', '\uffff'].sort()).toEqual(['😀', '\uffff']);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
  });

  it('writes strings and numbers as JSON.stringify does', () => {
    expect(canonicalJson('a"b\\c\n\u0001\u2028中')).toBe('"a\\"b\\\\c\\n\\u0001\u2028中"');
    expect(canonicalJson([0.1, -0, 1e-7, 100, -3, true, null])).toBe('[0.1,0,1e-7,100,-3,true,null]');
    expect(canonicalJson({ b: [], a: {} })).toBe('{"a":{},"b":[]}');
  });

  it('refuses values JSON cannot carry exactly', () => {
    const bad: unknown[] = [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      2 ** 53,
      1e21,
      undefined,
      { a: undefined },
      10n,
      () => 1,
      Symbol('x'),
      new Date(0),
      new Map(),
      [1, , 3], // eslint-disable-line no-sparse-arrays
      'lone \ud800 surrogate',
      { ['\udc00']: 1 },
    ];
    for (const v of bad) expect(codeOf(() => canonicalJson(v))).toBe('bad_request');
  });

  it('refuses malformed entries with bad_request', () => {
    const { reason: _dropped, ...missing } = entry;
    const bad: unknown[] = [
      missing,
      { ...entry, extra: 1 },
      { ...entry, seq: -1 },
      { ...entry, seq: 1.5 },
      { ...entry, seq: 2 ** 53 },
      { ...entry, at: '2026-11-22T08:00:00Z' },
      { ...entry, at: '2026-11-22T16:00:00.000+08:00' },
      { ...entry, at: '2026-02-30T00:00:00.000Z' },
      { ...entry, action: '' },
      { ...entry, actorId: undefined },
      { ...entry, changes: { status: { after: 'x' } } },
      { ...entry, changes: { status: { before: 1, after: Number.NaN } } },
      { ...entry, changes: { status: { before: new Date(0), after: 1 } } },
      { ...entry, attachments: [{ name: 'a', sha256: 'AB'.repeat(32), size: 1 }] },
      { ...entry, attachments: [{ name: 'a', sha256: 'ab'.repeat(32), size: -1 }] },
    ];
    for (const v of bad) expect(codeOf(() => encodeEntry(v as AuditEntry)), JSON.stringify(v)).toBe('bad_request');
  });
});
