/** A Trainer that trains in a worker thread (train-worker.ts), for the serving process's background job. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../platform/errors.js';
import type { Classifier } from './text/classifier.js';
import { classifierFromJSON } from './text/load-classifier.js';
import type { Trainer } from './train.js';
import { loadedDictionaryWords } from './user-dictionary.js';

/** The worker's file: compiled JavaScript in dist/, TypeScript when running from sources under tsx. */
function workerSource(): { source: URL | string; eval: boolean } {
  const js = new URL('./train-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { source: js, eval: false };
  // Sources run under tsx (npm run dev), whose loader a worker thread does not inherit: register it there first.
  const ts = new URL('./train-worker.ts', import.meta.url).href;
  return { source: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ts)}); })`, eval: true };
}

/** Trains in a worker thread and rebuilds the classifier from the JSON it sends back. */
export const workerTrainer: Trainer = (input) =>
  new Promise<Classifier>((resolve, reject) => {
    const w = workerSource();
    const worker = new Worker(w.source, { eval: w.eval, workerData: { words: loadedDictionaryWords(), input } });
    worker.once('message', (m: { ok: true; json: string } | { ok: false; message: string }) => {
      if (m.ok) resolve(classifierFromJSON(JSON.parse(m.json)));
      else reject(new AppError('internal', `训练失败：${m.message}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new AppError('internal', `训练线程异常退出 (exit code ${code})`));
    });
  });
