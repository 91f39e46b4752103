// Tenant usage (contract 4.4): from the user objects of ListUsers, in every form a server may send them
// (numbers or strings, a quota or a per-destination quota list, LastBackupDate in epoch milliseconds or as
// server-local time); what is missing or not a value is left out, never invented.
import type { Sample } from '../../src/core/samples';
import { decodeUser } from '../../src/products/ahsay/decode';
import { type Harness, harness, hk } from './helpers';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const GIB = 2 ** 30;
const HK = 'Asia/Hong_Kong';

type Usage = [used?: number, retained?: number, quota?: number, lastBackup?: number];

function usageOf(samples: readonly Sample[], login: string): Usage {
  const v = (name: string) => samples.find((s) => s.name === name && s.labels.tenant === login)?.value;
  return [
    v('backup_tenant_used_bytes'),
    v('backup_tenant_retained_bytes'),
    v('backup_tenant_quota_bytes'),
    v('backup_tenant_last_backup_timestamp_seconds'),
  ];
}

test('every form the simulated users send, through the wire', async () => {
  h = await harness({ scale: { users: 1 } });
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  expect(usageOf(samples, 'alice')).toEqual([5 * GIB, GIB, 100 * GIB, hk('2026-03-01T22:21:00')]);
  expect(usageOf(samples, 'bob')).toEqual([123456789, 0, undefined, hk('2026-03-01T13:00:00')]);
  // The sum of the enabled QuotaList entries (one disabled, one as strings), not the 0 `Quota`.
  expect(usageOf(samples, 'carol')).toEqual([2 * GIB, 0, 60 * GIB, hk('2026-03-01T04:00:00')]);
  expect(usageOf(samples, 'dave')).toEqual([1048576, 0, undefined, hk('2026-03-01T00:15:00')]);
  expect(usageOf(samples, 'erin')).toEqual([undefined, undefined, undefined, undefined]);
  expect(usageOf(samples, 'frank')).toEqual([GIB, GIB / 2, 20 * GIB, hk('2026-03-01T19:15:00')]);
  expect(usageOf(samples, 'user0001')).toEqual([GIB, 0, 100 * GIB, hk('2026-03-01T21:00:00')]);
  const tenant = samples.filter((s) => s.name.startsWith('backup_tenant_'));
  expect(tenant.every((s) => Object.keys(s.labels).join() === 'tenant')).toBe(true);
  expect(tenant).toHaveLength(4 + 3 + 4 + 3 + 0 + 4 + 4);
});

test('tenant series of the selected users exist whatever `jobs` filters', async () => {
  h = await harness({}, { users: ['bob', 'carol'], jobs: { include: [/^(?:.*)$/], exclude: [/^(?:.*)$/] } });
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  expect(samples.every((s) => s.name.startsWith('backup_tenant_'))).toBe(true);
  expect([...new Set(samples.map((s) => s.labels.tenant))].sort()).toEqual(['bob', 'carol']);
  expect(h.sim.count('ListBackupJobStatus')).toBe(0);
  expect(h.sim.count('GetBackupSet')).toBe(0);
});

describe('decodeUser: values that are not data are left out', () => {
  const usage = (fields: Record<string, unknown>) => decodeUser({ LoginName: 'u', ...fields }, HK)?.usage;

  test.each<[string, Record<string, unknown>, object]>([
    ['nothing sent', {}, {}],
    ['numbers as strings', { DataSize: '10', RetainSize: '2', Quota: '30' }, { used: 10, retained: 2, quota: 30 }],
    ['negative and textual numbers', { DataSize: -1, RetainSize: 'n/a', Quota: '-1' }, {}],
    ['unsafe sizes', { DataSize: 2 ** 60, Quota: 'Infinity' }, {}],
    ['a quota of 0 is no quota', { Quota: 0 }, {}],
    ['an empty QuotaList falls back to Quota', { Quota: 5, QuotaList: [] }, { quota: 5 }],
    ['QuotaList: enabled entries only', { QuotaList: [q(true, 4), q(false, 9), q('true', '6')] }, { quota: 10 }],
    ['QuotaList: every entry disabled', { Quota: 7, QuotaList: [q(false, 9)] }, {}],
    ['QuotaList: an entry without Enabled', { QuotaList: [q(true, 4), { Quota: 3 }] }, {}],
    ['QuotaList: an enabled entry without a number', { QuotaList: [q(true, 4), q(true, 'big')] }, {}],
    ['QuotaList that is not a list', { Quota: 5, QuotaList: { Enabled: true, Quota: 3 } }, {}],
    ['LastBackupDate as epoch ms', { LastBackupDate: 1772402460000 }, { lastBackup: 1772402460 }],
    ['LastBackupDate as a ms string', { LastBackupDate: '1772402460000' }, { lastBackup: 1772402460 }],
    ['LastBackupDate local time', { LastBackupDate: '2026-03-01 22:21:00' }, { lastBackup: hk('2026-03-01T22:21:00') }],
    ['LastBackupDate 0', { LastBackupDate: 0 }, {}],
    ['LastBackupDate in seconds', { LastBackupDate: 1772402460 }, {}],
    ['LastBackupDate a date alone', { LastBackupDate: '2026-03-01' }, {}],
    ['LastBackupDate not a time', { LastBackupDate: 'never' }, {}],
  ])('%s', (_name, fields, expected) => {
    expect(usage(fields)).toEqual(expected);
  });

  test('bare login names (LoginNameOnly) have no usage', () => {
    expect(decodeUser('alice', HK)).toEqual({ login: 'alice', owner: '' });
  });
});

function q(enabled: unknown, quota: unknown): Record<string, unknown> {
  return { Enabled: enabled, Quota: quota, DestinationName: 'AhsayCBS', DestinationKey: 'OBS' };
}
