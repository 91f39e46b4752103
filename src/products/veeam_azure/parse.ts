// Pure parsers for the shapes Veeam Backup for Microsoft Azure sends: .NET TimeSpan durations (or plain
// milliseconds in the older schemas) and ISO timestamps whose fractional part has 5, 6 or 7 digits.

const TIMESPAN = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

/**
 * `executionDuration` in seconds. Accepts a .NET TimeSpan `[-][d.]hh:mm:ss[.fffffff]` or a number of
 * milliseconds (the v2/v3 schema pages type the field as int64 ms; numeric strings are taken the same way).
 * Returns undefined for anything else, so the caller can leave the duration out instead of guessing.
 */
export function parseTimeSpan(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value / 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s) / 1000;
  const m = TIMESPAN.exec(s);
  if (!m) return undefined;
  const [, neg, d, h, min, sec, frac] = m;
  const hours = Number(h);
  const minutes = Number(min);
  const seconds = Number(sec);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const whole = Number(d ?? 0) * 86_400 + hours * 3600 + minutes * 60 + seconds;
  const total = whole + (frac ? Number(`0.${frac}`) : 0);
  // A negative span cannot be a run's duration: treat it as unparsable.
  return neg ? undefined : total;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An API timestamp as Unix seconds (fraction kept to the microsecond). A time without an offset is UTC:
 * the API documents its times as UTC. Null, empty, unparsable and .NET `DateTime.MinValue` give undefined.
 */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(base) || Number(y) < 1970) return undefined;
  const offsetMin = zoneOffsetMinutes(zone);
  const seconds = base / 1000 - offsetMin * 60;
  const fraction = frac ? Math.round(Number(`0.${frac}`) * 1e6) / 1e6 : 0;
  return seconds + fraction;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Formats Unix milliseconds the way the API's `FromUtc` expects: `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
