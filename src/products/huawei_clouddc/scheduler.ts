// The export trigger: independent of scrapes, it checks each selected server every `checkIntervalMs` (a minute)
// and starts an export where one is due, never more than one start per `minStartSpacingMs` (10 s) per target.
import type { Logger } from 'pino';
import { describeError } from '../../common/errors';
import type { HttpClient } from '../../http/types';
import type { PhysicalServer } from './client';
import type { ExportTracker } from './exports';

export interface SchedulerOptions {
  checkIntervalMs: number;
  minStartSpacingMs: number;
  everyMs: number;
}

export class ExportScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly abort = new AbortController();

  constructor(
    private readonly tracker: ExportTracker,
    private readonly servers: () => Promise<PhysicalServer[]>,
    private readonly http: HttpClient,
    private readonly log: Logger,
    private readonly opts: SchedulerOptions,
    /** Runs after each check (the download worker's periodic pass). */
    private readonly afterCheck: () => void,
  ) {}

  start(): void {
    if (this.timer || this.abort.signal.aborted) return;
    this.timer = setInterval(() => this.check(), this.opts.checkIntervalMs);
    this.timer.unref();
    this.check();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.abort.abort();
    await this.running;
  }

  /** One pass; a pass still running (waiting out the spacing) makes the next tick a no-op. */
  private check(): void {
    if (this.running) return;
    this.running = this.pass()
      .catch((err: unknown) => this.log.warn({ err: describeError(err) }, 'log export scheduler: check failed'))
      .finally(() => {
        this.running = undefined;
        this.afterCheck();
      });
  }

  private async pass(): Promise<void> {
    await this.tracker.store.ready();
    const servers = [...(await this.servers())].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const s of servers) {
      if (this.abort.signal.aborted) return;
      if (!this.tracker.due(s.id, this.opts.everyMs)) continue;
      await this.waitForSpacing();
      if (this.abort.signal.aborted || !this.tracker.due(s.id, this.opts.everyMs)) continue;
      const r = await this.tracker.start(this.http, s.id);
      if (r.status !== 202)
        this.log.debug({ server: s.id, status: r.status, reason: r.reason }, 'scheduled log export not started');
    }
  }

  private async waitForSpacing(): Promise<void> {
    const wait = this.tracker.lastStartAt + this.opts.minStartSpacingMs - Date.now();
    if (wait <= 0) return;
    const signal = this.abort.signal;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const t = setTimeout(done, wait);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
