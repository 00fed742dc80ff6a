/**
 * Group commit for the application: items submitted while a write is in flight wait for it and are then written
 * together by the next one. A lone item is written at once (no timer, so no added latency when the load is light);
 * under load one transaction carries many items, so statements and commits are paid per batch instead of per item.
 */
export class Batcher<I, O> {
  private queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;

  /**
   * @param write writes a batch and returns one result per item, in order; when it throws for a batch of several,
   *   each item is written again on its own, so one bad item never fails the others.
   */
  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly options: { maxBatch: number; maxInFlight: number } = { maxBatch: 64, maxInFlight: 1 },
  ) {}

  /** Queues an item; resolves with its result once the batch that carried it committed. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Items waiting for the write in flight. */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.run(batch);
    }
  }

  /**
   * Frees the finished batch's slot and starts the next batch — before the finished batch's callers hear back, so the
   * database is already writing the next batch while this process answers them (with one batch in flight, answering
   * first left the database idle for the time it took to send a batch's responses).
   */
  private release(): void {
    this.inFlight--;
    this.pump();
  }

  private async run(batch: typeof this.queue): Promise<void> {
    let results: O[];
    try {
      results = await this.write(batch.map((b) => b.item));
    } catch (e) {
      try {
        await this.failed(batch, e);
      } finally {
        this.release();
      }
      return;
    }
    this.release();
    batch.forEach((b, i) => b.resolve(results[i] as O));
  }

  /** A batch's write failed: each item is written again on its own (its slot still held), or all fail with it. */
  private async failed(batch: typeof this.queue, e: unknown): Promise<void> {
    if (batch.length === 1 || !retryAlone(e)) {
      for (const b of batch) b.reject(e);
      return;
    }
    for (const b of batch) {
      try {
        const [result] = await this.write([b.item]);
        b.resolve(result as O);
      } catch (alone) {
        b.reject(alone);
      }
    }
  }
}

/** An error that concerns the whole batch, not one item (e.g. stale reference data): retrying items alone is no use. */
export class BatchError extends Error {}

function retryAlone(e: unknown): boolean {
  return !(e instanceof BatchError);
}
