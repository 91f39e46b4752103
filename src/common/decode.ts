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
  if (typeof v !== 'string') return undefined;
  const fast = commonIsoTime(v);
  if (fast !== null) return fast;
  const m = ISO.exec(v.trim());
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

/** Two decimal digits at `i`, or -1. */
function digits2(v: string, i: number): number {
  const a = v.charCodeAt(i) - 48;
  const b = v.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The shape nearly every API sends, `yyyy-MM-ddTHH:mm:ss[.fraction][Z|±hh:mm|±hhmm|±hh]`, read without a regular
 * expression (thousands of times per collection); the same result as isoTime's expression. null: another
 * shape, left to the expression.
 */
function commonIsoTime(v: string): number | undefined | null {
  const n = v.length;
  if (n < 19 || v[4] !== '-' || v[7] !== '-' || v[13] !== ':' || v[16] !== ':') return null;
  const t = v[10];
  if (t !== 'T' && t !== 't' && t !== ' ') return null;
  const [y1, y2, mo, d] = [digits2(v, 0), digits2(v, 2), digits2(v, 5), digits2(v, 8)];
  const [h, mi, sec] = [digits2(v, 11), digits2(v, 14), digits2(v, 17)];
  if (y1 < 0 || y2 < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return null;
  const y = y1 * 100 + y2;
  let i = 19;
  let micros = 0;
  if (v[i] === '.' || v[i] === ',') {
    let nanos = 0;
    let k = 0;
    for (i++; i < n && k < 10; i++, k++) {
      const c = v.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      nanos = nanos * 10 + c;
    }
    if (k === 0 || k > 9) return null;
    micros = Math.round((nanos * 10 ** (9 - k)) / 1000);
  }
  const offset = zoneMinutes(v, i);
  if (offset === null) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (!Number.isFinite(ms) || mo > 12 || d > 31 || h > 23 || mi > 59) return undefined;
  const total = (ms - offset * 60_000) * 1000 + micros;
  return total >= 0 ? total / 1e6 : undefined;
}

/** The offset that ends `v` from `i` (nothing, `Z`, `±hh`, `±hhmm`, `±hh:mm`) in minutes; null for anything else. */
function zoneMinutes(v: string, i: number): number | null {
  const rest = v.length - i;
  if (rest === 0) return 0;
  const c = v[i];
  if (rest === 1) return c === 'Z' || c === 'z' ? 0 : null;
  if (c !== '+' && c !== '-') return null;
  const hh = digits2(v, i + 1);
  const mm = rest === 3 ? 0 : rest === 5 ? digits2(v, i + 3) : rest === 6 && v[i + 3] === ':' ? digits2(v, i + 4) : -1;
  if (hh < 0 || mm < 0) return null;
  return (c === '-' ? -1 : 1) * (hh * 60 + mm);
}
