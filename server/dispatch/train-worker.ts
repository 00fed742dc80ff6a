/**
 * Worker thread entry of background training: the SVM runs for seconds to minutes on a large ledger, which must not
 * stall the serving thread's event loop. The worker has its own segmenter, so it loads the same user dictionary
 * words first; it answers with the trained classifier's JSON (or the error's message).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { trainClassifier } from './text/classifier.js';
import type { TrainClassifierInput } from './text/classifier.js';
import { loadUserDictionary } from './text/segment.js';

const data = workerData as { words: string[]; input: TrainClassifierInput };
try {
  if (data.words.length) loadUserDictionary(data.words);
  parentPort?.postMessage({ ok: true, json: JSON.stringify(trainClassifier(data.input).toJSON()) });
} catch (e) {
  parentPort?.postMessage({ ok: false, message: (e as Error).message });
}
