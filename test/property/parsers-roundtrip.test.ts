// Property-based tests of every parser of vendor values: well-formed input comes back exactly.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isoTime } from '../../src/common/decode';
import { parseTimeSpan } from '../../src/products/veeam_azure/decode';
import { percentage as parsePercentage } from '../../src/products/huawei_clouddc/decode';
import { count as parseCount, number as parseNumber } from '../../src/common/decode';
import { percent as parsePercent } from '../../src/products/ahsay/decode';
import { parseCbsTime, parseJobId } from '../../src/products/ahsay/times';

import { RUNS, ZONES } from './arbitraries';

describe('well-formed input comes back exactly', () => {
  test('.NET TimeSpan [d.]hh:mm:ss[.fffffff] and milliseconds', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 23 }),
        fc.nat({ max: 59 }),
        fc.nat({ max: 59 }),
        fc.option(fc.stringMatching(/^\d{1,7}$/), { nil: undefined }),
        (d, h, m, s, frac) => {
          const text = `${d > 0 ? `${d}.` : ''}${pad(h)}:${pad(m)}:${pad(s)}${frac ? `.${frac}` : ''}`;
          const expected = d * 86_400 + h * 3600 + m * 60 + s + (frac ? Number(`0.${frac}`) : 0);
          expect(parseTimeSpan(text)).toBeCloseTo(expected, 6);
          expect(parseTimeSpan(`-${text}`)).toBeUndefined();
        },
      ),
      RUNS,
    );
    fc.assert(
      fc.property(fc.nat(), (ms) => parseTimeSpan(ms) === ms / 1000 && parseTimeSpan(String(ms)) === ms / 1000),
      RUNS,
    );
  });

  test('ISO timestamps with any offset and fraction (Azure, VB365, Huawei)', () => {
    const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) });
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(instant, offset, fc.boolean(), (ms, off, z) => {
        const local = DateTime.fromMillis(Math.floor(ms / 1000) * 1000, {
          zone:
            z && off === 0
              ? 'UTC'
              : `UTC${off >= 0 ? '+' : '-'}${Math.floor(Math.abs(off) / 60)}:${pad2(Math.abs(off) % 60)}`,
        });
        const text = local.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS") + (z && off === 0 ? 'Z' : local.toFormat('ZZ'));
        const expected = Math.floor(ms / 1000);
        expect(isoTime(text)).toBeCloseTo(expected, 6);
      }),
      RUNS,
    );
  });
});

describe('well-formed local times come back exactly', () => {
  test('ahsay local times round-trip in zones without a clock change at that moment', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const t = DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone });
        // An ambiguous fall-back hour may resolve to its other occurrence: never further away than that.
        const tolerance = t.isInDST || t.minus({ hours: 3 }).isInDST !== t.plus({ hours: 3 }).isInDST ? 3600 : 0;
        const expected = t.toSeconds();
        for (const text of [t.toFormat('yyyy-MM-dd HH:mm:ss'), t.toFormat('yyyy/MM/dd HH:mm:ss')]) {
          expect(Math.abs(parseCbsTime(text, zone)! - expected)).toBeLessThanOrEqual(tolerance);
        }
        expect(Math.abs(parseJobId(t.toFormat('yyyy-MM-dd-HH-mm-ss'), zone)! - expected)).toBeLessThanOrEqual(
          tolerance,
        );
      }),
      RUNS,
    );
  });

  test('ahsay epoch seconds and Java milliseconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000_000, max: 4_102_444_800 }),
        (s) =>
          parseCbsTime(s, 'UTC') === s &&
          parseCbsTime(s * 1000, 'UTC') === s &&
          parseCbsTime(String(s * 1000), 'UTC') === s,
      ),
      RUNS,
    );
  });
});

describe('well-formed percentages and numbers come back exactly', () => {
  test('percentages: 30, "30", "30%", " 30.5 % " (Huawei 0..100, Ahsay ratios)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('', '%', ' %', ' % '), (hundredths, suffix) => {
        const n = hundredths / 100;
        const text = `${String(n)}${suffix}`;
        expect(parsePercentage(text)).toBeCloseTo(n / 100, 12);
        expect(parsePercentage(n)).toBeCloseTo(n / 100, 12);
        expect(parsePercent(text)).toBeCloseTo(n / 100, 12);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 1e9, noNaN: true, minExcluded: true }),
        (n) => parsePercentage(n) === undefined,
      ),
      RUNS,
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (v) => {
        const r = parsePercentage(v);
        return r === undefined || (r >= 0 && r <= 1);
      }),
      RUNS,
    );
  });

  test('ahsay Longs as numbers or strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => {
        const counted = n >= 0 && n <= Number.MAX_SAFE_INTEGER;
        return (
          parseNumber(String(n)) === Number(String(n)) &&
          parseNumber(n) === n &&
          (parseCount(n) !== undefined) === counted
        );
      }),
      RUNS,
    );
  });
});

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
