// bcrypt comparisons in worker threads. bcrypt is slow by design (~0.1 s at cost 10); on the main thread a
// flood of wrong passwords held up every other request, and a correct scrape took 19 s. Workers keep the event
// loop free, and a bounded queue answers excess attempts at once instead of letting them pile up.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** A comparison that was not run: every worker is busy and the queue is full. */
export const BUSY = 'busy';

export interface PasswordChecker {
  /** True when `password` matches the bcrypt `hash`; BUSY when the attempt was refused for lack of capacity. */
  compare(password: string, hash: string): Promise<boolean | typeof BUSY>;
  close(): Promise<void>;
}

// Plain JavaScript run by each worker: the path of bcryptjs comes from the main thread, so this works from
// the compiled program and under the test runner alike.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.bcrypt);
parentPort.on('message', ({ password, hash }) => {
  let ok = false;
  try { ok = bcrypt.compareSync(password, hash); } catch { ok = false; }
  parentPort.postMessage(ok);
});
`;

interface Task {
  password: string;
  hash: string;
  done: (ok: boolean) => void;
  fail: (err: unknown) => void;
}

/** Half the cores (at least one, at most four): the other half stays with the event loop and collections. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)));
}

export class BcryptPool implements PasswordChecker {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly queue: Task[] = [];
  private closed = false;

  constructor(
    private readonly workers = defaultWorkers(),
    /** Attempts waiting for a worker; more are refused. One per worker keeps the wait under two comparisons. */
    private readonly maxQueued = workers,
  ) {}

  compare(password: string, hash: string): Promise<boolean | typeof BUSY> {
    if (this.closed) return Promise.resolve(false);
    const worker = this.idle.pop() ?? (this.all.size < this.workers ? this.spawn() : undefined);
    if (!worker && this.queue.length >= this.maxQueued) return Promise.resolve(BUSY);
    return new Promise<boolean>((done, fail) => {
      const task = { password, hash, done, fail };
      if (worker) this.run(worker, task);
      else this.queue.push(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.done(false);
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { bcrypt: require.resolve('bcryptjs') } });
    // Never what keeps the process alive: a stopping exporter does not wait for a comparison.
    worker.unref();
    this.all.add(worker);
    return worker;
  }

  private run(worker: Worker, task: Task): void {
    const finish = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      const next = this.queue.shift();
      if (next && !this.closed) this.run(worker, next);
      else if (!this.closed) this.idle.push(worker);
    };
    const onMessage = (ok: unknown): void => {
      finish();
      task.done(ok === true);
    };
    const onError = (err: unknown): void => {
      // A broken worker is replaced; the attempt counts as failed.
      worker.off('message', onMessage);
      this.all.delete(worker);
      void worker.terminate();
      const next = this.queue.shift();
      if (next && !this.closed) this.run(this.spawn(), next);
      task.fail(err);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ password: task.password, hash: task.hash });
  }
}
