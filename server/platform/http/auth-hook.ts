import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../../auth/authenticate.js';
import { SESSION_COOKIE } from '../../auth/session-token.js';
import type { Deps } from '../context.js';

/** The token of a request: the bearer header wins over the session cookie. */
export function tokenOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/** Resolves the caller of every request once, before its handler runs. */
export function registerAuthHook(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const token = tokenOf(req);
    req.auth = token ? await authenticate(deps, token) : null;
  });
}
