/**
 * SM3, the Chinese national hash standard (GB/T 32905-2016), for checking evidence in the browser: WebCrypto has no
 * SM3, and the evidence log hashes with it by default. Synchronous and dependency-free; inputs here are a few hundred
 * bytes (an audit entry, two child hashes), so clarity wins over speed.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;
const p0 = (x: number): number => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number): number => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

// T_j rotated left by j mod 32, computed once: the compression function only ever uses it that way.
const T_ROTATED = Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

/** The message padded to whole 64-byte blocks: a 1 bit, zeros, then the bit length as 64-bit big-endian. */
function pad(message: Uint8Array): Uint8Array {
  const blocks = Math.ceil((message.length + 9) / 64);
  const out = new Uint8Array(blocks * 64);
  out.set(message);
  out[message.length] = 0x80;
  const view = new DataView(out.buffer);
  const bits = message.length * 8;
  // Split so inputs beyond 512 MiB (bit length past 2^32) still encode right.
  view.setUint32(out.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(out.length - 4, bits >>> 0);
  return out;
}

function compress(v: number[], block: DataView, offset: number): void {
  const w = new Array<number>(68);
  for (let j = 0; j < 16; j++) w[j] = block.getUint32(offset + j * 4);
  for (let j = 16; j < 68; j++) {
    const x = (w[j - 16] as number) ^ (w[j - 9] as number) ^ rotl(w[j - 3] as number, 15);
    w[j] = (p1(x) ^ rotl(w[j - 13] as number, 7) ^ (w[j - 6] as number)) >>> 0;
  }
  let [a, b, c, d, e, f, g, h] = v as [number, number, number, number, number, number, number, number];
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + (T_ROTATED[j] as number)) >>> 0, 7);
    const ss2 = (ss1 ^ a12) >>> 0;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const wj = w[j] as number;
    const tt1 = ((ff >>> 0) + d + ss2 + ((wj ^ (w[j + 4] as number)) >>> 0)) >>> 0;
    const tt2 = ((gg >>> 0) + h + ss1 + wj) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  const next = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) v[i] = ((v[i] as number) ^ (next[i] as number)) >>> 0;
}

/** The 32-byte SM3 digest of a byte string. */
export function sm3(message: Uint8Array): Uint8Array {
  const padded = pad(message);
  const view = new DataView(padded.buffer);
  const v = [...IV];
  for (let offset = 0; offset < padded.length; offset += 64) compress(v, view, offset);
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  v.forEach((word, i) => outView.setUint32(i * 4, word));
  return out;
}
