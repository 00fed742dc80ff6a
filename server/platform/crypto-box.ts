import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync, timingSafeEqual } from 'node:crypto';
import { AppError } from './errors.js';

/**
 * A pool of CSPRNG output that seal() takes its IVs from, 16 bytes at a time, refilled when used up — the way Node's
 * own crypto.randomUUID() buffers randomness. A synchronous randomBytes(16) per seal cost about 6 µs of the ~15 µs a
 * seal took (each call is a crypto job of its own); one randomFillSync of 4 KiB serves 256 IVs for about the price of
 * one. The bytes are the same CSPRNG output randomBytes would give, so IVs stay unpredictable; IVs are public anyway
 * (they go out in the ciphertext), so holding the next few in memory reveals nothing. Each byte is handed out once:
 * the offset only moves forward and goes back to 0 only after a successful refill.
 */
const IV_BYTES = 16;
const ivPool = Buffer.alloc(4096); // a multiple of IV_BYTES; its own ArrayBuffer, not a slice of Node's shared pool
let ivOffset = ivPool.length; // empty: the first call fills it

/** The next unused 16 bytes of the pool, as a copy (a view would change under its holder at the next refill). */
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool); // if this throws, ivOffset is unchanged and the next call tries again
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

/**
 * Encrypts personal data at rest with SM4 (GB/T 32907) in CBC mode with a random IV, then authenticates it with
 * HMAC-SM3 (encrypt-then-MAC; this OpenSSL has no SM4-GCM). Keys are derived from one 256-bit master key.
 */
export class CryptoBox {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKeyHex: string) {
    const master = Buffer.from(masterKeyHex, 'hex');
    if (master.length !== 32) throw new AppError('config_invalid', 'data key must be 32 bytes (64 hex characters)');
    const derive = (info: string, len: number) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, len));
    this.encKey = derive('jiceng/pii/enc', 16);
    this.macKey = derive('jiceng/pii/mac', 32);
    this.indexKey = derive('jiceng/pii/index', 32);
  }

  /**
   * Encrypts a string; the result is `v1:` + base64(iv | ciphertext | mac).
   * The cipher and the HMAC are set up per call on purpose: HMAC-SM3 from hash states keyed once and copied per call
   * measured slower than createHmac, and CBC by hand on a reused SM4-ECB cipher no faster than createCipheriv.
   */
  seal(plain: string): string {
    const iv = nextIv();
    const c = createCipheriv('sm4-cbc', this.encKey, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const mac = createHmac('sm3', this.macKey).update(iv).update(ct).digest();
    return `v1:${Buffer.concat([iv, ct, mac]).toString('base64')}`;
  }

  /** Decrypts what seal() made; throws integrity_violation if it was altered or sealed with another key. */
  open(sealed: string): string {
    if (!sealed.startsWith('v1:')) throw new AppError('integrity_violation', 'unknown ciphertext format');
    const buf = Buffer.from(sealed.slice(3), 'base64');
    if (buf.length < 16 + 16 + 32) throw new AppError('integrity_violation', 'ciphertext too short');
    const iv = buf.subarray(0, 16);
    const ct = buf.subarray(16, buf.length - 32);
    const mac = buf.subarray(buf.length - 32);
    const expected = createHmac('sm3', this.macKey).update(iv).update(ct).digest();
    if (!timingSafeEqual(mac, expected)) throw new AppError('integrity_violation', 'ciphertext failed authentication');
    const d = createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
  }

  /** A keyed, deterministic hash for finding a record by a personal value without storing it in clear. */
  index(value: string): string {
    return createHmac('sm3', this.indexKey).update(value.trim()).digest('hex');
  }
}

/** Masks a phone number for display (脱敏): 13812345678 → 138****5678. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const d = phone.replace(/\s+/g, '');
  if (d.length < 7) return '*'.repeat(d.length);
  return `${d.slice(0, 3)}****${d.slice(-4)}`;
}

/** Masks a Chinese resident ID number: 110101199003071234 → 110***********1234. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length <= 7 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}
