import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure modules (menu table, tree building, colours, API client); no browser, no server.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['web/src/**/*.test.ts'],
    environment: 'node',
  },
});
