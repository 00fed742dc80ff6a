import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evidenceRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { caseImportRoutes } from './cases/import-routes.js';
import { categoryRoutes } from './cases/category-routes.js';
import { caseRoutes } from './cases/routes.js';
import { messageRoutes } from './notifications/routes.js';
import { orgRoutes } from './org/routes.js';
import type { Deps } from './platform/context.js';
import type { App } from './platform/http/app-type.js';
import { registerAuthHook } from './platform/http/auth-hook.js';
import { errorHandler, notFoundHandler } from './platform/http/error-handler.js';
import { projectRoot } from './platform/paths.js';
import { userRoutes } from './users/routes.js';
import { dispatchRoutes } from './dispatch/routes.js';
import { cockpitRoutes } from './cockpit/routes.js';

/** The features, each registering its own routes; later features add a line here. */
const features = [authRoutes, orgRoutes, userRoutes, caseRoutes, categoryRoutes, caseImportRoutes, messageRoutes, evidenceRoutes, dispatchRoutes, cockpitRoutes];

/** Builds the HTTP application: plugins, the error handler, every feature's routes and the built web app. */
export async function buildApp(deps: Deps, options: { logger?: FastifyServerOptions['logger']; webDir?: string | null } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '基层通 jiceng API', description: '基层治理平台接口 — the grassroots governance platform API', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'jiceng_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerAuthHook(app, deps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: '健康检查 Health', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']) }) } } },
    async () => {
      await deps.database.query('select 1');
      return { status: 'ok' as const, database: deps.database.kind };
    },
  );
  for (const feature of features) await feature(app, deps);

  const webDir = options.webDir === undefined ? path.join(projectRoot, 'dist', 'web') : options.webDir;
  const hasWeb = !!webDir && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, maxAge: '1h' });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      // The web app routes on the client: every page URL gets index.html.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return notFoundHandler(req, reply);
  });
  return app;
}
