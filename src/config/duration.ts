// Prometheus duration syntax (model.ParseDuration): units y w d h m s ms, each at most once and in that
// order, e.g. `500ms`, `30s`, `1h30m`, `7d`; `0` alone is zero. A year is 365 days, as in Prometheus.

const UNITS = [
  ['y', 365 * 86_400_000],
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
] as const;

const PATTERN = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Parses a Prometheus duration into milliseconds; throws an Error on anything else. */
export function parseDuration(s: string): number {
  if (typeof s !== 'string' || s === '') throw new Error('empty duration string');
  if (s === '0') return 0;
  const m = PATTERN.exec(s);
  if (!m) throw new Error(`not a valid duration: ${JSON.stringify(s)}`);
  let total = 0;
  UNITS.forEach(([, mult], i) => {
    const digits = m[i + 1];
    if (digits !== undefined) total += Number(digits) * mult;
  });
  if (!Number.isSafeInteger(total)) throw new Error(`duration out of range: ${JSON.stringify(s)}`);
  return total;
}

/**
 * Formats milliseconds the way Prometheus prints durations (`1h30m`, `0s`). Years and weeks are used only
 * when they divide the value exactly, because `90d` reads better than `12w6d`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new Error(`cannot format duration ${ms}`);
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, mult] of UNITS) {
    if ((unit === 'y' || unit === 'w') && rest % mult !== 0) continue;
    const v = Math.floor(rest / mult);
    if (v > 0) {
      out += `${v}${unit}`;
      rest -= v * mult;
    }
  }
  return out;
}
