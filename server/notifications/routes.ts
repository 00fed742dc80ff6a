import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { messages } from '../db/schema/cases.js';
import type { Deps } from '../platform/context.js';
import { notFoundOrNoAccess } from '../platform/errors.js';
import type { App } from '../platform/http/app-type.js';
import { requireActor } from '../platform/http/request-context.js';

const messageView = z.object({ id: z.string(), title: z.string(), body: z.string(), caseId: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() });

/** The signed-in user's in-app messages (站内消息). */
export async function messageRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['messages'];
  app.get(
    '/api/messages',
    {
      schema: {
        tags,
        summary: '我的消息 My messages',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: z.object({ items: z.array(messageView), unread: z.number() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const mine = eq(messages.userId, actor.id);
      const [rows, [unread]] = await Promise.all([
        deps.db.select().from(messages).where(req.query.unread === 'true' ? and(mine, isNull(messages.readAt)) : mine).orderBy(desc(messages.createdAt)).limit(req.query.limit),
        deps.db.select({ n: count() }).from(messages).where(and(mine, isNull(messages.readAt))),
      ]);
      return {
        items: rows.map((m) => ({ id: m.id, title: m.title, body: m.body, caseId: m.caseId, createdAt: m.createdAt.toISOString(), readAt: m.readAt?.toISOString() ?? null })),
        unread: unread?.n ?? 0,
      };
    },
  );
  app.post('/api/messages/:id/read', { schema: { tags, summary: '标为已读 Mark read', params: z.object({ id: z.string().uuid() }) } }, async (req, reply) => {
    const actor = requireActor(req);
    const done = await deps.db
      .update(messages)
      .set({ readAt: deps.clock.now() })
      .where(and(eq(messages.id, req.params.id), eq(messages.userId, actor.id)))
      .returning({ id: messages.id });
    if (!done.length) throw notFoundOrNoAccess('消息');
    return reply.status(204).send();
  });
}
