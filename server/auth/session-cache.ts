/**
 * Signed-in callers, remembered for a few seconds so that a busy client (a grid worker's app, the intake benchmark)
 * does not cost a session lookup per request. Logging out and changing an account evict at once in this process;
 * another instance notices within TTL_MS. A session's own expiry is checked on every hit.
 */
import type { Db } from '../db/client.js';
import type { Authenticated } from './authenticate.js';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  auth: Authenticated;
  expiresAt: Date;
  cachedAt: number;
}

/** One process's remembered sessions of one database, by token hash. */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  /** The caller of a token hash, if remembered, fresh and not expired at `now`. */
  get(hash: string, now: Date): Authenticated | null {
    const e = this.entries.get(hash);
    if (!e) return null;
    if (performance.now() - e.cachedAt > TTL_MS || e.expiresAt <= now) {
      this.entries.delete(hash);
      return null;
    }
    return e.auth;
  }

  /** Remembers a caller until the TTL passes or the session expires, whichever is first. */
  set(hash: string, auth: Authenticated, expiresAt: Date): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(hash, { auth, expiresAt, cachedAt: performance.now() });
  }

  /** Forgets one session (logout). */
  evictToken(hash: string): void {
    this.entries.delete(hash);
  }

  /** Forgets every session of a user (disabled, new password, new role or unit). */
  evictUser(userId: string): void {
    for (const [hash, e] of this.entries) if (e.auth.actor.id === userId) this.entries.delete(hash);
  }
}

const caches = new WeakMap<Db, SessionCache>();

/** The session cache of a database handle (one per process and database). */
export function sessionCacheOf(db: Db): SessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new SessionCache()));
  return cache;
}
