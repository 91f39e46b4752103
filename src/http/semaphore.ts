// Bounds the requests in flight to one target across all collections, so a large tenant does not overload a
// vendor API that rate-limits. Waiters give up at their own deadline instead of queueing past it.

import { timerDelay } from './retry';

export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
  timer: NodeJS.Timeout;
}

export class Semaphore {
  private active = 0;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`concurrency must be at least 1, got ${limit}`);
  }

  get inFlight(): number {
    return this.active;
  }

  /** Resolves with a release function, or undefined when `deadline` (epoch ms) passes first. */
  acquire(deadline: number): Promise<Release | undefined> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    const wait = deadline - Date.now();
    if (wait <= 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        grant: (release) => resolve(release),
        timer: setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          resolve(undefined);
        }, timerDelay(wait)),
      };
      this.waiters.push(waiter);
    });
  }

  /** A release function that works once, so a double release cannot raise the limit. */
  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) {
        // The slot passes straight to the next waiter: `active` stays the same.
        clearTimeout(next.timer);
        next.grant(this.releaser());
      } else {
        this.active--;
      }
    };
  }
}
