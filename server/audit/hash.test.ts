import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors.js';
import { assertAlgorithm, digest, emptyRoot, fromHex, leafHash, nodeHash, toHex } from './hash.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('hash algorithms', () => {
  it('SM3 is provided by this Node and matches the GB/T 32905 examples', () => {
    expect(toHex(digest('sm3', bytes('abc')))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(toHex(digest('sm3', bytes('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('empty roots are the hashes of the empty string', () => {
    expect(toHex(emptyRoot('sha256'))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(emptyRoot('sm3'))).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  it('leaf hash of the empty string is the RFC 6962 reference value', () => {
    expect(toHex(leafHash('sha256', new Uint8Array()))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });

  it.each(['sm3', 'sha256'] as const)('%s: leaf and node hashes carry the 0x00 and 0x01 prefixes', (alg) => {
    const data = bytes('基层通');
    expect(toHex(leafHash(alg, data))).toBe(createHash(alg).update(Buffer.concat([Buffer.of(0), data])).digest('hex'));
    const l = leafHash(alg, bytes('l'));
    const r = leafHash(alg, bytes('r'));
    expect(toHex(nodeHash(alg, l, r))).toBe(createHash(alg).update(Buffer.concat([Buffer.of(1), l, r])).digest('hex'));
    expect(toHex(nodeHash(alg, l, r))).not.toBe(toHex(nodeHash(alg, r, l)));
    // The prefixes keep a leaf over (l || r) apart from the node over l and r.
    expect(toHex(leafHash(alg, Buffer.concat([l, r])))).not.toBe(toHex(nodeHash(alg, l, r)));
  });

  it('refuses unknown algorithms with bad_request', () => {
    try {
      assertAlgorithm('md5');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('bad_request');
    }
  });

  it('hex is one spelling only', () => {
    expect(Array.from(fromHex('00ff10'))).toEqual([0, 255, 16]);
    expect(() => fromHex('00FF')).toThrow();
    expect(() => fromHex('abc')).toThrow();
    expect(() => fromHex('zz')).toThrow();
  });
});
