// Times of the CBS API: sent without an offset (server-local, in the target's `timezone`), sometimes as Java
// epoch milliseconds; backup job ids are start times; ListBackupJobStatus lists one calendar day of that zone.
// Nothing here throws on bad input: an unknown time is `undefined`, never 0.
import { DateTime, IANAZone } from 'luxon';

const TIME_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy/MM/dd HH:mm:ss'];
/** Backup job ids are the job's start time: `2024-06-26-11-33-52`. */
const JOB_ID_FORMAT = 'yyyy-MM-dd-HH-mm-ss';
/** Java epoch milliseconds (legacy servers) are above this; seconds never are. */
const EPOCH_MS_MIN = 1e11;
/** A finished day's list is final only some time after midnight, so clock skew cannot freeze it early. */
const DAY_FINAL_GRACE_MS = 15 * 60_000;

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

/**
 * A time sent either as Java epoch milliseconds (a number or a string of digits) or as `yyyy-MM-dd HH:mm:ss`
 * in `zone` (ListUsers' LastBackupDate). Anything else, 0 and times before 1973 included, is undefined.
 */
export function parseMsOrLocal(value: unknown, zone: string): number | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
    const ms = Number(value);
    return Number.isSafeInteger(ms) && ms >= EPOCH_MS_MIN ? ms / 1000 : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const t = DateTime.fromFormat(value.trim(), TIME_FORMATS[0]!, { zone });
  return t.isValid ? t.toSeconds() : undefined;
}

function epochNumber(n: number): number | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return n >= EPOCH_MS_MIN ? n / 1000 : n;
}

/** The calendar date (`yyyy-MM-dd`) in `zone` of an instant, and the days before it. */
export function localDays(nowMs: number, zone: string, oldestMs: number): string[] {
  const today = DateTime.fromMillis(nowMs, { zone }).startOf('day');
  const oldest = DateTime.fromMillis(oldestMs, { zone }).startOf('day');
  const days: string[] = [];
  for (let d = today; d >= oldest; d = d.minus({ days: 1 })) days.push(d.toISODate() ?? '');
  return days.filter((d) => d !== '');
}

/** A calendar day of the walk, newest first, and whether its list is final at collection time. */
export interface WalkDay {
  date: string;
  over: boolean;
}

/** The days from today (in `zone`) back to the one that holds `nowMs − lookbackMs`. */
export function walkDays(nowMs: number, zone: string, lookbackMs: number): WalkDay[] {
  return localDays(nowMs, zone, nowMs - lookbackMs).map((date) => ({
    date,
    over: DateTime.fromISO(date, { zone }).plus({ days: 1 }).toMillis() + DAY_FINAL_GRACE_MS <= nowMs,
  }));
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
