import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CryptoBox } from './crypto-box.js';

/**
 * The seal and open of CryptoBox before its IVs came from a pool (randomBytes(16) per seal), copied as they were,
 * except that seal can be given the IV: what CryptoBox stores must stay readable by this code and the other way round.
 */
class ReferenceBox {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKeyHex: string) {
    const master = Buffer.from(masterKeyHex, 'hex');
    const derive = (info: string, len: number) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, len));
    this.encKey = derive('jiceng/pii/enc', 16);
    this.macKey = derive('jiceng/pii/mac', 32);
  }

  seal(plain: string, iv: Buffer = randomBytes(16)): string {
    const c = createCipheriv('sm4-cbc', this.encKey, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const mac = createHmac('sm3', this.macKey).update(iv).update(ct).digest();
    return `v1:${Buffer.concat([iv, ct, mac]).toString('base64')}`;
  }

  open(sealed: string): string {
    if (!sealed.startsWith('v1:')) throw new Error('unknown ciphertext format');
    const buf = Buffer.from(sealed.slice(3), 'base64');
    if (buf.length < 16 + 16 + 32) throw new Error('ciphertext too short');
    const iv = buf.subarray(0, 16);
    const ct = buf.subarray(16, buf.length - 32);
    const mac = buf.subarray(buf.length - 32);
    const expected = createHmac('sm3', this.macKey).update(iv).update(ct).digest();
    if (!mac.equals(expected)) throw new Error('ciphertext failed authentication');
    const d = createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
  }
}

/** A random string of `n` characters mixing ASCII, CJK (3 UTF-8 bytes) and astral characters (4 bytes, a surrogate pair). */
function randomText(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const kind = randomInt(3);
    s += kind === 0 ? String.fromCharCode(32 + randomInt(95)) : kind === 1 ? String.fromCharCode(0x4e00 + randomInt(0x5000)) : String.fromCodePoint(0x1f600 + randomInt(64));
  }
  return s;
}

const ivOf = (sealed: string) => Buffer.from(sealed.slice(3), 'base64').subarray(0, 16);

describe('CryptoBox', () => {
  const key = randomBytes(32).toString('hex');
  const box = new CryptoBox(key);
  const reference = new ReferenceBox(key);
  const samples = ['', 'a', '13912345678', JSON.stringify({ name: '王先生', phone: '13912345678' }), 'x'.repeat(16), '😀'.repeat(40)];
  for (let n = 0; n <= 100; n++) samples.push(randomText(n));

  it('opens what it sealed', () => {
    for (const s of samples) expect(box.open(box.seal(s))).toBe(s);
  });

  it('seals as before: v1: + base64(iv | SM4-CBC ciphertext | HMAC-SM3), byte for byte the old output for the same IV', () => {
    for (const s of samples) {
      const sealed = box.seal(s);
      expect(sealed).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
      const raw = Buffer.from(sealed.slice(3), 'base64');
      expect(raw.length).toBe(16 + ((Buffer.byteLength(s, 'utf8') >> 4) + 1) * 16 + 32);
      expect(sealed).toBe(reference.seal(s, ivOf(sealed)));
      expect(reference.open(sealed)).toBe(s);
      expect(box.open(reference.seal(s))).toBe(s);
    }
  });

  it('never repeats an IV, across many refills of the pool', () => {
    const seen = new Set<string>();
    const calls = 5_000; // 4 KiB pool = 256 IVs, so about 20 refills
    for (let i = 0; i < calls; i++) seen.add(ivOf(box.seal('same text')).toString('hex'));
    expect(seen.size).toBe(calls);
  });

  it('refuses a ciphertext that was altered or sealed with another key', () => {
    const sealed = box.seal('13912345678');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    for (const at of [0, 20, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at]! ^= 1;
      expect(() => box.open(`v1:${bad.toString('base64')}`)).toThrow(expect.objectContaining({ code: 'integrity_violation' }));
    }
    expect(() => new CryptoBox(randomBytes(32).toString('hex')).open(sealed)).toThrow(expect.objectContaining({ code: 'integrity_violation' }));
  });
});
