// The export trigger (contract 4.3): independent of scrapes, it checks each selected server once a minute and
// starts an export where one is due, never more than one start per 10 s per target (manual starts included).
// A server whose id no URL path can carry (`.`, `..`) is passed over: it must not hold up the others.
import type { Logger } from 'pino';
import { describeError } from '../../common/errors';
import { sortedByText } from '../../common/order';
import { addressable } from './client';
import type { PhysicalServer } from './decode';
import type { LogExports } from './exports';

const CHECK_INTERVAL_MS = 60_000;
const MIN_START_SPACING_MS = 10_000;

export class ExportScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly abort = new AbortController();
  /** Servers passed over for their id, logged once each. */
  private readonly unaddressable = new Set<string>();

  constructor(
    private readonly exports: LogExports,
    private readonly servers: () => Promise<PhysicalServer[]>,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.timer || this.abort.signal.aborted) return;
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
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
      });
  }

  private async pass(): Promise<void> {
    await this.exports.store.ready();
    const servers = sortedByText(await this.servers(), (s) => s.id);
    for (const s of servers) {
      if (this.abort.signal.aborted) return;
      if (!this.startable(s.id) || !this.exports.due(s.id)) continue;
      await this.waitForSpacing();
      if (this.abort.signal.aborted || !this.exports.due(s.id)) continue;
      const r = await this.exports.startExport(s.id, 'scheduled');
      if (r.status !== 202) {
        this.log.debug({ server: s.id, status: r.status, reason: r.reason }, 'scheduled log export not started');
      }
    }
  }

  private startable(id: string): boolean {
    if (addressable(id)) return true;
    if (!this.unaddressable.has(id)) {
      this.unaddressable.add(id);
      this.log.warn({ server: id }, 'server id cannot be used in a URL path; no log export is started for it');
    }
    return false;
  }

  private async waitForSpacing(): Promise<void> {
    const wait = this.exports.lastStartAt + MIN_START_SPACING_MS - Date.now();
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
