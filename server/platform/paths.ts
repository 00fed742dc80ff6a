import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${start}`);
    dir = up;
  }
  return dir;
}

/** The project's root folder, found from this file whether it runs from server/ (tsx, tests) or dist/server/. */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
