// Decoding the capacity answers: label values in snake_case, figures read as the contract says.
import {
  decodeLicense,
  decodeRepositories,
  decodeStorageUsage,
  decodeWorkloads,
  labelOf,
} from '../../src/products/veeam_azure/decode-capacity';

test.each<[unknown, string | undefined]>([
  ['VeeamVault', 'veeam_vault'],
  ['ExternalVbr', 'external_vbr'],
  ['MeteredBilling', 'metered_billing'],
  ['Hot', 'hot'],
  ['SQLServer', 'sql_server'],
  ['Azure Blob-Storage', 'azure_blob_storage'],
  ['already_snake', 'already_snake'],
  ['  ', undefined],
  ['', undefined],
  [null, undefined],
  [42, undefined],
])('labelOf(%p) → %p', (input, expected) => {
  expect(labelOf(input)).toBe(expected);
});

test('repositories: records without id are counted, not guessed; name falls back to the id', () => {
  expect(decodeRepositories([{ id: 'r1', status: 'Ready' }, { name: 'no id' }, null, 'x'])).toEqual({
    repositories: [{ id: 'r1', name: 'r1', status: 'Ready' }],
    skipped: 3,
  });
});

test('storage usage: sizes beyond int32 and numeric strings; negatives and text left out', () => {
  expect(decodeStorageUsage({ hotUsage: 2 ** 45, coolUsage: '10', archiveUsage: -1, coldUsage: 5 }, '/s')).toEqual({
    hot: 2 ** 45,
    cool: 10,
  });
  expect(() => decodeStorageUsage(null, '/s')).toThrow(expect.objectContaining({ kind: 'decode' }));
});

test('licence: instances 0 is absent; totalInstancesUses before instancesUses; expiry without offset is UTC', () => {
  expect(decodeLicense({ instances: 0, totalInstancesUses: 0, instancesUses: 9, licenseType: 'Free' }, '/l')).toEqual({
    used: 0,
    type: 'free',
  });
  expect(decodeLicense({ licenseExpires: '2020-04-01T00:00:00', instancesUses: 1, instances: 100 }, '/l')).toEqual({
    expires: Date.UTC(2020, 3, 1) / 1000,
    instances: 100,
    used: 1,
  });
});

test('workloads: a workload without either figure is left out', () => {
  expect(
    decodeWorkloads({ virtualMachinesTotalCount: 3, sqlDatabasesTotalCount: 'x', fileSharesProtectedCount: 2 }, '/w'),
  ).toEqual({ virtual_machine: { total: 3 }, file_share: { protected: 2 } });
});
