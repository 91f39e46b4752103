// The download worker: outside scrapes, saves each completed export once as
// <download_dir>/<target>/<server_id>/<export_id>.tar.gz (streamed to a .part file, renamed when complete),
// records size and sha256 in the state file and keeps the newest `keep` archives per server. It runs when a
// collection sees an export complete, and once a minute for the downloads that failed before. A download has
// no overall time limit, only the HTTP client's idle one (a large archive on a slow link takes long), and
// stops at once when the state stops.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { describeError, UpstreamError } from '../../common/errors';
import type { HttpClient } from '../../http/types';
import { compareText } from '../../common/order';
import type { CloudDcClient } from './client';
import type { ExportRecord, StateStore } from './store';

/** A download that failed this often is given up (logged as an error). */
export const MAX_DOWNLOAD_ATTEMPTS = 10;
const PASS_INTERVAL_MS = 60_000;

/**
 * `.part` files being written in this process. A reload starts a target's new state while the old one still
 * stops; both read the same state file, and two writers of one `.part` would rename a mixed file into place.
 */
const WRITING = new Set<string>();

type Outcome = 'ok' | 'failed' | 'unreachable';

export class DownloadWorker {
  private running?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;
  /** Aborted by stop(): the download in progress ends at once. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly client: CloudDcClient,
    private readonly store: StateStore,
    private readonly http: HttpClient,
    private readonly log: Logger,
    private readonly opts: { target: string; dir: string; keep: number },
  ) {}

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

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

  /** Stops the timer, aborts the download in progress (its `.part` is removed) and waits for the pass to end. */
  async stop(): Promise<void> {
    this.stopping.abort();
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
        if (r.download || (r.downloadAttempts ?? 0) >= MAX_DOWNLOAD_ATTEMPTS) continue;
        // The API cannot be reached (or the target's connections are closing): the next downloads would
        // fail the same way and each would spend one of its attempts; the next pass tries again.
        if ((await this.fetch(r)) === 'unreachable') return;
      }
      await this.prune(serverId);
    }
  }

  /** The target's own folder: the only place the worker writes or deletes. */
  private folder(): string {
    return path.resolve(this.opts.dir, safeSegment(this.opts.target));
  }

  private async fetch(r: ExportRecord): Promise<Outcome> {
    const file = path.join(this.folder(), safeSegment(r.serverId), `${safeSegment(r.exportId)}.tar.gz`);
    const part = `${file}.part`;
    if (WRITING.has(part)) return 'ok';
    WRITING.add(part);
    let outcome: Outcome = 'ok';
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const got = await this.client.download(this.http, r.serverId, r.exportId, part, this.stopping.signal);
      await fs.rename(part, file);
      r.download = { file, bytes: got.bytes, sha256: got.sha256, at: Math.floor(Date.now() / 1000) };
      this.log.info({ server: r.serverId, export_id: r.exportId, file, bytes: got.bytes }, 'log export downloaded');
    } catch (err) {
      // Never a partial file under the final name: the `.part` goes, the next attempt starts afresh.
      await fs.rm(part, { force: true }).catch(() => undefined);
      if (this.stopped) {
        this.log.debug({ server: r.serverId, export_id: r.exportId }, 'log export download stopped');
        return 'ok';
      }
      outcome = this.failed(r, err);
    } finally {
      WRITING.delete(part);
    }
    await this.store.save();
    return outcome;
  }

  private failed(r: ExportRecord, err: unknown): Outcome {
    r.downloadAttempts = (r.downloadAttempts ?? 0) + 1;
    const last = r.downloadAttempts >= MAX_DOWNLOAD_ATTEMPTS;
    this.log[last ? 'error' : 'warn'](
      { server: r.serverId, export_id: r.exportId, attempt: r.downloadAttempts, err: describeError(err) },
      last ? 'log export download failed; giving up' : 'log export download failed; will retry',
    );
    return err instanceof UpstreamError && err.kind === 'unreachable' ? 'unreachable' : 'failed';
  }

  /** Deletes archives beyond the newest `keep` of the server. */
  private async prune(serverId: string): Promise<void> {
    const saved = this.store.forServer(serverId).filter((r) => r.download && !r.pruned);
    const old = saved.slice(this.opts.keep);
    for (const r of old) {
      await this.remove(r);
      r.pruned = true;
    }
    if (old.length > 0) await this.store.save();
  }

  /** The recorded path comes from the state file: only a file inside the target's own folder is deleted. */
  private async remove(r: ExportRecord): Promise<void> {
    const file = r.download?.file;
    const where = { server: r.serverId, export_id: r.exportId, file };
    if (typeof file !== 'string' || !inside(this.folder(), file)) {
      this.log.warn(where, 'log export archive not deleted: its recorded path is outside the download folder');
      return;
    }
    try {
      await fs.rm(file, { force: true });
      this.log.info(where, 'old log export archive removed (keep)');
    } catch (err) {
      this.log.warn({ ...where, err: describeError(err) }, 'old log export archive could not be removed');
    }
  }
}

/** True when `file` resolves to a path below `root` (not `root` itself, nothing reached through `..`). */
export function inside(root: string, file: string): boolean {
  const rel = path.relative(root, path.resolve(file));
  return rel !== '' && !path.isAbsolute(rel) && rel.split(path.sep)[0] !== '..';
}

/** A vendor id as one safe path segment: ids come from the network and must not walk the file system. */
export function safeSegment(id: string): string {
  const s = id.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (s === '') return '%';
  return /^\.+$/.test(s) ? s.replace(/\./g, '%2e') : s;
}
