import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const antd = /node_modules[\\/](antd|@ant-design|@rc-component|dayjs)[\\/]/;
// antd's Table; its group takes what Table imports too (selects, pagination, checkboxes, filter trees), less what
// the sign-in chunk already holds.
const antdTable = /node_modules[\\/](antd[\\/]es[\\/]table|@rc-component[\\/]table)[\\/]/;

// The web app lives in web/ and imports shared constants from ../common; the server serves ../dist/web.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Vendors change rarely: separate chunks keep them cached across app releases.
        // ECharts is only reached from the lazy map and cockpit pages, so its chunks load only there; split by which
        // pages use them (entriesAware), so the map pages do not carry the cockpit's line, pie and treemap charts.
        // antd in three parts, so that signing in loads only what the sign-in page and the shell use:
        //  - 'antd': what the entry reaches statically ($initial) — forms, menu, layout, the theme;
        //  - 'antd-table': Table and everything it imports beyond that (the lazy list pages share it);
        //  - 'antd-pages': other components two or more lazy pages share (tree selects, steps, timeline …).
        // A component used by a single lazy page stays in that page's chunk. React (with react-dom) comes first,
        // or antd's group would take react-dom along as one of its dependencies.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40, entriesAware: true },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/, priority: 30 },
            { name: 'antd', test: antd, tags: ['$initial'], priority: 25 },
            { name: 'antd-table', test: antdTable, priority: 20 },
            { name: 'antd-pages', test: antd, minShareCount: 2, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    fs: { allow: [repoRoot] },
    // `npm run dev` serves the API on 3000; JICENG_API_URL points the dev server at another one.
    proxy: { '/api': process.env.JICENG_API_URL ?? 'http://localhost:3000' },
  },
});
