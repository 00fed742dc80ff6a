import { describe, expect, it } from 'vitest';
import { BatchError, Batcher } from './batcher.js';

/** A write that records each batch and finishes when released, so a test decides what is in flight. */
function gatedWrite(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const write = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((release) => gates.push(release));
    const bad = items.find(fail);
    if (bad !== undefined) throw new Error(`item ${bad} is bad`);
    return items.map((i) => i * 10);
  };
  const releaseAll = async () => {
    while (gates.length) gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { batches, write, releaseAll };
}

describe('Batcher', () => {
  it('writes a lone item at once, and items that arrive meanwhile together in the next batch', async () => {
    const w = gatedWrite();
    const b = new Batcher(w.write, { maxBatch: 10, maxInFlight: 1 });
    const first = b.submit(1);
    expect(w.batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((i) => b.submit(i));
    expect(b.waiting).toBe(3);
    await w.releaseAll();
    expect(w.batches).toEqual([[1], [2, 3, 4]]);
    await w.releaseAll();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('starts the next batch before the callers of the finished one hear back', async () => {
    const w = gatedWrite();
    const b = new Batcher(w.write, { maxBatch: 10, maxInFlight: 1 });
    // What the first caller sees when its answer comes: whether the next batch has gone to the database already.
    const first = b.submit(1).then((v) => ({ v, batchesWritten: w.batches.length }));
    const second = b.submit(2);
    await w.releaseAll();
    expect(await first).toEqual({ v: 10, batchesWritten: 2 });
    await w.releaseAll();
    expect(await second).toBe(20);
  });

  it('keeps to the batch size and to the number of batches in flight', async () => {
    const w = gatedWrite();
    const b = new Batcher(w.write, { maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5, 6, 7].map((i) => b.submit(i));
    expect(w.batches).toEqual([[1], [2]]);
    expect(b.waiting).toBe(5);
    await w.releaseAll();
    expect(w.batches.slice(2)).toEqual([[3, 4], [5, 6]]);
    while (w.batches.flat().length < 7) await w.releaseAll();
    await w.releaseAll();
    expect(w.batches.every((x) => x.length <= 2)).toBe(true);
    expect(w.batches.flat().sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('writes each item of a failed batch again on its own, so only the bad one fails', async () => {
    const w = gatedWrite((i) => i === 3);
    const b = new Batcher(w.write, { maxBatch: 10, maxInFlight: 1 });
    const first = b.submit(1);
    const rest = [2, 3, 4].map((i) => b.submit(i).then((v) => ({ ok: v }), (e: Error) => ({ error: e.message })));
    while (w.batches.length < 5) await w.releaseAll();
    await w.releaseAll();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([{ ok: 20 }, { error: 'item 3 is bad' }, { ok: 40 }]);
    expect(w.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('fails every item of a batch at once on an error of the whole batch', async () => {
    let calls = 0;
    const b = new Batcher<number, number>(async () => {
      calls++;
      throw new BatchError('stale');
    }, { maxBatch: 10, maxInFlight: 1 });
    const results = await Promise.allSettled([b.submit(1), b.submit(2), b.submit(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls).toBe(2); // [1], then [2, 3] — neither retried item by item
  });
});
