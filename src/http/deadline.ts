// The deadline of a client's requests as one timer: every request in flight registers here and is stopped when
// it passes. A collection's requests share one deadline, so they share one timer instead of one each.
import { timerDelay } from './retry';

export interface Expirable {
  expire(reason: Error): void;
}

export class DeadlineWatch {
  private readonly waiting = new Set<Expirable>();
  private timer?: NodeJS.Timeout;

  constructor(readonly deadline: number) {}

  /** Stops `item` when the deadline passes (at once when it has), unless it is deleted first. */
  add(item: Expirable): void {
    if (Date.now() >= this.deadline) {
      item.expire(deadlineError());
      return;
    }
    this.waiting.add(item);
    if (!this.timer) this.arm();
  }

  delete(item: Expirable): void {
    this.waiting.delete(item);
  }

  /**
   * A method of its own: the timer's closure lives until the deadline and must hold nothing but the watch (a
   * closure made in add() would share add()'s scope, and with it the first request and its response).
   */
  private arm(): void {
    this.timer = setTimeout(() => this.fire(), timerDelay(this.deadline - Date.now()));
    // Nothing waits for a request that is no longer there; the timer alone keeps no process alive.
    this.timer.unref();
  }

  private fire(): void {
    const items = [...this.waiting];
    this.waiting.clear();
    for (const item of items) item.expire(deadlineError());
  }
}

function deadlineError(): Error {
  return new Error('the deadline passed');
}
