import {
  localDays,
  parseBool,
  parseCbsTime,
  parseCount,
  parseJobId,
  parseNumber,
  parsePercent,
  parseText,
} from '../../src/products/ahsay/parse';
import { decodeReport } from '../../src/products/ahsay/report';
import { ahsayState } from '../../src/products/ahsay/status';

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

test.each<[unknown, number | undefined, number | undefined]>([
  [1169, 1169, 1169],
  ['1169', 1169, 1169],
  [' 42 ', 42, 42],
  ['6827033', 6827033, 6827033],
  ['1.5', 1.5, 1.5],
  ['-1', -1, undefined],
  [-5, -5, undefined],
  ['', undefined, undefined],
  [null, undefined, undefined],
  [undefined, undefined, undefined],
  ['abc', undefined, undefined],
  ['33%', undefined, undefined],
  ['0x10', undefined, undefined],
  [Number.NaN, undefined, undefined],
  [Number.POSITIVE_INFINITY, undefined, undefined],
  [true, undefined, undefined],
])('parseNumber / parseCount %j', (input, number, count) => {
  expect(parseNumber(input)).toBe(number);
  expect(parseCount(input)).toBe(count);
});

test.each<[unknown, number | undefined]>([
  ['33%', 0.33],
  ['0%', 0],
  ['05', 0.05],
  [' 12.5 % ', 0.125],
  ['100%', 1],
  [33, 0.33],
  ['', undefined],
  ['%', undefined],
  ['abc', undefined],
  [null, undefined],
  [undefined, undefined],
])('parsePercent %j', (input, expected) => {
  if (expected === undefined) expect(parsePercent(input)).toBeUndefined();
  else expect(parsePercent(input)).toBeCloseTo(expected, 10);
});

test.each<[unknown, boolean | undefined]>([
  [true, true],
  [false, false],
  ['true', true],
  ['false', false],
  ['TRUE', true],
  [' False ', false],
  ['Y', true],
  ['N', false],
  ['', undefined],
  ['maybe', undefined],
  [1, undefined],
  [null, undefined],
])('parseBool %j', (input, expected) => {
  expect(parseBool(input)).toBe(expected);
});

test.each<[unknown, string | undefined]>([
  ['abc', 'abc'],
  ['', undefined],
  ['  ', undefined],
  [12, '12'],
  [null, undefined],
  [{}, undefined],
])('parseText %j', (input, expected) => {
  expect(parseText(input)).toBe(expected);
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

describe('ahsayState (contract 4.2 table)', () => {
  test.each([
    ['BS_STOP_SUCCESS', 'success'],
    ['BS_STOP_SUCCESS_WITH_WARNING', 'warning'],
    ['BS_STOP_SUCCESS_WITH_ERROR', 'warning'],
    ['BS_STOP_BY_SYSTEM_ERROR', 'failed'],
    ['BS_STOP_BY_SCHEDULER', 'failed'],
    ['BS_STOP_BY_QUOTA_EXCEEDED', 'failed'],
    ['BS_STOP_MISSED_BACKUP', 'failed'],
    ['BS_BACKUP_NOT_FINISHED', 'failed'],
    ['BS_STOP_INCOMPLETE', 'failed'],
    ['BS_MISSED_DATABASAE', 'failed'],
    ['BS_MISSED_DATABASE', 'failed'],
    ['BS_MISSED_VIRTUAL_MACHINE', 'failed'],
    ['BS_MISSED_PUBLIC_FOLDER', 'failed'],
    ['bs_missed_anything_new', 'failed'],
    ['BS_STILL_RUNNING', 'running'],
    ['BS_STOP_BY_USER', 'stopped'],
    ['bs_stop_success', 'success'],
    [' BS_STOP_SUCCESS ', 'success'],
    ['Bs_Still_Running', 'running'],
    ['BS_STOP_BY_SOLAR_FLARE', 'unknown'],
    ['BS_MISSED', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (vendor, state) => {
    expect(ahsayState(vendor)).toBe(state);
  });
});

describe('decodeReport', () => {
  // The vendor's own example (seed page of GetBackupJobReport), reduced to the keys that matter.
  const seed = {
    ID: '2024-06-26-13-24-35',
    FromIp: '10.3.121.64',
    SuccessDatabase: '',
    MissedDatabase: '',
    Logs: [
      { Type: 'start', LogType: 'start', Timestamp: '2024/06/26 13:24:37', Message: 'Start [AhsayOBM v 9.11.0.0]' },
    ],
    NumOfNewFiles: 1169,
    TotalNewFilesSize: 6827033,
    TotalUnzipNewFilesSize: 10268480,
    NewFilesZipRatio: '33%',
    NumOfUpdatedFiles: 0,
    TotalUpdatedFilesSize: 0,
    TotalUnzipUpdatedFilesSize: 0,
    UpdatedFilesZipRatio: '0%',
    NumOfUpdatedPermissionFiles: 0,
    TotalUpdatedPermissionFilesSize: 0,
    TotalUnzipUpdatedPermissionFilesSize: 0,
    NumOfDeletedFiles: 0,
    TotalDeletedFilesSize: 0,
    TotalUnzipDeletedFilesSize: 0,
    DeletedFilesZipRatio: '0%',
    NumOfMovedFiles: 0,
    TotalMovedFilesSize: 0,
    TotalUnzipMovedFilesSize: 0,
    MovedFilesZipRatio: '05',
    NumOfCopiedFiles: 0,
    TotalCopiedSize: 0,
    TotalUnzipCopiedFilesSize: 0,
    CopiedFilesZipRatio: '0%',
    StartTime: '2024-06-26 13:24:37',
    EndTime: '2024-06-26 13:24:58',
    BackupJobStatus: 'BS_STOP_SUCCESS',
    NumOfWarnEntries: 0,
    NumOfErrorEntries: 0,
    DedupeEnabled: true,
    DedupeOriginalSize: 2384,
    DedupeSaving: 0,
  };

  test('the vendor example', () => {
    const r = decodeReport(seed, HK);
    expect(r).toMatchObject({
      id: '2024-06-26-13-24-35',
      status: 'BS_STOP_SUCCESS',
      start: utc('2024-06-26T05:24:37Z'),
      end: utc('2024-06-26T05:24:58Z'),
      warnings: 0,
      errors: 0,
      dedupeEnabled: true,
      dedupeOriginal: 2384,
      dedupeSaving: 0,
      logEntries: 1,
    });
    expect(r.files.new).toEqual({ count: 1169, stored: 6827033, original: 10268480, zipRatio: 0.33 });
    expect(r.files.moved).toEqual({ count: 0, stored: 0, original: 0, zipRatio: 0.05 });
    expect(r.files.copied).toEqual({ count: 0, stored: 0, original: 0, zipRatio: 0 });
  });

  test('strings for numbers, "" for absent, the `info` log name, booleans as strings', () => {
    const r = decodeReport(
      {
        ...seed,
        Logs: undefined,
        info: [{}, {}],
        NumOfNewFiles: '12',
        TotalNewFilesSize: '',
        NumOfWarnEntries: '',
        NumOfErrorEntries: '3',
        DedupeEnabled: 'false',
        DedupeOriginalSize: null,
        NewFilesZipRatio: 'n/a',
        UpdatedFilesZipRatio: undefined,
        UpdatedFilesZipRation: '25%',
      },
      HK,
    );
    expect(r.files.new).toEqual({ count: 12, original: 10268480 });
    expect(r.files.updated?.zipRatio).toBe(0.25);
    expect(r.warnings).toBeUndefined();
    expect(r.errors).toBe(3);
    expect(r.dedupeEnabled).toBe(false);
    expect(r.dedupeOriginal).toBeUndefined();
    expect(r.logEntries).toBe(2);
  });

  test('an empty report has no values at all (never 0)', () => {
    expect(decodeReport({ ID: '', StartTime: '', NumOfWarnEntries: '', DedupeEnabled: '' }, HK)).toEqual({ files: {} });
  });
});
