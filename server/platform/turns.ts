/**
 * CPU-heavy steps take turns with I/O. Requests that arrive together (a burst of reports) are read in one turn of the
 * event loop, and if each then did all its work at once, every I/O that became ready meanwhile — above all the
 * database's answer to the batch in flight, which the next batch waits for — would wait behind all of them. A step
 * that awaits `takeTurn()` first runs one to a turn: the event loop polls for I/O between any two of them.
 */

const waiting: (() => void)[] = [];
let scheduled = false;

/** Resolves in a turn of the event loop of its own, after the steps that asked before it. */
export function takeTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(release);
    }
  });
}

/** Lets the next step go (it runs once this callback returns) and asks for another turn for the one after it. */
function release(): void {
  waiting.shift()?.();
  if (waiting.length) setImmediate(release);
  else scheduled = false;
}
