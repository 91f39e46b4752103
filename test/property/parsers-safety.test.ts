// Property-based tests of every parser of vendor values: whatever an API sends, a parser returns a value or
// `undefined`: it never throws and never returns NaN.
import fc from 'fast-check';
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

import { asText, finiteOrUndefined, jsonish, RUNS, ZONES } from './arbitraries';

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
    fc.property(fc.oneof(jsonish.map(asText), fc.constantFrom('Success', 'BS_STOP_SUCCESS', 'BS_MISSED_X')), (raw) => {
      expect(states).toContain(mapStatus(M365_STATUS, raw));
      expect(states).toContain(ahsayState(raw));
    }),
    RUNS,
  );
});
