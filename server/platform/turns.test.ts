import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { takeTurn } from './turns.js';

/** Keeps the CPU busy for `ms` (what a step of real work does to the event loop). */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('takeTurn', () => {
  it('lets I/O that became ready in between run before the steps queued after it', async () => {
    const log: string[] = [];
    const server = net.createServer((socket) => socket.on('data', () => log.push('io')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    await new Promise<void>((resolve) => client.once('connect', resolve));
    try {
      // Twenty steps of 2 ms queued together, and a message on the wire as they start.
      const steps = Array.from({ length: 20 }, (_, i) => takeTurn().then(() => {
        busy(2);
        log.push(`step ${i}`);
      }));
      client.write('x');
      await Promise.all(steps);
      await expect.poll(() => log.includes('io')).toBe(true);
      // The message was read after a step or two, not after all twenty (40 ms of work).
      expect(log.indexOf('io')).toBeLessThan(5);
      // The steps ran in the order they asked.
      expect(log.filter((l) => l !== 'io')).toEqual(Array.from({ length: 20 }, (_, i) => `step ${i}`));
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('goes on after the queue ran dry', async () => {
    await takeTurn();
    await Promise.all([takeTurn(), takeTurn()]);
    await takeTurn();
  });
});
