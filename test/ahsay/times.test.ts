// Times of the CBS API: offset-less local times in the target's zone (DST included), epoch milliseconds, job
// ids that are start times, and the calendar days of the walk.
import { localDays, parseCbsTime, parseJobId } from '../../src/products/ahsay/times';

const HK = 'Asia/Hong_Kong';
const NY = 'America/New_York';
const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('parseCbsTime', () => {
  test.each<[unknown, string, number | undefined]>([
    ['2024-06-26 13:24:37', HK, utc('2024-06-26T05:24:37Z')],
    ['2024/06/26 13:24:38', HK, utc('2024-06-26T05:24:38Z')],
    [' 2024-06-26 13:24:37 ', HK, utc('2024-06-26T05:24:37Z')],
    ['2024-06-26 13:24:37', 'UTC', utc('2024-06-26T13:24:37Z')],
    // New York summer (EDT, -4) and winter (EST, -5).
    ['2025-07-01 12:00:00', NY, utc('2025-07-01T16:00:00Z')],
    ['2025-01-15 12:00:00', NY, utc('2025-01-15T17:00:00Z')],
    // Spring-forward gap: 02:30 does not exist on 2025-03-09; the wall clock reads 03:30 EDT.
    ['2025-03-09 02:30:00', NY, utc('2025-03-09T07:30:00Z')],
    ['2025-03-09 01:59:59', NY, utc('2025-03-09T06:59:59Z')],
    ['2025-03-09 03:00:00', NY, utc('2025-03-09T07:00:00Z')],
    // Fall-back overlap: 01:30 happens twice on 2025-11-02; one fixed occurrence (EST) is chosen.
    ['2025-11-02 01:30:00', NY, utc('2025-11-02T06:30:00Z')],
    ['2025-11-02 00:30:00', NY, utc('2025-11-02T04:30:00Z')],
    ['2025-11-02 02:30:00', NY, utc('2025-11-02T07:30:00Z')],
    // Legacy epoch milliseconds, as a number or a numeric string; seconds stay seconds.
    [1571234567890, HK, 1571234567.89],
    ['1571234567890', HK, 1571234567.89],
    [1571234567, HK, 1571234567],
    ['', HK, undefined],
    ['   ', HK, undefined],
    [null, HK, undefined],
    [undefined, HK, undefined],
    [0, HK, undefined],
    ['2024-13-01 00:00:00', HK, undefined],
    ['2024-06-26T13:24:37Z', HK, undefined],
    ['2024-06-26', HK, undefined],
    ['2024-06-26 11;34:15', HK, undefined],
    [{}, HK, undefined],
  ])('%j in %s', (input, zone, expected) => {
    expect(parseCbsTime(input, zone)).toBe(expected);
  });

  test('a duration across the autumn change is real elapsed time, not the wall-clock difference', () => {
    const start = parseCbsTime('2025-11-01 23:00:00', NY)!;
    const end = parseCbsTime('2025-11-02 03:00:00', NY)!;
    expect(end - start).toBe(5 * 3600);
  });

  test('a duration across the spring change is real elapsed time', () => {
    const start = parseCbsTime('2025-03-09 01:30:00', NY)!;
    const end = parseCbsTime('2025-03-09 03:30:00', NY)!;
    expect(end - start).toBe(3600);
  });
});

test.each<[string, number | undefined]>([
  ['2024-06-26-11-33-52', utc('2024-06-26T03:33:52Z')],
  ['2024-08-23-10-00-36', utc('2024-08-23T02:00:36Z')],
  ['2024-06-26 11:33:52', undefined],
  ['latest', undefined],
])('parseJobId %s', (id, expected) => {
  expect(parseJobId(id, HK)).toBe(expected);
});

describe('localDays', () => {
  test('today first, back to the day of the lookback start, in the zone', () => {
    // 2026-03-02T04:00Z is 12:00 on 2 March in Hong Kong and 23:00 on 1 March in New York.
    const now = Date.UTC(2026, 2, 2, 4, 0, 0);
    expect(localDays(now, HK, now - 2 * 86_400_000)).toEqual(['2026-03-02', '2026-03-01', '2026-02-28']);
    expect(localDays(now, NY, now - 86_400_000)).toEqual(['2026-03-01', '2026-02-28']);
  });

  test('calendar days across a DST change (a 23 h and a 25 h day) are each listed once', () => {
    const now = Date.UTC(2025, 10, 3, 17, 0, 0);
    expect(localDays(now, NY, now - 3 * 86_400_000)).toEqual(['2025-11-03', '2025-11-02', '2025-11-01', '2025-10-31']);
    const spring = Date.UTC(2025, 2, 10, 16, 0, 0);
    expect(localDays(spring, NY, spring - 2 * 86_400_000)).toEqual(['2025-03-10', '2025-03-09', '2025-03-08']);
  });
});
