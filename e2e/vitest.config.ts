import { defineConfig } from 'vitest/config';

// Browser journeys: one server and one Chromium at a time, with room for a cold start of the embedded database.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
