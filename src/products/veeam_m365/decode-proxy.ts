// Decoder of one backup proxy (contract 4.7). Maintenance and CPU/memory use exist only from v8.
import { id as idOf, isObject, number, text } from '../../common/decode';

export interface Vb365Proxy {
  id: string;
  hostName?: string;
  /** `status` as sent (`Online`, `Offline`). */
  status?: string;
  /** v8 `maintenanceModeState` (`Disabled`, `Enabling`, `Enabled`). */
  maintenance?: string;
  /** 0..100, when given. */
  cpuPercent?: number;
  memoryPercent?: number;
}

/** A percentage between 0 and 100 (the documents say "percent" without a scale); anything else is left out. */
function percent(v: unknown): number | undefined {
  const n = number(v);
  return n !== undefined && n >= 0 && n <= 100 ? n : undefined;
}

/** A proxy without an id cannot be told apart from the others and is skipped. */
export function decodeProxy(v: unknown): Vb365Proxy | undefined {
  if (!isObject(v)) return undefined;
  const id = idOf(v.id);
  if (!id) return undefined;
  const out: Vb365Proxy = { id };
  const host = text(v.hostName);
  if (host !== undefined) out.hostName = host;
  const status = text(v.status);
  if (status !== undefined) out.status = status;
  const maintenance = text(v.maintenanceModeState);
  if (maintenance !== undefined) out.maintenance = maintenance;
  const cpu = percent(v.cpuUsagePercent);
  if (cpu !== undefined) out.cpuPercent = cpu;
  const memory = percent(v.memoryUsagePercent);
  if (memory !== undefined) out.memoryPercent = memory;
  return out;
}
