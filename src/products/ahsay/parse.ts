// Pure parsers for AhsayCBS values. The CBS API sends times without an offset (server-local, in the
// target's `timezone`), numbers typed as Long that arrive as strings or "", and ratios like "33%".
// Nothing here may throw on bad input: unknown values are `undefined` (absent), never 0.
import { DateTime, IANAZone } from 'luxon';

const TIME_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy/MM/dd HH:mm:ss'];
/** Backup job ids are the job's start time: `2024-06-26-11-33-52`. */
const JOB_ID_FORMAT = 'yyyy-MM-dd-HH-mm-ss';
/** Java epoch milliseconds (legacy servers) are above this; seconds never are. */
const EPOCH_MS_MIN = 1e11;

/**
 * A CBS timestamp as Unix seconds, read in `zone` (an IANA name). luxon applies the zone's rules for that
 * date, so times around a DST change are right: a local time in the spring-forward gap is moved forward by
 * the gap (as the wall clock would), and an ambiguous fall-back time resolves to one fixed occurrence.
 */
export function parseCbsTime(value: unknown, zone: string): number | undefined {
  if (typeof value === 'number') return epochNumber(value);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s === '') return undefined;
  if (/^\d+$/.test(s)) return epochNumber(Number(s));
  const key = `${zone}\u0000${s}`;
  const known = parsedTimes.get(key);
  if (known !== undefined) return known;
  for (const format of TIME_FORMATS) {
    const t = DateTime.fromFormat(s, format, { zone });
    if (t.isValid) {
      remember(key, t);
      return t.toSeconds();
    }
  }
  return undefined;
}

/**
 * Parsed local times, because luxon's parser costs ~20 µs and each collection reads today's lists again (the
 * same times). Only times with one offset for a day around them are kept: near a DST change luxon's answer for
 * an ambiguous time depends on the current offset, so those are parsed every time.
 */
const parsedTimes = new Map<string, number>();
const PARSED_TIMES_MAX = 50_000;
const DAY_MS = 86_400_000;

function remember(key: string, t: DateTime): void {
  const zone = t.zone;
  const ms = t.toMillis();
  if (zone.offset(ms - DAY_MS) !== t.offset || zone.offset(ms + DAY_MS) !== t.offset) return;
  if (parsedTimes.size >= PARSED_TIMES_MAX) parsedTimes.delete(parsedTimes.keys().next().value!);
  parsedTimes.set(key, t.toSeconds());
}

/** The start time encoded in a backup job id, or undefined when the id has another shape. */
export function parseJobId(id: string, zone: string): number | undefined {
  const t = DateTime.fromFormat(id.trim(), JOB_ID_FORMAT, { zone });
  return t.isValid ? t.toSeconds() : undefined;
}

function epochNumber(n: number): number | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return n >= EPOCH_MS_MIN ? n / 1000 : n;
}

/** A Long that may come as a number, a numeric string, "" or null. Non-numeric → undefined. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s === '' || !/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A non-negative count or size; negative values are vendor placeholders, not data. */
export function parseCount(value: unknown): number | undefined {
  const n = parseNumber(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

/** `"33%"`, `"05"`, `33` → 0.33, 0.05, 0.33 (a percentage as a 0..1 ratio). */
export function parsePercent(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value / 100 : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  return m ? Number(m[1]) / 100 : undefined;
}

/** `true`/`false` as booleans or strings (any case, also `Y`/`N` of the legacy API). */
export function parseBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const s = value.trim().toLowerCase();
  if (s === 'true' || s === 'y' || s === 'yes') return true;
  if (s === 'false' || s === 'n' || s === 'no') return false;
  return undefined;
}

/** A string field, or undefined when absent or empty. */
export function parseText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The calendar date (`yyyy-MM-dd`) in `zone` of an instant, and the days before it. */
export function localDays(nowMs: number, zone: string, oldestMs: number): string[] {
  const today = DateTime.fromMillis(nowMs, { zone }).startOf('day');
  const oldest = DateTime.fromMillis(oldestMs, { zone }).startOf('day');
  const days: string[] = [];
  for (let d = today; d >= oldest; d = d.minus({ days: 1 })) days.push(d.toISODate() ?? '');
  return days.filter((d) => d !== '');
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
