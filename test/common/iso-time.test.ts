// isoTime reads the common shape without a regular expression; every input must read as the expression reads it.
import fc from 'fast-check';
import { isoTime } from '../../src/common/decode';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The reading by the expression alone (the definition the fast path must match). */
function byExpression(v: string): number | undefined {
  const m = ISO.exec(v.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(ms) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59) return undefined;
  const nanos = Number(frac.padEnd(9, '0'));
  const off =
    !zone || zone.toUpperCase() === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1).replace(':', '').slice(0, 2)) * 60 +
          Number(zone.slice(1).replace(':', '').slice(2, 4) || '0'));
  const micros = (ms - off * 60_000) * 1000 + Math.round(nanos / 1000);
  return micros >= 0 ? micros / 1e6 : undefined;
}

const digit = fc.constantFrom(...'0123456789');
const digits = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((a) => a.join(''));
const piece = fc.oneof(digits(1, 4), fc.constantFrom('-', ':', 'T', 't', ' ', '.', ',', 'Z', 'z', '+', 'x', ''));
/** Strings near the ISO shape: real times with their pieces changed, dropped or repeated. */
const nearIso = fc.tuple(
  digits(4, 4),
  digits(2, 2),
  digits(2, 2),
  fc.constantFrom('T', 't', ' ', 'X'),
  digits(2, 2),
  digits(2, 2),
  digits(2, 2),
  fc.option(fc.tuple(fc.constantFrom('.', ','), digits(0, 11))),
  fc.constantFrom('', 'Z', 'z', '+01:00', '-05:30', '+0100', '-08', '+1', ' Z', '+01:0', 'Q', '+01:00 '),
  fc.array(piece, { maxLength: 2 }),
);

describe('isoTime', () => {
  it('reads the common shape exactly as the expression does', () => {
    fc.assert(
      fc.property(nearIso, ([y, mo, d, t, h, mi, s, frac, zone, junk]) => {
        const v = `${y}-${mo}-${d}${t}${h}:${mi}:${s}${frac ? frac[0] + frac[1] : ''}${zone}${junk.join('')}`;
        expect(isoTime(v)).toBe(byExpression(v));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the usual vendor times', () => {
    expect(isoTime('2021-02-26T01:00:00.1732347+03:00')).toBe(Date.UTC(2021, 1, 25, 22) / 1000 + 0.173235);
    expect(isoTime('2026-11-22T12:00:00Z')).toBe(Date.UTC(2026, 10, 22, 12) / 1000);
    expect(isoTime('2026-11-22 12:00:00')).toBe(Date.UTC(2026, 10, 22, 12) / 1000);
    expect(isoTime('0001-01-01T00:00:00')).toBeUndefined();
    expect(isoTime('2026-11-22T12:00:00.1234567890Z')).toBeUndefined();
  });
});
