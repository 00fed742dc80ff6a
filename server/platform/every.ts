/** A job that runs again and again until stopped. */
export interface Repeating {
  stop(): Promise<void>;
}

/**
 * Runs a job every `ms` milliseconds, never overlapping itself; errors are reported and the loop goes on. The first
 * run comes after `firstAfterMs` (default `ms`): 0 for a job that must catch up as soon as the process starts.
 * stop() waits for a run in progress to finish.
 */
export function every(ms: number, job: () => Promise<unknown>, onError: (e: unknown) => void, options: { firstAfterMs?: number } = {}): Repeating {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    running = job()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, ms);
      });
  };
  timer = setTimeout(tick, options.firstAfterMs ?? ms);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
