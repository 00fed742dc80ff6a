// Checks the browser's SM3 against Node's OpenSSL SM3 (the one the server hashes the log with) on many lengths.
import { createHash, getHashes, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.js';
import { sm3 } from './sm3.js';

describe.runIf(getHashes().includes('sm3'))('SM3 agrees with OpenSSL', () => {
  it('on every length from 0 to 300 bytes, across the padding boundaries at 55, 56, 63 and 64', () => {
    for (let n = 0; n <= 300; n++) {
      const input = randomBytes(n);
      expect(toHex(sm3(new Uint8Array(input))), `length ${n}`).toBe(createHash('sm3').update(input).digest('hex'));
    }
  });

  it('on a 100 kB input', () => {
    const input = randomBytes(100_000);
    expect(toHex(sm3(new Uint8Array(input)))).toBe(createHash('sm3').update(input).digest('hex'));
  });
});
