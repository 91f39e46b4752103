// Decoding is defensive: pages or bare arrays, numbers as strings, records without ids skipped.
import { decodeLogCounts, decodePage, decodePolicy, decodeSession } from '../../src/products/veeam_azure/decode';
import { STATUS } from '../../src/products/veeam_azure/samples';
import { groupSessions, isPolicyRun } from '../../src/products/veeam_azure/sessions';
import { mapStatus } from '../../src/core/jobs';

test('a page and a bare array', () => {
  expect(
    decodePage({ offset: 0, limit: 2, totalCount: '5', results: [1, 2], _links: { next: { href: 'x' } } }, '/p'),
  ).toEqual({ results: [1, 2], totalCount: 5, hasNext: true });
  expect(decodePage([1], '/p')).toEqual({ results: [1], hasNext: false, complete: true });
  expect(() => decodePage({ items: [] }, '/p')).toThrow(/results/);
  expect(() => decodePage('<html>', '/p')).toThrow(expect.objectContaining({ kind: 'decode' }));
});

test('policies: id required, name falls back to the id, isEnabled and nextExecutionTime optional', () => {
  expect(decodePolicy({ name: 'x' }, 'Vnet')).toBeUndefined();
  expect(decodePolicy({ id: 'a', isEnabled: 'false', nextExecutionTime: null }, 'Vnet')).toEqual({
    id: 'a',
    name: 'a',
    type: 'Vnet',
    enabled: false,
  });
  expect(
    decodePolicy({ id: 'b', name: 'n', isEnabled: true, nextExecutionTime: '2026-01-01T00:00:00Z' }, 'AzureSql'),
  ).toEqual({ id: 'b', name: 'n', type: 'AzureSql', enabled: true, nextRun: Date.UTC(2026, 0, 1) / 1000 });
});

test('sessions: numeric ids, protectedInstancesCount as a string, missing backupJobInfo', () => {
  const s = decodeSession({
    id: 38,
    type: 'PolicyBackup',
    status: 'Success',
    executionStartTime: '2020-02-05T10:43:57.039845Z',
    executionStopTime: null,
    executionDuration: 154000,
    backupJobInfo: { policyId: 'p', protectedInstancesCount: '7' },
  });
  expect(s).toEqual({
    id: '38',
    type: 'PolicyBackup',
    status: 'Success',
    policyId: 'p',
    start: 1580899437.039845,
    duration: 154000,
    protectedInstances: 7,
  });
  expect(decodeSession({ id: 'x', type: 'RestoreVms', status: 'Success' })).toEqual({
    id: 'x',
    type: 'RestoreVms',
    status: 'Success',
    duration: undefined,
  });
  expect(decodeSession({ type: 'PolicyBackup' })).toBeUndefined();
});

test('log counts by item status', () => {
  const log = {
    jobSessionId: '38',
    log: ['Success', 'Warning', 'RunningWithWarning', 'Error', 'RunningWithError', 'error', 'Canceled', null].map(
      (status) => ({ status }),
    ),
  };
  expect(decodeLogCounts(log, '/l')).toEqual({ warnings: 2, errors: 3 });
  expect(decodeLogCounts({ jobSessionId: '1', log: null }, '/l')).toEqual({ warnings: 0, errors: 0 });
  expect(() => decodeLogCounts({ log: 'x' }, '/l')).toThrow(/log array/);
});

test.each([
  ['Success', 'success'],
  ['Warning', 'warning'],
  ['Error', 'failed'],
  ['Running', 'running'],
  ['RunningWithWarning', 'running'],
  ['RunningWithError', 'running'],
  ['Pending', 'running'],
  ['Canceling', 'running'],
  ['Canceled', 'stopped'],
  ['NeverExecuted', 'none'],
  ['Unknown', 'unknown'],
  ['Exploded', 'unknown'],
  ['SUCCESS', 'success'],
])('JobStatus %s → %s', (vendor, state) => {
  expect(mapStatus(STATUS, vendor)).toBe(state);
});

test('only policy-run session types count, for the selected policies', () => {
  const mk = (id: string, type: string, policyId = 'p1') => ({ id, type, status: 'Success', policyId });
  for (const t of [
    'PolicyBackup',
    'SqlPolicyArchive',
    'VnetPolicyBackupToRepository',
    'MongoDbPolicyArchive',
    'CosmosDbConfiguration',
  ])
    expect(isPolicyRun(mk('a', t))).toBe(true);
  for (const t of [
    'ManualSnapshot',
    'SqlManualBackup',
    'RestoreVms',
    'BackupRetention',
    'HealthCheck',
    'SnapshotDeletion',
    'AutoBackup',
  ])
    expect(isPolicyRun(mk('a', t))).toBe(false);
  const g = groupSessions(
    [
      mk('1', 'PolicyBackup'),
      mk('2', 'HealthCheck'),
      mk('3', 'PolicySnapshot', 'p2'),
      mk('4', 'PolicyBackup', 'other'),
    ],
    new Set(['p1', 'p2']),
  );
  expect([...g.entries()].map(([k, v]) => [k, v.map((s) => s.id)])).toEqual([
    ['p1', ['1']],
    ['p2', ['3']],
  ]);
});
