// Mapping from decoded CloudDC records to samples (contract 4.3). No HTTP here.
import { EXPORT_STATES, HEALTH_STATES, POWER_STATES } from '../../core/families';
import { labels, sample, stateSet } from '../../core/samples';
import type { Labels, Sample } from '../../core/samples';
import type { PhysicalServer } from './client';
import { mapHealth, mapPower } from './parse';
import type { ExportRecord } from './state';

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

/** Series of each server's newest export; servers without one have none. */
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
  return [...servers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
