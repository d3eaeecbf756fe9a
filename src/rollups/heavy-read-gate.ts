import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceUnavailableError } from '../common/errors.js';

/**
 * How many portfolio statements (roll-up, plans needing attention) one process runs at once, and how
 * long the rest wait: a per-process semaphore sized below the connection pool, so that reports never
 * hold every connection and plan pages and logProgress always find one (before, 16 LBF clients asking
 * for plansNeedingAttention took all 10 connections and the rest waited past the pool's 2 s timeout:
 * SERVICE_UNAVAILABLE at random). The rule (docs/scaling.md, "Heavy reads"):
 *
 * - at most `permits` = half the pool, rounded up, run at a time; the others wait in arrival order;
 * - a statement that finds `maxWaiting` (1,000) already waiting is refused at once, and one that has
 *   waited `maxWaitMs` (10 s) gives up: both SERVICE_UNAVAILABLE with a message saying so, which a
 *   client may retry. Nothing else is ever shed. The queue is long because one request may ask for
 *   many portfolios (`areaSecretariats { rollup }`: one statement per secretariat), and a waiter costs
 *   only a promise; the wait is what bounds it.
 */
export interface HeavyReadLimits {
  permits: number;
  maxWaiting: number;
  maxWaitMs: number;
}

export function heavyReadLimits(poolSize: number): HeavyReadLimits {
  return { permits: Math.max(1, Math.ceil(poolSize / 2)), maxWaiting: 1_000, maxWaitMs: 10_000 };
}

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

/** A counting semaphore with a bounded FIFO queue and a bounded wait (see HeavyReadLimits). */
export class BoundedSemaphore {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly limits: HeavyReadLimits) {}

  /** Runs `work` when a permit is free, in arrival order; refuses as the limits say. */
  async run<T>(what: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(what);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Requests running and waiting now (for tests and diagnostics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length };
  }

  private acquire(what: string): Promise<void> {
    if (this.running < this.limits.permits && this.queue.length === 0) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.queue.length >= this.limits.maxWaiting) {
      return Promise.reject(
        new ServiceUnavailableError(`Too many reports are being computed (${this.queue.length} waiting) to compute ${what} now; try again shortly`),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          reject(new ServiceUnavailableError(`${what} waited ${this.limits.maxWaitMs} ms behind other reports; try again shortly`));
        }, this.limits.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    // The permit passes straight to the next waiter, so a newcomer cannot overtake the queue.
    if (next) next.grant();
    else this.running -= 1;
  }
}

/** The process's gate for portfolio statements, sized from the data source's pool (1 on the embedded engine). */
@Injectable()
export class HeavyReadGate extends BoundedSemaphore {
  constructor(dataSource: DataSource) {
    const extra = (dataSource.options as { extra?: { max?: number } }).extra;
    super(heavyReadLimits(extra?.max ?? 10));
  }
}
