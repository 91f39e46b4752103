// Reading vendor JSON defensively. One meaning per helper, shared by every product: a value that is not what
// the helper reads is `undefined` (left out), never a guess and never 0.

export type Json = Record<string, unknown>;

/** A JSON object: not an array, not null. */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string with at least one character that is not white space, as sent. */
export function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** An identifier: a text, or a finite number written as a string (some APIs send numeric ids). */
export function id(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  return text(v);
}

const NUMERIC = /^\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/;

/** A finite number, or a string holding one in decimal notation (`"42"`, `" 4.5 "`, `"1e3"`). */
export function number(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && NUMERIC.test(v) ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A count or a size in bytes: a non-negative number up to 2^53, whatever type the document declares (numbers
 * also arrive as strings). Negative values are vendor placeholders, not data.
 */
export function count(v: unknown): number | undefined {
  const n = number(v);
  return n !== undefined && n >= 0 && n <= Number.MAX_SAFE_INTEGER ? n : undefined;
}

/** `true`/`false`, also as strings in any case. */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 time as Unix seconds, to the microsecond. A time without an offset is UTC (the APIs document
 * UTC; the exporter host's zone must not matter); a date alone is its UTC midnight. Null, empty, unparsable
 * and times before 1970 (.NET's `DateTime.MinValue`, `0001-01-01`, means "none") are undefined.
 */
export function isoTime(v: unknown): number | undefined {
  const m = typeof v === 'string' ? ISO.exec(v.trim()) : null;
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(ms) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59) return undefined;
  const nanos = Number(frac.padEnd(9, '0'));
  const micros = (ms - offsetMinutes(zone) * 60_000) * 1000 + Math.round(nanos / 1000);
  // One division of an exact integer: the nearest double to the time, whatever the fraction's length.
  return micros >= 0 ? micros / 1e6 : undefined;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}
