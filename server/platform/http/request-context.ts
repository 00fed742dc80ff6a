import type { FastifyRequest } from 'fastify';
import type { Authenticated } from '../../auth/authenticate.js';
import type { Actor } from '../actor.js';
import type { RequestMeta } from '../audit.js';
import type { Ctx, Deps } from '../context.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

/** The audit metadata of a request. */
export function metaOf(req: FastifyRequest): RequestMeta & { userAgent: string | null } {
  return { requestId: String(req.id), clientAddress: req.ip, userAgent: req.headers['user-agent'] ?? null };
}

/** The signed-in actor of a request; 401 when there is none. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.auth) throw new AppError('unauthenticated', '请先登录 (sign in first)');
  return req.auth.actor;
}

/** Builds the use-case context of a signed-in request. */
export function ctxOf(deps: Deps, req: FastifyRequest): Ctx {
  return { ...deps, actor: requireActor(req), meta: metaOf(req) };
}
