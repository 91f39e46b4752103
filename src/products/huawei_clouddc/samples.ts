// From decoded CloudDC records to samples (contract 4.3): the state sets of servers and log exports and the
// vendor spellings each state accepts. No HTTP here.
import { EXPORT_STATES, type ExportState, HEALTH_STATES, POWER_STATES } from '../../core/families';
import { sortedByText } from '../../common/order';
import { type Labels, labels, type Sample, sample, stateSet } from '../../core/samples';
import type { PhysicalServer } from './decode';
import type { ExportRecord } from './store';

type HealthState = (typeof HEALTH_STATES)[number];
type PowerState = (typeof POWER_STATES)[number];

/** Export statuses: the documented `processing`/`completed`, the examples' `Running`, and failure words. */
const EXPORT_STATUS: Readonly<Record<string, ExportState>> = {
  processing: 'processing',
  running: 'processing',
  completed: 'completed',
  success: 'completed',
  succeeded: 'completed',
  failed: 'failed',
  failure: 'failed',
  error: 'failed',
};

/** Contract 4.3 status mapping (case-insensitive); anything else is `unknown`. */
export function mapExportStatus(raw: string | undefined): ExportState {
  return lookup(EXPORT_STATUS, (raw ?? '').trim().toLowerCase()) ?? 'unknown';
}

/** `OK`, `Warning`, `Critical`, `Unknown` (SDK enum) in any case; other values → unknown. */
export function mapHealth(raw: string): HealthState {
  return oneOf(HEALTH_STATES, raw.trim().toLowerCase()) ?? 'unknown';
}

/** `on`, `off`, `powering-on`, `powering-off`, `rebooting` in any case, `_` or ` ` for `-`; others → unknown. */
export function mapPower(raw: string): PowerState {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  return oneOf(POWER_STATES, key) ?? 'unknown';
}

/** Own keys only: a vendor value such as `constructor` must not find Object.prototype's members. */
function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function oneOf<T extends string>(states: readonly T[], key: string): T | undefined {
  return states.find((s) => s === key);
}

export function serverLabels(s: PhysicalServer): Labels {
  return labels({ server_id: s.id, server_name: s.name });
}

/** Health and power state sets; a missing vendor value leaves its set out. `unmapped` receives raw oddities. */
export function serverSamples(
  servers: readonly PhysicalServer[],
  unmapped?: (field: string, raw: string) => void,
): Sample[] {
  const out: Sample[] = [];
  for (const s of sortById(servers)) {
    const l = serverLabels(s);
    if (s.healthState !== undefined) {
      const state = mapHealth(s.healthState);
      if (state === 'unknown' && s.healthState.toLowerCase() !== 'unknown') unmapped?.('health_state', s.healthState);
      out.push(...stateSet('backup_server_health', l, 'state', HEALTH_STATES, state));
    }
    if (s.powerState !== undefined) {
      const state = mapPower(s.powerState);
      if (state === 'unknown' && s.powerState.toLowerCase() !== 'unknown') unmapped?.('power_state', s.powerState);
      out.push(...stateSet('backup_server_power', l, 'state', POWER_STATES, state));
    }
  }
  return out;
}

/** Series of each server's newest export; servers without one (or whose poll failed) have none. */
export function exportSamples(servers: readonly PhysicalServer[], newest: ReadonlyMap<string, ExportRecord>): Sample[] {
  const out: Sample[] = [];
  for (const s of sortById(servers)) {
    const r = newest.get(s.id);
    if (!r) continue;
    const l = serverLabels(s);
    out.push(...stateSet('backup_log_export_status', l, 'state', EXPORT_STATES, r.state));
    out.push(...sample('backup_log_export_progress_ratio', l, r.progress));
    out.push(...sample('backup_log_export_created_timestamp_seconds', l, r.createdAt));
    if (r.download && !r.pruned) out.push(...sample('backup_log_export_downloaded_bytes', l, r.download.bytes));
  }
  return out;
}

function sortById(servers: readonly PhysicalServer[]): PhysicalServer[] {
  return sortedByText(servers, (s) => s.id);
}
