// The log exports of one target: the state file, starting an export (the scheduler, or POST /-/log-exports)
// and recording it at once, the polling of collections, and the background scheduler and download worker.
import type { Logger } from 'pino';
import { describeError } from '../../common/errors';
import type { PartScope } from '../../core/module';
import type { HttpClient } from '../../http/types';
import { addressable, type CloudDcClient } from './client';
import type { LogExportsConfig } from './config';
import type { ExportInfo, PhysicalServer } from './decode';
import { DownloadWorker } from './download';
import { applyStatus, type PollDeps, pollExports } from './log_exports';
import { ExportScheduler } from './scheduler';
import { type ExportRecord, StateStore } from './store';

/**
 * The outcome of a start: the new export's id (with a warning when it could not be written to the state file),
 * or the HTTP status and reason of POST /-/log-exports.
 */
export type LogExportStartResult =
  | { status: 202; exportId: string; warning?: string }
  | { status: 400 | 409 | 502; reason: string };

/** Who asked for a start, for the log line. */
export type StartTrigger = 'scheduled' | 'manual';

export interface LogExportsDeps {
  target: string;
  config: LogExportsConfig;
  client: CloudDcClient;
  /** The target's client outside collections (starts, scheduler, downloads). */
  http: HttpClient;
  log: Logger;
  concurrency: number;
  /** The selected servers (the inventory), for the scheduler. */
  servers(): Promise<PhysicalServer[]>;
}

export class LogExports {
  readonly store: StateStore;
  /** Wall-clock time of the last start request (scheduled or manual), for the per-target spacing. */
  lastStartAt = 0;
  /** Servers whose start request is in flight: a second start for them is a 409, not a duplicate export. */
  private readonly starting = new Set<string>();
  private readonly downloads?: DownloadWorker;
  private readonly scheduler: ExportScheduler;
  private readonly poller: PollDeps;

  constructor(private readonly d: LogExportsDeps) {
    const { config, client, log } = d;
    this.store = new StateStore(config.stateFile, d.target, log);
    if (config.downloadDir !== undefined) {
      const dir = config.downloadDir;
      this.downloads = new DownloadWorker(client, this.store, d.http, log, {
        target: d.target,
        dir,
        keep: config.keep,
      });
    }
    this.scheduler = new ExportScheduler(this, d.servers, log);
    const onCompleted = () => this.downloads?.kick();
    this.poller = { client, store: this.store, log, concurrency: d.concurrency, onCompleted };
  }

  /** Background work: the download worker always, the scheduler unless schedulers are off (it writes to the vendor). */
  start(schedulers: boolean): void {
    if (schedulers) this.scheduler.start();
    this.downloads?.start();
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await this.downloads?.stop();
  }

  /** The newest export of each server, polled until terminal (the log_exports collector). */
  poll(http: HttpClient, servers: readonly PhysicalServer[], scope: PartScope): Promise<Map<string, ExportRecord>> {
    return pollExports(this.poller, http, servers, scope);
  }

  /** True when the scheduler should start one: none yet, or the newest is older than `every` and not processing. */
  due(serverId: string): boolean {
    const newest = this.store.newest(serverId);
    if (!newest) return true;
    return newest.state !== 'processing' && Date.now() / 1000 - newest.createdAt >= this.d.config.everyMs / 1000;
  }

  /**
   * Starts an export of one server now: 202 with its id, 409 while one is processing (or while the state file
   * cannot be read: nothing is started then), 400 for an id that cannot be put into a URL path, 502 when the
   * API refuses. Each start is logged at info: ExportServerLogs is a write that costs the server work.
   */
  async startExport(serverId: string, trigger: StartTrigger): Promise<LogExportStartResult> {
    const refused = await this.refusal(serverId);
    if (refused) return refused;
    // Checked and marked without an await in between: two callers cannot both start one.
    if (this.starting.has(serverId) || this.store.newest(serverId)?.state === 'processing') {
      return { status: 409, reason: `an export of server ${serverId} is still processing` };
    }
    this.starting.add(serverId);
    this.lastStartAt = Date.now();
    try {
      let info: ExportInfo;
      try {
        info = await this.d.client.createExport(this.d.http, serverId);
      } catch (err) {
        this.d.log.warn({ server: serverId, trigger, err: describeError(err) }, 'starting a log export failed');
        return { status: 502, reason: describeError(err) };
      }
      this.d.log.info({ server: serverId, export_id: info.exportId, trigger }, 'log export started');
      const warning = await this.record(serverId, info);
      return warning === undefined
        ? { status: 202, exportId: info.exportId }
        : { status: 202, exportId: info.exportId, warning };
    } finally {
      this.starting.delete(serverId);
    }
  }

  /** Why no export can start at all: an id no URL can carry, or a state file that cannot be read. */
  private async refusal(serverId: string): Promise<LogExportStartResult | undefined> {
    if (!addressable(serverId)) {
      return { status: 400, reason: `server id ${JSON.stringify(serverId)} cannot be used in a URL path` };
    }
    try {
      await this.store.ready();
      return undefined;
    } catch (err) {
      const reason = `the log export state file cannot be read (${describeError(err)}); no export was started`;
      this.d.log.error({ server: serverId, file: this.store.file, err: describeError(err) }, reason);
      return { status: 409, reason };
    }
  }

  /**
   * Writes a new export to the state file at once: CloudDC cannot list exports, the file is all we know. When
   * the write fails the export has started all the same: it stays known in memory (so a second start is a
   * 409, and collections poll it), is written with the next change, and the answer says so.
   */
  private async record(serverId: string, info: ExportInfo): Promise<string | undefined> {
    const record: ExportRecord = {
      serverId,
      exportId: info.exportId,
      createdAt: info.createdAt ?? Date.now() / 1000,
      state: 'processing',
      terminal: false,
    };
    applyStatus(record, info, this.d.log);
    // A just-created export is processing unless the API says otherwise in words we know.
    if (record.state === 'unknown') record.state = 'processing';
    this.store.add(record);
    try {
      await this.store.save();
      return undefined;
    } catch (err) {
      const where = { server: serverId, export_id: info.exportId, file: this.store.file, err: describeError(err) };
      this.d.log.error(where, 'log export started, but the state file could not be written; kept in memory');
      return `the export started, but the state file could not be written (${describeError(err)}); it is kept in memory and written with the next change`;
    }
  }
}
