#!/usr/bin/env node
// The `jiceng` command: builds the server and web app when the build is missing or older than the sources, then runs
// the compiled CLI. Building here keeps `npm install && npm start` a two-command start on a fresh clone.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const newest = (dir, filter) => {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, filter));
    else if (filter(e.name)) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
};
const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);
const isSource = (n) => /\.(ts|tsx|css|html|json|svg|png)$/.test(n) && !n.endsWith('.test.ts');

if (process.env.JICENG_SKIP_BUILD !== '1') {
  const serverOut = path.join(root, 'dist', 'server', 'main.js');
  const webOut = path.join(root, 'dist', 'web', 'index.html');
  const serverSrc = Math.max(newest(path.join(root, 'server'), isSource), newest(path.join(root, 'common'), isSource));
  const webSrc = Math.max(newest(path.join(root, 'web'), isSource), newest(path.join(root, 'common'), isSource));
  const run = (script) => execSync(`npm run --silent ${script}`, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (mtime(serverOut) < serverSrc) {
    console.error('building the server (npm run build:server) …');
    run('build:server');
    fs.utimesSync(serverOut, new Date(), new Date());
  }
  if (mtime(webOut) < webSrc) {
    console.error('building the web app (npm run build:web) …');
    run('build:web');
  }
}
await import(path.join(root, 'dist', 'server', 'main.js'));
