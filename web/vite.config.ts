import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

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
        // ECharts is only reached from the lazy map page, so its chunk loads only there.
        // antd: the parts shared by two or more chunks (the entry and the lazy pages) form one vendor chunk;
        // components used by a single lazy page (Table on the users page) stay in that page's chunk.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|dayjs)[\\/]/, minShareCount: 2, priority: 20 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/, priority: 10 },
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
