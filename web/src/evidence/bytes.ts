/** Byte helpers for checking evidence in the browser, where there is no Buffer: hex, base64, UTF-8, PEM. */

const HEX_RE = /^(?:[0-9a-f]{2})*$/;

/** Lowercase hex of bytes, the spelling hashes have in the evidence JSON. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Bytes of lowercase, even-length hex; null for any other spelling, so one value has one spelling. */
export function fromHex(hex: string): Uint8Array | null {
  if (typeof hex !== 'string' || !HEX_RE.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Standard base64 (with padding) of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Bytes of standard base64; null when it is not base64 at all. */
export function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** UTF-8 bytes of a well-formed string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The concatenation of byte strings. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** True when two byte strings are equal (hashes are public: no constant-time need). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The DER bytes of a PEM public key (SubjectPublicKeyInfo); null when it is not one. */
export function pemToDer(pem: string): Uint8Array | null {
  const match = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem);
  if (!match?.[1]) return null;
  return fromBase64(match[1].replace(/\s+/g, ''));
}
