import type { Deps } from '../platform/context.js';
import { tokenOf } from '../platform/http/auth-hook.js';
import type { App } from '../platform/http/app-type.js';
import { metaOf, requireActor } from '../platform/http/request-context.js';
import { logout } from './authenticate.js';
import { login } from './login.js';
import { loginBody, loginReply, meReply } from './schema.js';
import { SESSION_COOKIE } from './session-token.js';

/** Sign-in, sign-out and the current user. */
export async function authRoutes(app: App, deps: Deps): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录 Sign in', body: loginBody, response: { 200: loginReply } },
      config: { rateLimit: { max: deps.config.JICENG_LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const result = await login({ ...deps, meta: metaOf(req) }, req.body);
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.JICENG_COOKIE_SECURE,
        expires: result.expiresAt,
      });
      return { token: result.token, user: result.user };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出 Sign out' } }, async (req, reply) => {
    const token = tokenOf(req);
    if (token) await logout(deps, token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/me', { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: meReply } } }, async (req) => {
    const actor = requireActor(req);
    const unitName = req.auth?.unitName ?? '';
    return { user: { id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role, unitId: actor.unitId, unitName } };
  });
}
