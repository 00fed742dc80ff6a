import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { categories } from '../db/schema/cases.js';
import type { Deps } from '../platform/context.js';
import type { App } from '../platform/http/app-type.js';

const categoryView = z.object({ id: z.string(), parentId: z.string().nullable(), level: z.number(), code: z.string(), name: z.string() });

/**
 * The problem taxonomy (问题分类) for report forms and dispatch. Open to signed-out callers too: the public report form
 * offers it, and category names are no secret.
 */
export async function categoryRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/categories',
    {
      schema: { tags: ['cases'], summary: '问题分类 The active categories, flat (parentId links the levels)', response: { 200: z.object({ items: z.array(categoryView) }) } },
      // Each call reads the database, so signed-out callers are limited per address like public intake.
      config: { rateLimit: { max: deps.config.JICENG_PUBLIC_READ_PER_MINUTE, timeWindow: 60_000, allowList: (req) => req.auth !== null } },
    },
    async (_req, reply) => {
      const items = await deps.db
        .select({ id: categories.id, parentId: categories.parentId, level: categories.level, code: categories.code, name: categories.name })
        .from(categories)
        .where(eq(categories.active, true))
        .orderBy(asc(categories.code));
      // The taxonomy changes rarely; a short private cache spares a phone the reload on every form.
      return reply.header('cache-control', 'private, max-age=300').send({ items });
    },
  );
}
