// Log exports the exporter started: starting one (scheduler or POST /-/log-exports), recording it at once in
// the state file, and polling each server's newest export during collections until it is terminal.
import type { Logger } from 'pino';
import { describeError } from '../../common/errors';
import type { LogExportStartResult } from '../../core/samples';
import type { HttpClient } from '../../http/types';
import type { CloudDcClient, ExportInfo, PhysicalServer } from './client';
import { mapExportStatus } from './parse';
import type { ExportRecord, StateStore } from './state';

export class ExportTracker {
  /** Servers whose start request is in flight: a second start for them is a 409, not a duplicate export. */
  private readonly starting = new Set<string>();
  /** Wall-clock time of the last start request (scheduled or manual), for the per-target spacing. */
  lastStartAt = 0;

  constructor(
    private readonly client: CloudDcClient,
    readonly store: StateStore,
    private readonly log: Logger,
    private readonly now: () => number,
    private readonly onCompleted: () => void,
  ) {}

  /** Starts an export of one server now: 202 with its id, 409 while one is processing, 502 on upstream failure. */
  async start(http: HttpClient, serverId: string): Promise<LogExportStartResult> {
    await this.store.ready();
    if (this.starting.has(serverId) || this.store.newest(serverId)?.state === 'processing') {
      return { status: 409, reason: `an export of server ${serverId} is still processing` };
    }
    this.starting.add(serverId);
    this.lastStartAt = Date.now();
    try {
      let info: ExportInfo;
      try {
        info = await this.client.createExport(http, serverId);
      } catch (err) {
        this.log.warn({ server: serverId, err: describeError(err) }, 'starting a log export failed');
        return { status: 502, reason: describeError(err) };
      }
      const record: ExportRecord = {
        serverId,
        exportId: info.exportId,
        createdAt: info.createdAt ?? this.now() / 1000,
        state: 'processing',
        terminal: false,
      };
      apply(record, info, this.log);
      // A just-created export is processing unless the API says otherwise in words we know.
      if (record.state === 'unknown') record.state = 'processing';
      this.store.add(record);
      await this.store.save();
      this.log.info({ server: serverId, export_id: info.exportId }, 'log export started');
      return { status: 202, exportId: info.exportId };
    } finally {
      this.starting.delete(serverId);
    }
  }

  /** True when the scheduler should start one: none yet, or the newest is older than `everyMs` and not processing. */
  due(serverId: string, everyMs: number): boolean {
    const newest = this.store.newest(serverId);
    if (!newest) return true;
    return newest.state !== 'processing' && this.now() / 1000 - newest.createdAt >= everyMs / 1000;
  }

  /**
   * Polls each server's newest non-terminal export; returns every server's newest export. Saves the state when
   * anything changed; throws the first polling error after saving what did succeed.
   */
  async poll(http: HttpClient, servers: readonly PhysicalServer[]): Promise<Map<string, ExportRecord>> {
    await this.store.ready();
    const newest = new Map<string, ExportRecord>();
    for (const s of servers) {
      const r = this.store.newest(s.id);
      if (r) newest.set(s.id, r);
    }
    const open = [...newest.values()].filter((r) => !r.terminal);
    const results = await Promise.allSettled(
      open.map(async (r) => {
        const info = await this.client.getExport(http, r.serverId, r.exportId);
        if (info === 'lost') {
          Object.assign(r, { state: 'unknown', lost: true, terminal: true });
          this.log.warn(
            { server: r.serverId, export_id: r.exportId },
            'log export is unknown to the API (404); marked lost',
          );
        } else {
          apply(r, info, this.log);
        }
      }),
    );
    if (open.length > 0) await this.store.save();
    if (open.some((r) => r.state === 'completed')) this.onCompleted();
    const failure = results.find((x): x is PromiseRejectedResult => x.status === 'rejected');
    if (failure) throw failure.reason;
    return newest;
  }
}

/** Copies a status answer onto a record. */
function apply(r: ExportRecord, info: ExportInfo, log: Logger): void {
  if (info.status !== undefined) {
    const changed = r.status !== info.status;
    r.status = info.status;
    r.state = mapExportStatus(info.status);
    // Logged when it changes, not on every poll.
    if (r.state === 'unknown' && changed)
      log.warn({ server: r.serverId, export_id: r.exportId, status: info.status }, 'unrecognised log export status');
  }
  if (info.progress !== undefined) r.progress = info.progress;
  r.terminal = r.state === 'completed' || r.state === 'failed';
}
