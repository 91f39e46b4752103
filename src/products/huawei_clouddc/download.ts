// The download worker: outside scrapes, saves each completed export once as
// <download_dir>/<target>/<server_id>/<export_id>.tar.gz (streamed to a .part file, renamed when complete),
// records size and sha256 in the state file and keeps the newest `keep` archives per server. It runs when a
// collection sees an export complete, and once a minute for the downloads that failed before.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { describeError } from '../../common/errors';
import type { HttpClient } from '../../http/types';
import { compareText } from '../../common/order';
import type { CloudDcClient } from './client';
import type { ExportRecord, StateStore } from './store';

/** A download that failed this often is given up (logged as an error). */
export const MAX_DOWNLOAD_ATTEMPTS = 10;
const PASS_INTERVAL_MS = 60_000;

export class DownloadWorker {
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly client: CloudDcClient,
    private readonly store: StateStore,
    private readonly http: HttpClient,
    private readonly log: Logger,
    private readonly opts: { target: string; dir: string; keep: number },
  ) {}

  /** A pass now and once a minute. */
  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.kick(), PASS_INTERVAL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now, or right after the one in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /** Stops the timer and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pass();
      } catch (err) {
        this.log.warn({ err: describeError(err) }, 'log export download pass failed');
      }
    } while (this.again && !this.stopped);
  }

  private async pass(): Promise<void> {
    await this.store.ready();
    const servers = [...new Set(this.store.all().map((r) => r.serverId))].sort(compareText);
    for (const serverId of servers) {
      // Only the newest `keep` completed exports are worth fetching: older ones would be pruned at once.
      const wanted = this.store
        .forServer(serverId)
        .filter((r) => r.state === 'completed' && !r.lost)
        .slice(0, this.opts.keep);
      for (const r of wanted) {
        if (this.stopped) return;
        if (!r.download && (r.downloadAttempts ?? 0) < MAX_DOWNLOAD_ATTEMPTS) await this.fetch(r);
      }
      await this.prune(serverId);
    }
  }

  private async fetch(r: ExportRecord): Promise<void> {
    const dir = path.join(this.opts.dir, safeSegment(this.opts.target), safeSegment(r.serverId));
    const file = path.join(dir, `${safeSegment(r.exportId)}.tar.gz`);
    const part = `${file}.part`;
    try {
      await fs.mkdir(dir, { recursive: true });
      const { bytes, sha256 } = await this.client.download(this.http, r.serverId, r.exportId, part);
      await fs.rename(part, file);
      r.download = { file, bytes, sha256, at: Math.floor(Date.now() / 1000) };
      this.log.info({ server: r.serverId, export_id: r.exportId, file, bytes }, 'log export downloaded');
    } catch (err) {
      await fs.rm(part, { force: true }).catch(() => undefined);
      r.downloadAttempts = (r.downloadAttempts ?? 0) + 1;
      const level = r.downloadAttempts >= MAX_DOWNLOAD_ATTEMPTS ? 'error' : 'warn';
      this.log[level](
        { server: r.serverId, export_id: r.exportId, attempt: r.downloadAttempts, err: describeError(err) },
        level === 'error' ? 'log export download failed; giving up' : 'log export download failed; will retry',
      );
    }
    await this.store.save();
  }

  /** Deletes archives beyond the newest `keep` of the server. */
  private async prune(serverId: string): Promise<void> {
    const saved = this.store.forServer(serverId).filter((r) => r.download && !r.pruned);
    const old = saved.slice(this.opts.keep);
    for (const r of old) {
      if (r.download) await fs.rm(r.download.file, { force: true });
      r.pruned = true;
      this.log.info({ server: serverId, export_id: r.exportId }, 'old log export archive removed (keep)');
    }
    if (old.length > 0) await this.store.save();
  }
}

/** A vendor id as one safe path segment: ids come from the network and must not walk the file system. */
export function safeSegment(id: string): string {
  const s = id.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (s === '') return '%';
  return /^\.+$/.test(s) ? s.replace(/\./g, '%2e') : s;
}
