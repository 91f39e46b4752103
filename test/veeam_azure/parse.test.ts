import { isoTime as parseTime } from '../../src/common/decode';
import { formatUtc } from '../../src/products/veeam_azure/client';
import { parseTimeSpan } from '../../src/products/veeam_azure/decode';

describe('parseTimeSpan (executionDuration)', () => {
  test.each<[unknown, number | undefined]>([
    ['1.02:03:04.5000000', 93_784.5],
    ['00:00:01.4468860', 1.446886],
    ['00:02:33', 153],
    ['00:02:33.8496840', 153.849684],
    ['00:02:00.12345', 120.12345],
    ['12.00:00:00', 1_036_800],
    [154000, 154],
    [0, 0],
    ['154000', 154],
    ['garbage', undefined],
    ['', undefined],
    ['00:61:00', undefined],
    ['-00:00:05', undefined],
    ['00:00:01.12345678', undefined],
    ['PT5S', undefined],
    [-5, undefined],
    [Number.NaN, undefined],
    [null, undefined],
    [undefined, undefined],
    [{}, undefined],
  ])('%p → %p', (input, expected) => {
    const got = parseTimeSpan(input);
    if (expected === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(expected, 9);
  });
});

describe('parseTime', () => {
  const base = Date.UTC(2020, 1, 5, 10, 48, 40) / 1000;
  test.each<[unknown, number | undefined]>([
    ['2020-02-05T10:48:40.67325Z', base + 0.67325],
    ['2020-02-05T10:48:40.673250Z', base + 0.67325],
    ['2020-02-05T10:48:40.6732500Z', base + 0.67325],
    ['2020-02-05T10:48:40.1234567Z', base + 0.123457],
    ['2020-02-05T10:48:40Z', base],
    ['2020-02-05T10:48:40', base],
    ['2020-02-05T11:48:40+01:00', base],
    ['2020-02-05T03:48:40.5-07:00', base + 0.5],
    ['0001-01-01T00:00:00', undefined],
    ['yesterday', undefined],
    ['', undefined],
    [null, undefined],
    [1580899720, undefined],
  ])('%p → %p', (input, expected) => {
    const got = parseTime(input);
    if (expected === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(expected, 5);
  });

  test('formatUtc gives the FromUtc shape', () => {
    expect(formatUtc(Date.UTC(2026, 2, 2, 12, 0, 0, 999))).toBe('2026-03-02T12:00:00Z');
  });
});
