// The hand-made demo estate of the Veeam Backup for Microsoft Azure simulator: every status, a day-long run,
// a running one, noise sessions that are not policy runs, and every shape of `executionDuration`.
import { demoCapacity } from './capacity';
import { H, ok, policy, type SessionSpec, type SimData, type SimPolicy, uuid, v1Data } from './data';

/** The demo estate; `version` `v1` keeps only what v1 has (VM policies). */
export function demoData(now: number, version: string): SimData {
  const policies = demoPolicies(now);
  const id = (name: string): string => policies.find((p) => p.name === name)!.id;
  const specs = [
    ...prodRuns(now, id('vm-prod')),
    ...prodNoise(now, id('vm-prod')),
    ...devAndSql(now, id('vm-dev'), id('sql-main')),
    ...filesAndCosmos(now, id('files-share'), id('cosmos-orders')),
    ...otherRuns(now, id),
  ];
  const sessions = specs.map((x, i) => ({ ...x, id: uuid(100 + i, 2), log: x.log ?? [] }));
  const data = { policies, sessions, capacity: demoCapacity(now) };
  return version === 'v1' ? v1Data(now, data) : data;
}

function demoPolicies(now: number): SimPolicy[] {
  return [
    policy(1, 'vm-prod', 'virtualMachines', now),
    policy(2, 'vm-dev', 'virtualMachines', now),
    policy(3, 'sql-main', 'sql', now),
    policy(4, 'files-share', 'fileShares', now),
    policy(5, 'cosmos-orders', 'cosmosDb', now),
    policy(6, 'vnet-config', 'vnet', now),
    policy(7, 'vm-retired', 'virtualMachines', now, { isEnabled: false, nextExecutionTime: null }),
    policy(8, 'vm-new', 'virtualMachines', now),
    policy(9, 'sla-gold', 'slaBased', now),
  ];
}

/** vm-prod: a day-long successful run is the last; an older failed snapshot. */
function prodRuns(now: number, prod: string): SessionSpec[] {
  const run = { policyId: prod, protectedInstancesCount: 12 };
  return [
    {
      ...run,
      type: 'PolicyBackup',
      status: 'Success',
      startMs: now - 30 * H,
      stopMs: now - 30 * H + 93_784_500,
      duration: '1.02:03:04.5000000',
      log: [ok('Backup started'), ok("Snapshot of 'vm-a' created", 60)],
    },
    {
      ...run,
      type: 'PolicySnapshot',
      status: 'Error',
      startMs: now - 50 * H,
      stopMs: now - 50 * H + 60_000,
      duration: '00:01:00',
    },
  ];
}

/** Sessions of vm-prod after its last run that must not count (manual, retention, health check), a restore. */
function prodNoise(now: number, prod: string): SessionSpec[] {
  const noise = (
    type: string,
    status: string,
    hoursAgo: number,
    lengthMs: number,
    duration: string,
    policyId?: string,
  ) => ({
    type,
    status,
    startMs: now - hoursAgo * H,
    stopMs: now - hoursAgo * H + lengthMs,
    duration,
    ...(policyId === undefined ? {} : { policyId }),
  });
  return [
    noise('ManualSnapshot', 'Error', 1, 5000, '00:00:05', prod),
    noise('BackupRetention', 'Error', 2, 1446, '00:00:01.4468860', prod),
    noise('HealthCheck', 'Warning', 3, 9000, '00:00:09', prod),
    noise('RestoreVms', 'Success', 4, 153_000, '00:02:33'),
  ];
}

/** vm-dev: warnings; sql-main: the last run failed, the last success is 30 h old (alerts fire). */
function devAndSql(now: number, dev: string, sql: string): SessionSpec[] {
  const devLog = [
    ok('Backup started'),
    { status: 'Warning', message: "Backup of 'vm-b' finished with warnings", offsetS: 100 },
    { status: 'RunningWithWarning', message: 'Retrying disk read', offsetS: 50 },
  ];
  const sqlLog = [
    ok('Backup started'),
    { status: 'Error', message: "Database 'orders' is unreachable", offsetS: 30 },
    { status: 'RunningWithError', message: 'Retrying', offsetS: 40 },
    { status: 'Error', message: 'Backup failed', offsetS: 90 },
  ];
  const sqlRun = { type: 'SqlPolicyBackup', policyId: sql, protectedInstancesCount: 4 };
  const manual = { type: 'SqlManualBackup', policyId: sql, duration: '00:01:00' };
  return [
    {
      type: 'PolicyBackup',
      policyId: dev,
      protectedInstancesCount: 3,
      status: 'Warning',
      log: devLog,
      startMs: now - 5 * H,
      stopMs: now - 5 * H + 900_000,
      duration: '00:15:00.1234567',
    },
    {
      ...sqlRun,
      status: 'Error',
      startMs: now - 6 * H,
      stopMs: now - 6 * H + 120_000,
      duration: '00:02:00.12345',
      log: sqlLog,
    },
    { ...sqlRun, status: 'Success', startMs: now - 31 * H, stopMs: now - 30 * H, duration: '01:00:00' },
    { ...manual, status: 'Success', startMs: now - 2 * H, stopMs: now - 2 * H + 60_000 },
  ];
}

/** files-share: running now (no stop time) after an earlier success; cosmos-orders: canceled by a user. */
function filesAndCosmos(now: number, files: string, cosmos: string): SessionSpec[] {
  const snapshot = { type: 'FileSharePolicySnapshot', policyId: files, protectedInstancesCount: 2 };
  const running = [ok('Snapshot started'), { status: 'RunningWithWarning', message: 'Share is busy', offsetS: 120 }];
  return [
    { ...snapshot, status: 'Running', startMs: now - 600_000, duration: null, log: running },
    { ...snapshot, status: 'Success', startMs: now - 24 * H, stopMs: now - 24 * H + 300_000, duration: '00:05:00' },
    {
      type: 'CosmosDbConfiguration',
      status: 'Canceled',
      startMs: now - 7 * H,
      stopMs: now - 7 * H + 30_000,
      duration: '00:00:30',
      policyId: cosmos,
      protectedInstancesCount: 1,
      log: [ok('Started'), { status: 'Canceled', message: 'Stopped by user', offsetS: 30 }],
    },
  ];
}

/** vnet-config: a TimeSpan without fraction; vm-new: never executed; sla-gold: no duration (end − start). */
function otherRuns(now: number, id: (name: string) => string): SessionSpec[] {
  const vnet = { type: 'VnetPolicyBackup', policyId: id('vnet-config'), protectedInstancesCount: 1, log: [ok('Done')] };
  return [
    { ...vnet, status: 'Success', startMs: now - 8 * H, stopMs: now - 8 * H + 154_000, duration: '00:02:34' },
    {
      type: 'PolicyBackup',
      status: 'NeverExecuted',
      startMs: now - 9 * H,
      stopMs: now - 9 * H,
      duration: '00:00:00',
      policyId: id('vm-new'),
      log: [],
    },
    {
      type: 'PolicySnapshot',
      status: 'Success',
      startMs: now - 10 * H,
      stopMs: now - 10 * H + 610_000,
      duration: null,
      policyId: id('sla-gold'),
      protectedInstancesCount: 6,
      log: [ok('Done')],
    },
  ];
}
