import { createHash, randomBytes } from 'node:crypto';

/** A new opaque bearer token (256 bits, base64url). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores of a token: its SHA-256, so a leaked table does not leak sessions. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'jiceng_session';
