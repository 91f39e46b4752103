// Property-based tests of every parser of vendor values: whatever an API sends, a parser returns a value or
// `undefined` (never throws, never NaN), and well-formed input comes back exactly.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { count as m365Count, isoTime } from '../../src/common/decode';
import { parseTimeSpan } from '../../src/products/veeam_azure/decode';
import { classifyTitle, classifyType } from '../../src/products/veeam_m365/decode';
import { percentage as parsePercentage } from '../../src/products/huawei_clouddc/decode';
import { mapExportStatus, mapHealth, mapPower } from '../../src/products/huawei_clouddc/samples';
import { mapStatus } from '../../src/core/jobs';
import { STATUS as M365_STATUS } from '../../src/products/veeam_m365/samples';
import { ahsayState } from '../../src/products/ahsay/samples';
import { count as parseCount, id as parseText, number as parseNumber } from '../../src/common/decode';
import { flag as parseBool, percent as parsePercent } from '../../src/products/ahsay/decode';
import { parseCbsTime, parseJobId } from '../../src/products/ahsay/times';

/** Any JSON value as text; String() itself throws on objects such as {"toString": null}, which JSON can hold. */
function asText(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

const RUNS = { numRuns: 500 };
/** Values a JSON API can send in any field, plus the strings most likely to confuse a parser. */
const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '-',
    '.',
    '1e309',
    'NaN',
    'Infinity',
    '-0',
    '0001-01-01T00:00:00',
    '99:99:99',
    '١٢٣',
    '\u0000',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
  ),
  fc.double(),
);
const ZONES = [
  'UTC',
  'Asia/Hong_Kong',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
];

/** undefined, or a finite number: what every numeric parser must return. */
function finiteOrUndefined(v: number | undefined): boolean {
  return v === undefined || Number.isFinite(v);
}

describe('never throw, never NaN', () => {
  test.each([
    ['parseTimeSpan', (v: unknown) => parseTimeSpan(v)],
        ['common isoTime', (v: unknown) => isoTime(v)],
    ['common count', (v: unknown) => m365Count(v)],
    ['huawei parsePercentage', (v: unknown) => parsePercentage(v)],
    ['ahsay parseNumber', (v: unknown) => parseNumber(v)],
    ['ahsay parseCount', (v: unknown) => parseCount(v)],
    ['ahsay parsePercent', (v: unknown) => parsePercent(v)],
  ])('%s', (_name, parse) => {
    fc.assert(
      fc.property(jsonish, (v) => finiteOrUndefined(parse(v))),
      RUNS,
    );
  });

  test('ahsay times and job ids in any zone', () => {
    fc.assert(
      fc.property(
        jsonish,
        fc.constantFrom(...ZONES),
        (v, zone) => finiteOrUndefined(parseCbsTime(v, zone)) && finiteOrUndefined(parseJobId(asText(v), zone)),
      ),
      RUNS,
    );
  });

  test('ahsay booleans and texts, VB365 log classes, Huawei states', () => {
    fc.assert(
      fc.property(jsonish, (v) => {
        expect([true, false, undefined]).toContain(parseBool(v));
        const t = parseText(v);
        expect(t === undefined || typeof t === 'string').toBe(true);
        expect(['warning', 'error', undefined]).toContain(classifyTitle(v));
        expect(['warning', 'error', undefined]).toContain(classifyType(v));
        const s = typeof v === 'string' ? v : undefined;
        expect(['processing', 'completed', 'failed', 'unknown']).toContain(mapExportStatus(s));
        expect(['ok', 'warning', 'critical', 'unknown']).toContain(mapHealth(s ?? ''));
        expect(['on', 'off', 'powering-on', 'powering-off', 'rebooting', 'unknown']).toContain(mapPower(s ?? ''));
      }),
      RUNS,
    );
  });
});

test('any vendor job status maps to exactly one of the seven states', () => {
  const states = ['success', 'warning', 'failed', 'running', 'stopped', 'none', 'unknown'];
  fc.assert(
    fc.property(fc.oneof(jsonish.map(String), fc.constantFrom('Success', 'BS_STOP_SUCCESS', 'BS_MISSED_X')), (raw) => {
      expect(states).toContain(mapStatus(M365_STATUS, raw));
      expect(states).toContain(ahsayState(raw));
    }),
    RUNS,
  );
});

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
        // eslint-disable-next-line eqeqeq
        return parseNumber(String(n)) == n && parseNumber(n) == n && (parseCount(n) === undefined) === n < 0;
      }),
      RUNS,
    );
  });
});

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
