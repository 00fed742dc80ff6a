import { z } from 'zod';
import type { Deps } from '../platform/context.js';
import type { App } from '../platform/http/app-type.js';
import { ctxOf } from '../platform/http/request-context.js';
import { createUser } from './create-user.js';
import { listUsers } from './list-users.js';
import { createUserBody, listUsersQuery, updateUserBody, userView } from './schema.js';
import { updateUser } from './update-user.js';

/** User management for administrators. */
export async function userRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['users'];
  app.get(
    '/api/users',
    { schema: { tags, summary: '用户列表 Users', querystring: listUsersQuery, response: { 200: z.object({ items: z.array(userView), total: z.number(), page: z.number(), pageSize: z.number() }) } } },
    async (req) => listUsers(ctxOf(deps, req), req.query),
  );
  app.post('/api/users', { schema: { tags, summary: '新增用户 Create a user', body: createUserBody, response: { 201: z.object({ user: userView }) } } }, async (req, reply) =>
    reply.status(201).send({ user: await createUser(ctxOf(deps, req), req.body) }),
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: '修改用户 Update a user', params: z.object({ id: z.string().uuid() }), body: updateUserBody, response: { 200: z.object({ user: userView }) } } },
    async (req) => ({ user: await updateUser(ctxOf(deps, req), req.params.id, req.body) }),
  );
}
