// Pure parsers for CloudDC values. The vendor documents `percentage` as an integer on one page, as a string
// "0-100" on another and shows "30%" in its examples; enum values arrive in several spellings.
import type { ExportState } from '../../core/families';

/** `30`, `"30"`, `"30%"`, `" 30.5 % "` → 0.3 / 0.305; anything else (or outside 0..100) → undefined. */
export function parsePercentage(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
    if (m?.[1] !== undefined) n = Number(m[1]);
  }
  if (n === undefined || !Number.isFinite(n) || n < 0 || n > 100) return undefined;
  return n / 100;
}

/** ISO 8601 (`2025-03-20T02:48:06+00:00`, `2024-07-01T11:32:49Z`) → Unix seconds; a time without a zone is UTC. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let s = value.trim();
  // Date.parse reads a date-time without an offset as local time: the API speaks UTC.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s = `${s.replace(' ', 'T')}Z`;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/** Contract 4.3 status mapping (case-insensitive); anything else is `unknown`. */
export function mapExportStatus(raw: string | undefined): ExportState {
  switch ((raw ?? '').trim().toLowerCase()) {
    case 'processing':
    case 'running':
      return 'processing';
    case 'completed':
    case 'success':
    case 'succeeded':
      return 'completed';
    case 'failed':
    case 'failure':
    case 'error':
      return 'failed';
    default:
      return 'unknown';
  }
}

export type HealthState = 'ok' | 'warning' | 'critical' | 'unknown';
export type PowerState = 'on' | 'off' | 'powering-on' | 'powering-off' | 'rebooting' | 'unknown';

const HEALTH: Record<string, HealthState> = { ok: 'ok', warning: 'warning', critical: 'critical', unknown: 'unknown' };
const POWER: Record<string, PowerState> = {
  on: 'on',
  off: 'off',
  'powering-on': 'powering-on',
  'powering-off': 'powering-off',
  rebooting: 'rebooting',
  unknown: 'unknown',
};

/** `OK`, `Warning`, `Critical`, `Unknown` (SDK enum) in any case; other values → unknown. */
export function mapHealth(raw: string): HealthState {
  return lookup(HEALTH, raw.trim().toLowerCase()) ?? 'unknown';
}

/** `on`, `off`, `powering-on`, `powering-off`, `rebooting` in any case, `_` or ` ` for `-`; others → unknown. */
export function mapPower(raw: string): PowerState {
  return (
    lookup(
      POWER,
      raw
        .trim()
        .toLowerCase()
        .replace(/[_\s]+/g, '-'),
    ) ?? 'unknown'
  );
}

/** Own keys only: a vendor value such as `constructor` or `__proto__` must not find Object.prototype's members. */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A vendor id as one safe path segment: ids come from the network and must not walk the file system. */
export function safeSegment(id: string): string {
  const s = id.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (s === '') return '%';
  return /^\.+$/.test(s) ? s.replace(/\./g, '%2e') : s;
}
