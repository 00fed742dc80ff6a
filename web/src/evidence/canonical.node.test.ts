// Holds the browser's canonical encoder to the server's, byte for byte: the server module produces the expected bytes.
import { describe, expect, it } from 'vitest';
import * as server from '../../../server/audit/canonical.js';
import type { AuditEntry } from '../../../server/audit/entry.js';
import { toHex } from './bytes.js';
import { CanonicalError, canonicalJson, compareCodePoints, encodeEntry } from './canonical.js';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq: 469,
  at: '2026-11-22T17:09:50.509Z',
  actorId: 'f4d7cdf2-dce9-4b77-9412-5f32801f6373',
  actorRole: 'grid_worker',
  unitId: 'd9bab3c7-1f11-4963-8226-e888ac62188e',
  action: 'received',
  subjectType: 'case',
  subjectId: '44fb97ce-b2e1-42bc-aefa-7203d05c60df',
  changes: { number: { before: null, after: 'QH-20261123-0003' }, status: { before: null, after: 'received' } },
  reason: null,
  requestId: '8c0a4b50-c2ba-45ec-a9a6-62e3184d5947',
  clientAddress: '127.0.0.1',
  attachments: [{ name: '现场照片.png', sha256: '6b7fa434f92a8b80aab02d9bf1a12e49ffcae424e4013a1c4f68b67e3d2bbcd0', size: 70 }],
  ...over,
});

/** A small seeded generator (mulberry32), so a failure names a reproducible case. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters that stress the encoders: escapes, controls, U+2028, CJK, astral (emoji, rare CJK), a BOM.
const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', 'é', '路', '灯', '\uFEFF', '😀', '𠮷', '\uFFFF', '\uE000'];
const numbers = [0, -0, 1, -1, 1.5, 0.1, 1e-7, 1e21, 123456789.123, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2.5e-300, 5e-324];

function randomValue(rnd: () => number, depth: number): unknown {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const text = () => Array.from({ length: Math.floor(rnd() * 8) }, () => pick(alphabet)).join('');
  const kind = Math.floor(rnd() * (depth > 2 ? 5 : 7));
  if (kind === 0) return null;
  if (kind === 1) return rnd() < 0.5;
  if (kind === 2) return pick(numbers) * (rnd() < 0.3 ? rnd() : 1);
  if (kind === 3 || kind === 4) return text();
  if (kind === 5) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(rnd, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 5) }, () => [text(), randomValue(rnd, depth + 1)]));
}

describe('the browser encoder writes the server’s bytes', () => {
  it('for a real entry of the log', () => {
    const e = entry();
    expect(toHex(encodeEntry(e))).toBe(toHex(server.encodeEntry(e)));
  });

  it('for entries with every optional field null, and with reasons full of escapes and astral characters', () => {
    const cases: AuditEntry[] = [
      entry({ actorId: null, actorRole: null, unitId: null, changes: null, reason: null, requestId: null, clientAddress: null, attachments: null }),
      entry({ reason: '路灯坏了 😀 "引号" \\ 反斜杠\n换行\t制表\u0000\u2028 𠮷', changes: { 'z𠮷': { before: 1.5, after: [true, null, { b: 1, a: 2 }] }, 'z\uFFFF': { before: -0, after: 1e-7 } } }),
      entry({ changes: {}, attachments: [] }),
    ];
    for (const e of cases) expect(toHex(encodeEntry(e))).toBe(toHex(server.encodeEntry(e)));
  });

  it('for 2,000 random JSON values (seeded), refusing exactly the same ones (1e21 is an unsafe integer)', () => {
    const rnd = prng(20261122);
    const outcome = (encode: (v: unknown) => string, v: unknown) => {
      try {
        return encode(v);
      } catch {
        return 'refused';
      }
    };
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const value = randomValue(rnd, 0);
      const expected = outcome(server.canonicalJson, value);
      if (expected === 'refused') refused += 1;
      expect(outcome(canonicalJson, value), `value ${i}: ${JSON.stringify(value)}`).toBe(expected);
    }
    // Most values encode; those holding 1e21 (an unsafe integer) are refused by both.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(1000);
  });

  it('sorts keys by code point exactly as the server does (astral keys sort after U+FFFF)', () => {
    const keys = ['\uFFFF', '😀', '\uE000', 'a', 'aa', '', '𠮷', 'Z'];
    expect([...keys].sort(compareCodePoints)).toEqual([...keys].sort(server.compareCodePoints));
    expect([...keys].sort(compareCodePoints).indexOf('😀')).toBeGreaterThan([...keys].sort(compareCodePoints).indexOf('\uFFFF'));
  });
});

describe('the browser encoder refuses what the server refuses', () => {
  const refusals: Array<[string, unknown]> = [
    ['a lone surrogate', entry({ reason: 'bad \ud83d tail' })],
    ['an unsafe integer', entry({ changes: { n: { before: 0, after: 2 ** 53 } } })],
    ['NaN', entry({ changes: { n: { before: 0, after: Number.NaN } } })],
    ['a Date', entry({ changes: { n: { before: 0, after: new Date(0) } } })],
    ['an unknown key', { ...entry(), extra: 1 }],
    ['a missing key', (({ reason: _r, ...rest }) => rest)(entry())],
    ['a change without after', entry({ changes: { s: { before: 1 } as { before: unknown; after: unknown } } })],
    ['a time in another spelling', entry({ at: '2026-11-22T17:09:50Z' })],
    ['an impossible date', entry({ at: '2026-02-30T00:00:00.000Z' })],
    ['a negative seq', entry({ seq: -1 })],
    ['an empty action', entry({ action: '' })],
    ['an attachment with upper-case hex', entry({ attachments: [{ name: 'a', sha256: 'A'.repeat(64), size: 1 }] })],
    ['an attachment with an extra key', entry({ attachments: [{ name: 'a', sha256: 'a'.repeat(64), size: 1, mime: 'x' } as never] })],
  ];
  it.each(refusals)('%s', (_what, value) => {
    expect(() => server.encodeEntry(value as AuditEntry)).toThrow();
    expect(() => encodeEntry(value)).toThrow(CanonicalError);
  });
});
