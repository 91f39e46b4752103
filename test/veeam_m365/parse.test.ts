import { count as parseCount, isoTime as parseTime } from '../../src/common/decode';
import {
  classifyLogItem,
  classifyTitle,
  classifyType,
  decodePage,
  decodeSession,
  linkedJobIds,
} from '../../src/products/veeam_m365/decode';
import { STATUS, toRun } from '../../src/products/veeam_m365/samples';
import { versionNumber } from '../../src/products/veeam_m365/auth';
import { dotnetTime } from '../../src/simulators/veeam_m365/data';

describe('parseTime', () => {
  test.each([
    // Ticks (100 ns) are kept to the microsecond, as for every product's ISO times.
    ['2017-04-04T00:07:21.3664166-07:00', (Date.UTC(2017, 3, 4, 7, 7, 21) * 1000 + 366_417) / 1e6],
    ['2019-02-04T16:49:22.8529769Z', (Date.UTC(2019, 1, 4, 16, 49, 22) * 1000 + 852_977) / 1e6],
    ['2021-02-26T01:00:00.1732347+03:00', (Date.UTC(2021, 1, 25, 22, 0, 0) * 1000 + 173_235) / 1e6],
    ['2021-02-26T01:00:00', Date.UTC(2021, 1, 26, 1, 0, 0) / 1000],
    [null, undefined],
    [undefined, undefined],
    ['', undefined],
    ['yesterday', undefined],
    [12345, undefined],
  ])('%p', (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });

  test('.NET MinValue is not a time (not an end)', () => {
    expect(parseTime('0001-01-01T00:00:00')).toBeUndefined();
  });

  test('the simulator formats .NET times that parse back to the millisecond', () => {
    const ms = Date.UTC(2026, 2, 2, 11, 59, 58, 123);
    expect(dotnetTime(ms, 60, 4567)).toBe('2026-03-02T12:59:58.1234567+01:00');
    expect(parseTime(dotnetTime(ms, -420, 1))).toBe(ms / 1000);
  });
});

describe('log item classification', () => {
  test.each([
    ['[Success] Job started at 4/4/2017 12:07:21 AM', undefined],
    ['[Warning] Processing mailbox x finished with warning', 'warning'],
    ['[Error] Failed to process site', 'error'],
    ['[Failed] Processing mailbox y failed', 'error'],
    ['[warning] lower case', 'warning'],
    ['Warning without brackets', undefined],
    [' [Warning] leading space', undefined],
    [null, undefined],
  ])('title %p', (title, expected) => {
    expect(classifyTitle(title)).toBe(expected);
  });

  test.each([
    ['Warning', 'warning'],
    ['Error', 'error'],
    ['Success', undefined],
    ['Running', undefined],
    ['Stop', undefined],
    [7, undefined],
  ])('v8 type %p', (type, expected) => {
    expect(classifyType(type)).toBe(expected);
  });

  test('an item is classified by type (v8) or by title (v3–v7)', () => {
    expect(classifyLogItem({ type: 'Error', message: '[Warning] text' })).toBe('error');
    expect(classifyLogItem({ title: '[Warning] x' })).toBe('warning');
  });
});

describe('status mapping', () => {
  test.each([
    ['Success', 'success'],
    ['Warning', 'warning'],
    ['Failed', 'failed'],
    ['Disconnected', 'failed'],
    ['Running', 'running'],
    ['Queued', 'running'],
    ['Stopped', 'stopped'],
    ['NotConfigured', 'none'],
    ['success', 'success'],
    ['Paused', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (vendor, state) => {
    const run = toRun({ id: 'a', start: 100, end: 200, status: vendor });
    expect(run.state).toBe(state);
    expect(run.vendorStatus).toBe(vendor);
  });

  test('the table covers every documented session status', () => {
    expect(Object.keys(STATUS).sort()).toEqual([
      'disconnected',
      'failed',
      'notconfigured',
      'queued',
      'running',
      'stopped',
      'success',
      'warning',
    ]);
  });

  test.each([
    ['absent', undefined],
    ['MinValue', parseTime('0001-01-01T00:00:00')],
    ['before start', 50],
  ])('an end that is %s means not ended', (_what, end) => {
    expect(
      toRun({ id: 'a', start: 100, ...(end === undefined ? {} : { end }), status: 'Running' }).end,
    ).toBeUndefined();
  });
});

describe('decoders', () => {
  test('lists come bare or as pages', () => {
    expect(decodePage([1, 2], '/v3/Jobs')).toEqual({ items: [1, 2], hasNext: false, isPage: false });
    expect(
      decodePage({ offset: 0, limit: 30, results: [1], _links: { next: { href: '/v8/Jobs?offset=30' } } }, '/v8/Jobs'),
    ).toEqual({ items: [1], limit: 30, hasNext: true, isPage: true });
    expect(() => decodePage({ message: 'oops' }, '/v8/Jobs')).toThrow(expect.objectContaining({ kind: 'decode' }));
    expect(() => decodePage('<html>', '/v8/Jobs')).toThrow(/\/v8\/Jobs/);
  });
});

describe('session decoders', () => {
  test.each([
    [{ job: { href: 'https://h:4443/v5/Jobs/6f1c-1' } }, ['6f1c-1']],
    [{ self: { href: '/v6/JobSessions/s1' }, job: { href: '/v6/jobs/abc' } }, ['abc']],
    [{ copyJob: { href: '/v6/CopyJobs/c1' } }, ['c1']],
    // Link names are documented nowhere: any name counts, the href decides.
    [{ parent: { href: '/v7/CopyJobs/c1/' }, backupJob: { href: '/v7/Jobs/b1?x=1' } }, ['c1', 'b1']],
    [{ a: { href: '/v7/Jobs/b1' }, b: { href: '/v7/Jobs/b1' } }, ['b1']],
    [{ jobsessions: { href: '/v6/Jobs/x/JobSessions' }, log: { href: '/v6/JobSessions/s/LogItems' } }, []],
    [{ job: { href: '/v6/Jobs/%E0%A4%A' } }, ['%E0%A4%A']],
    [{ job: 'not a link' }, []],
    [undefined, []],
  ])('job ids from links %j', (links, ids) => {
    expect(linkedJobIds(links)).toEqual(ids);
  });

  test('sessions: numbers as strings, missing statistics, no creationTime', () => {
    const s = decodeSession({
      id: 's',
      creationTime: '2021-02-26T01:00:00Z',
      status: 'Success',
      statistics: { transferredDataBytes: '42' },
    });
    expect(s).toEqual({
      id: 's',
      jobIds: [],
      start: Date.UTC(2021, 1, 26, 1) / 1000,
      status: 'Success',
      transferredBytes: 42,
    });
    expect(decodeSession({ id: 's', status: 'Success' })).toBeUndefined();
  });

  test('sessions: the job named by jobId comes first, then links; the item kind wins over the listing', () => {
    const item = {
      id: 's',
      creationTime: '2021-02-26T01:00:00Z',
      jobId: 'j8',
      _links: { job: { href: '/v8/Jobs/b' } },
    };
    expect(decodeSession(item, 'Copy')).toMatchObject({ jobIds: ['j8', 'b'], kind: 'Copy' });
    expect(decodeSession({ ...item, jobType: 'Backup' }, 'Copy')?.kind).toBe('Backup');
    expect(decodeSession({ ...item, jobType: 'copy' })?.kind).toBe('Copy');
    expect(decodeSession({ ...item, jobType: 'Other' })?.kind).toBeUndefined();
  });
});

describe('numbers', () => {
  test.each([
    [1, 1],
    ['17', 17],
    ['1.5 GB', undefined],
    [-1, undefined],
    [null, undefined],
  ])('count %p', (v, n) => {
    expect(parseCount(v)).toBe(n);
  });

  test.each([
    ['v3', 3],
    ['v8', 8],
  ] as const)('version %p', (v, n) => {
    expect(versionNumber(v)).toBe(n);
  });
});
