import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/db/schema/org.ts', './server/db/schema/users.ts', './server/db/schema/audit.ts', './server/db/schema/cases.ts', './server/db/schema/dispatch.ts', './server/db/schema/evidence.ts', './server/db/schema/cockpit.ts'],
  out: './server/db/migrations',
});
