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

  /** Stops `item` when the deadline passes (at once when it has); the returned function forgets it. */
  add(item: Expirable): () => void {
    if (Date.now() >= this.deadline) {
      item.expire(deadlineError());
      return () => undefined;
    }
    this.waiting.add(item);
    if (!this.timer) {
      this.timer = setTimeout(() => this.fire(), timerDelay(this.deadline - Date.now()));
      // Nothing waits for a request that is no longer there; the timer alone keeps no process alive.
      this.timer.unref();
    }
    return () => this.waiting.delete(item);
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
