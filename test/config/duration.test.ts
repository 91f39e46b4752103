import fc from 'fast-check';
import { formatDuration, parseDuration } from '../../src/config/duration';

describe('parseDuration', () => {
  test.each([
    ['0', 0],
    ['0s', 0],
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['1w', 604_800_000],
    ['1y', 31_536_000_000],
    ['1y2w3d4h5m6s7ms', 31_536_000_000 + 2 * 604_800_000 + 3 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000 + 6_000 + 7],
    ['90m', 5_400_000],
  ])('%s = %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each([
    '',
    '1',
    '30',
    '-1s',
    '1.5h',
    '30 s',
    '1m1h',
    '1h1h',
    '1S',
    's',
    'ms',
    ' 1s',
    '1s ',
    '1d1y',
    '99999999999999999999y',
  ])('%j is rejected', (text) => {
    expect(() => parseDuration(text)).toThrow();
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '0s'],
    [500, '500ms'],
    [5_400_000, '1h30m'],
    [604_800_000, '1w'],
    [90 * 86_400_000, '90d'],
    [31_536_000_000, '1y'],
    [86_400_000 + 1, '1d1ms'],
  ])('%d ms = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});

describe('properties', () => {
  test('formatDuration and parseDuration round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (ms) => parseDuration(formatDuration(ms)) === ms));
  });

  test('any string either fails or gives a non-negative safe integer', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9ywdhms]{0,12}$/), (s) => {
        try {
          const ms = parseDuration(s);
          return Number.isSafeInteger(ms) && ms >= 0;
        } catch {
          return true;
        }
      }),
    );
  });
});
