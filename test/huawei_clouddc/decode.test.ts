// Reading CloudDC values: percentages, times, the state mappings, file names from vendor ids, the state file.
import { isoTime as parseTime } from '../../src/common/decode';
import { percentage as parsePercentage } from '../../src/products/huawei_clouddc/decode';
import { safeSegment } from '../../src/products/huawei_clouddc/download';
import { mapExportStatus, mapHealth, mapPower } from '../../src/products/huawei_clouddc/samples';
import { parseState } from '../../src/products/huawei_clouddc/store';

describe('parsePercentage', () => {
  test.each<[unknown, number | undefined]>([
    [30, 0.3],
    ['30', 0.3],
    ['30%', 0.3],
    [' 30 % ', 0.3],
    ['0%', 0],
    [100, 1],
    ['100', 1],
    ['12.5%', 0.125],
    ['', undefined],
    ['abc', undefined],
    ['-5', undefined],
    [101, undefined],
    ['150%', undefined],
    [null, undefined],
    [undefined, undefined],
    [Number.NaN, undefined],
    [{}, undefined],
    ['30%%', undefined],
  ])('%p → %p', (input, expected) => {
    expect(parsePercentage(input)).toBe(expected);
  });
});

describe('parseTime', () => {
  test.each<[unknown, number | undefined]>([
    ['2025-03-20T02:48:06+00:00', Date.UTC(2025, 2, 20, 2, 48, 6) / 1000],
    ['2024-07-01T11:32:49Z', Date.UTC(2024, 6, 1, 11, 32, 49) / 1000],
    ['2020-01-04T09:05:22.701000Z', Date.UTC(2020, 0, 4, 9, 5, 22, 701) / 1000],
    ['2024-07-01T11:32:49', Date.UTC(2024, 6, 1, 11, 32, 49) / 1000],
    ['2024-07-01T13:32:49+02:00', Date.UTC(2024, 6, 1, 11, 32, 49) / 1000],
    ['', undefined],
    ['yesterday', undefined],
    [12345, undefined],
    [null, undefined],
  ])('%p → %p', (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });
});

describe('status mappings', () => {
  test.each([
    ['processing', 'processing'],
    ['Running', 'processing'],
    ['RUNNING', 'processing'],
    ['completed', 'completed'],
    ['Success', 'completed'],
    ['succeeded', 'completed'],
    ['failed', 'failed'],
    ['Failure', 'failed'],
    ['error', 'failed'],
    ['queued', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('export %p → %p', (raw, state) => {
    expect(mapExportStatus(raw)).toBe(state);
  });

  test.each([
    ['OK', 'ok'],
    ['ok', 'ok'],
    ['Warning', 'warning'],
    ['Critical', 'critical'],
    ['CRITICAL', 'critical'],
    ['Unknown', 'unknown'],
    ['Degraded', 'unknown'],
    ['', 'unknown'],
  ])('health %p → %p', (raw, state) => {
    expect(mapHealth(raw)).toBe(state);
  });

  test.each([
    ['on', 'on'],
    ['ON', 'on'],
    ['off', 'off'],
    ['powering-on', 'powering-on'],
    ['Powering_Off', 'powering-off'],
    ['rebooting', 'rebooting'],
    ['standby', 'unknown'],
    ['', 'unknown'],
  ])('power %p → %p', (raw, state) => {
    expect(mapPower(raw)).toBe(state);
  });
});

describe('safeSegment', () => {
  test.each([
    ['abc-123_X.y', 'abc-123_X.y'],
    ['..', '%2e%2e'],
    ['.', '%2e'],
    ['', '%'],
    ['a/b', 'a%2fb'],
    ['../etc', '..%2fetc'],
    ['a\\b', 'a%5cb'],
  ])('%p → %p', (id, seg) => {
    expect(safeSegment(id)).toBe(seg);
  });
});

describe('parseState', () => {
  const ok = { serverId: 's', exportId: '1', createdAt: 1, state: 'processing', terminal: false };
  test.each<[string, boolean]>([
    [JSON.stringify({ version: 1, target: 't', exports: [ok] }), true],
    [JSON.stringify({ version: 1, target: 't', exports: [] }), true],
    ['{"version":1,"exports":[', false],
    [JSON.stringify({ version: 2, exports: [] }), false],
    [JSON.stringify({ version: 1, exports: [{ ...ok, state: 'weird' }] }), false],
    [JSON.stringify({ version: 1, exports: [{ ...ok, createdAt: '1' }] }), false],
    ['null', false],
    ['[]', false],
  ])('%s valid=%p', (text, valid) => {
    expect(parseState(text) !== undefined).toBe(valid);
  });
});
