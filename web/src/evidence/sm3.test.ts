import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './bytes.js';
import { sm3 } from './sm3.js';

const hex = (spaced: string) => spaced.replace(/\s+/g, '');

describe('SM3 (GB/T 32905-2016)', () => {
  it('gives the standard’s first example: "abc"', () => {
    expect(toHex(sm3(utf8('abc')))).toBe(hex('66c7f0f4 62eeedd9 d1f2d46b dc10e4e2 4167c487 5cf2f7a2 297da02b 8f4ba8e0'));
  });

  it('gives the standard’s second example: "abcd" sixteen times, a whole 64-byte block', () => {
    const message = utf8('abcd'.repeat(16));
    expect(message.length).toBe(64);
    expect(toHex(sm3(message))).toBe(hex('debe9ff9 2275b8a1 38604889 c18e5a4d 6fdb70e5 387e5765 293dcba3 9c0c5732'));
  });

  it('gives the empty-tree hash docs/EVIDENCE.md names for the empty string', () => {
    // docs/EVIDENCE.md abbreviates it as 1ab21d83…aa2b; the whole digest, so a wrong middle cannot pass.
    expect(toHex(sm3(new Uint8Array(0)))).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  it('changes completely when one bit of the input changes', () => {
    const a = sm3(utf8('jiceng-audit-v1\n{"seq":0}'));
    const b = sm3(utf8('jiceng-audit-v1\n{"seq":1}'));
    let differing = 0;
    for (let i = 0; i < 32; i++) differing += a[i] === b[i] ? 0 : 1;
    expect(differing).toBeGreaterThan(24);
  });
});
