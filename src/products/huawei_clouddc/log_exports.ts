// The log_exports collector: each collection polls every server's newest export until it is terminal and
// keeps what it learns in the state file. Scrapes never start exports (exports.ts and scheduler.ts do).
import type { Logger } from 'pino';
import { settleLimit } from '../../common/pool';
import type { PartScope } from '../../core/module';
import type { HttpClient } from '../../http/types';
import type { CloudDcClient } from './client';
import type { ExportInfo, PhysicalServer } from './decode';
import { mapExportStatus } from './samples';
import type { ExportRecord, StateStore } from './store';

export interface PollDeps {
  client: CloudDcClient;
  store: StateStore;
  log: Logger;
  concurrency: number;
  /** Told when a poll saw an export complete (the download worker then runs). */
  onCompleted(): void;
}

/**
 * Polls each server's newest non-terminal export and returns every server's newest export. A server whose
 * poll failed is an item of the part that failed: its export series are left out, the others keep theirs.
 */
export async function pollExports(
  d: PollDeps,
  http: HttpClient,
  servers: readonly PhysicalServer[],
  scope: PartScope,
): Promise<Map<string, ExportRecord>> {
  await d.store.ready();
  const newest = new Map<string, ExportRecord>();
  for (const s of servers) {
    const r = d.store.newest(s.id);
    if (r) newest.set(s.id, r);
  }
  const open = [...newest.values()].filter((r) => !r.terminal);
  const settled = await settleLimit(open, d.concurrency, scope.signal, (r) => pollOne(d, http, r));
  if (open.length > 0) await d.store.save();
  if (open.some((r) => r.state === 'completed')) d.onCompleted();
  settled.forEach((outcome, i) => {
    const r = open[i] as ExportRecord;
    if (outcome.ok) return;
    newest.delete(r.serverId);
    scope.itemFailed(`server ${r.serverId} export ${r.exportId}`, outcome.error);
  });
  return newest;
}

async function pollOne(d: PollDeps, http: HttpClient, r: ExportRecord): Promise<void> {
  const info = await d.client.getExport(http, r.serverId, r.exportId);
  if (info !== 'lost') {
    applyStatus(r, info, d.log);
    return;
  }
  Object.assign(r, { state: 'unknown', lost: true, terminal: true });
  d.log.warn({ server: r.serverId, export_id: r.exportId }, 'log export is unknown to the API (404); marked lost');
}

/** Copies a status answer onto a record; an undocumented status is logged when it changes, not on every poll. */
export function applyStatus(r: ExportRecord, info: ExportInfo, log: Logger): void {
  if (info.status !== undefined) {
    const changed = r.status !== info.status;
    r.status = info.status;
    r.state = mapExportStatus(info.status);
    if (r.state === 'unknown' && changed) {
      log.warn({ server: r.serverId, export_id: r.exportId, status: info.status }, 'unrecognised log export status');
    }
  }
  if (info.progress !== undefined) r.progress = info.progress;
  r.terminal = r.state === 'completed' || r.state === 'failed';
}
