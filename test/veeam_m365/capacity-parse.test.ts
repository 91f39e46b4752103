// Decoding and mapping rules of the storage, licence, coverage and proxy records, case by case.
import {
  componentState,
  repositorySamples,
  repositoryState,
  tenantUsageSamples,
} from '../../src/products/veeam_m365/samples-capacity';
import { snakeCase } from '../../src/core/samples';
import { decodeLicense, decodeLicensedUser } from '../../src/products/veeam_m365/decode-license';
import { decodeProxy } from '../../src/products/veeam_m365/decode-proxy';
import {
  decodeObjectStorageFigures,
  decodeRepository,
  decodeTenantUsage,
} from '../../src/products/veeam_m365/decode-storage';

const GIB = 2 ** 30;

test.each([
  ['VeeamVault', 'veeam_vault'],
  ['AwsPrivateOffer', 'aws_private_offer'],
  ['NFR', 'nfr'],
  ['Subscription', 'subscription'],
  ['AmazonS3Compatible', 'amazon_s3_compatible'],
  ['IBMCloud', 'ibm_cloud'],
  ['Azure Blob', 'azure_blob'],
  ['--', undefined],
])('snakeCase(%s) = %s', (input, out) => {
  expect(snakeCase(input)).toBe(out);
});

describe('repository state', () => {
  const state = (v: Record<string, unknown>) => repositoryState(decodeRepository({ id: 'r', ...v })!);
  test.each([
    [{}, 'ok'],
    [{ isOutOfSync: null }, 'ok'],
    [{ isOutOfOrder: true, isOutOfSync: true, outOfOrderReason: 'x' }, 'failed'],
    [{ isOutdated: true }, 'warning'],
    [{ isMigrationLocked: 'true' }, 'warning'],
    [{ isOutOfSync: 'maybe' }, 'unknown'],
    [{ isOutOfOrder: 1, isOutOfSync: true }, 'unknown'],
  ])('%j → %s', (flags, expected) => {
    expect(state(flags)).toBe(expected);
  });
});

test('a repository without an id is skipped; a name is optional', () => {
  expect(decodeRepository({ name: 'x' })).toBeUndefined();
  expect(decodeRepository({ id: 'r' })).toMatchObject({ id: 'r' });
  expect(decodeRepository({ id: 'r' })?.name).toBeUndefined();
});

test('object storage: capacity only with an enabled, positive size limit (binary GB)', () => {
  expect(decodeObjectStorageFigures({ sizeLimitEnabled: true, sizeLimitGB: 2 })).toEqual({ capacityBytes: 2 * GIB });
  expect(decodeObjectStorageFigures({ sizeLimitEnabled: false, sizeLimitGB: 2 })).toEqual({});
  expect(decodeObjectStorageFigures({ sizeLimitEnabled: true, sizeLimitGB: 0 })).toEqual({});
  expect(decodeObjectStorageFigures({ sizeLimitEnabled: 'true', sizeLimitGB: '3' })).toEqual({
    capacityBytes: 3 * GIB,
  });
});

test('an object-storage repository never uses its top-level (cache) figures; free space only with a limit', () => {
  const r = decodeRepository({
    id: 'r',
    capacityBytes: 100,
    freeSpaceBytes: 50,
    objectStorage: { usedSpaceBytes: 7, freeSpaceBytes: 9 },
  })!;
  const names = repositorySamples(r, r.objectStorage).map((s) => `${s.name} ${s.value}`);
  expect(names.filter((n) => !n.includes('status'))).toEqual([
    'backup_repository_used_bytes 7',
    'backup_repository_info 1',
  ]);
});

test('the repository of a v6/v7 usage item comes from any link to it (relative or absolute)', () => {
  expect(decodeTenantUsage({ _links: { x: { href: 'https://h:4443/v5/BackupRepositories/ab%2Fc' } } })).toEqual({
    repositoryId: 'ab/c',
  });
  expect(decodeTenantUsage({ _links: { organization: { href: '/v7/Organizations/o' } } })).toEqual({});
  expect(decodeTenantUsage({ repositoryId: 'v8', _links: { r: { href: '/v8/BackupRepositories/other' } } })).toEqual({
    repositoryId: 'v8',
  });
});

test('tenant usage: a group with an item lacking its figure is left out, never a partial sum', () => {
  const kinds = new Map([['a', false]]);
  const samples = tenantUsageSamples(
    't',
    [{ repositoryId: 'a', usedBytes: 5 }, { repositoryId: 'a' }, { usedBytes: 1 }],
    kinds,
  );
  expect(samples).toEqual([{ name: 'backup_tenant_used_bytes', labels: { tenant: 't' }, value: 1 }]);
});

test('licence: v6 expirationDate or v7+ licenseExpires, MinValue and null are no expiry; not an object is an error', () => {
  expect(decodeLicense({ expirationDate: '2026-03-01T00:00:00Z' }, '/v6/License').expiry).toBe(1772323200);
  expect(decodeLicense({ licenseExpires: '2026-03-01T00:00:00+01:00' }, '/v8/License').expiry).toBe(1772319600);
  expect(decodeLicense({ licenseExpires: '0001-01-01T00:00:00', gracePeriodExpires: null }, '/v8/License')).toEqual({});
  expect(() => decodeLicense([], '/v8/License')).toThrow(expect.objectContaining({ kind: 'decode' }));
});

test('licensed user: isBackedUp as sent (also as a string), absent when unreadable', () => {
  expect(decodeLicensedUser({ isBackedUp: 'false', organizationId: null, organizationName: 'n' })).toEqual({
    backedUp: false,
    organizationName: 'n',
  });
  expect(decodeLicensedUser({ isBackedUp: 'yes' })).toEqual({});
});

test('proxy: percentages outside 0..100 are left out; Enabling is maintenance', () => {
  const p = decodeProxy({
    id: 'p',
    cpuUsagePercent: 120,
    memoryUsagePercent: '42.5',
    maintenanceModeState: 'Enabling',
  })!;
  expect(p).toEqual({ id: 'p', memoryPercent: 42.5, maintenance: 'Enabling' });
  expect(componentState(p)).toBe('maintenance');
  expect(componentState({ id: 'q', status: 'online', maintenance: 'Disabled' })).toBe('online');
  expect(componentState({ id: 'q', status: 'Warning' })).toBe('unknown');
  expect(decodeProxy({ hostName: 'no id' })).toBeUndefined();
});
