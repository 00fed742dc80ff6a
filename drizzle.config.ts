import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/db/schema/org.ts', './server/db/schema/users.ts', './server/db/schema/audit.ts'],
  out: './server/db/migrations',
});
