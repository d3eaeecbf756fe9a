import { BoundedSemaphore, heavyReadLimits } from './heavy-read-gate.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('heavy-read gate', () => {
  it('is sized below the pool', () => {
    expect(heavyReadLimits(10)).toEqual({ permits: 5, maxWaiting: 1000, maxWaitMs: 10000 });
    expect(heavyReadLimits(5).permits).toBe(3);
    expect(heavyReadLimits(2).permits).toBe(1);
    expect(heavyReadLimits(1).permits).toBe(1);
  });

  it('runs at most `permits` at once and the rest in arrival order', async () => {
    const gate = new BoundedSemaphore({ permits: 2, maxWaiting: 10, maxWaitMs: 5000 });
    const order: number[] = [];
    const blockers = [deferred(), deferred(), deferred(), deferred()];
    const runs = blockers.map((b, i) =>
      gate.run('test', async () => {
        order.push(i);
        await b.promise;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    blockers[1].resolve();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([0, 1, 2]);
    blockers[0].resolve();
    blockers[2].resolve();
    blockers[3].resolve();
    await Promise.all(runs);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once when the queue is full, and a waiter that waited too long, as SERVICE_UNAVAILABLE', async () => {
    const gate = new BoundedSemaphore({ permits: 1, maxWaiting: 1, maxWaitMs: 30 });
    const block = deferred();
    const first = gate.run('first', () => block.promise);
    const second = gate.run('second', async () => 'ran');
    await expect(gate.run('third', async () => 'ran')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/waiting/) });
    await expect(second).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/second waited 30 ms/) });
    block.resolve();
    await first;
    await expect(gate.run('fourth', async () => 'ran')).resolves.toBe('ran');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('releases the permit when the work fails', async () => {
    const gate = new BoundedSemaphore({ permits: 1, maxWaiting: 1, maxWaitMs: 1000 });
    await expect(gate.run('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});
