// Deterministic data of the Veeam Backup for Microsoft Azure simulator: a small hand-made demo estate (every
// status, a day-long run, a running one, noise sessions that are not policy runs) or a generated large one.
// Times are relative to `now`; the same options always give the same data.
import { seededRandom, shuffleWith } from '../random';

export interface SimLogItem {
  status: string;
  message: string;
  offsetS: number;
}

export interface SimPolicy {
  id: string;
  name: string;
  /** Which list serves it: virtualMachines, sql, fileShares, cosmosDb, vnet, slaBased. */
  family: string;
  policyType: string;
  isEnabled: boolean;
  nextExecutionTime: string | null;
}

export interface SimSession {
  id: string;
  type: string;
  status: string;
  startMs: number;
  /** Absent while running. */
  stopMs?: number;
  /** As sent: TimeSpan string, milliseconds number or null. */
  duration: string | number | null;
  policyId?: string;
  protectedInstancesCount?: number;
  log: SimLogItem[];
}

export interface SimData {
  policies: SimPolicy[];
  sessions: SimSession[];
}

export interface AzureScale {
  policies: number;
  sessions: number;
}

const H = 3_600_000;
const TYPE_OF: Record<string, string> = {
  virtualMachines: 'VirtualMachines',
  sql: 'AzureSql',
  fileShares: 'FileShares',
  cosmosDb: 'CosmosDb',
  vnet: 'Vnet',
  slaBased: 'ProtectionVmPolicy',
};
const RUN_TYPE: Record<string, string> = {
  virtualMachines: 'PolicyBackup',
  sql: 'SqlPolicyBackup',
  fileShares: 'FileSharePolicySnapshot',
  cosmosDb: 'CosmosDbConfiguration',
  vnet: 'VnetPolicyBackup',
  slaBased: 'PolicySnapshot',
};

export function uuid(n: number, salt = 0): string {
  const hex = ((n * 2654435761 + salt * 40503) >>> 0).toString(16).padStart(8, '0');
  const tail = (n + salt * 1_000_000).toString(16).padStart(12, '0');
  return `${hex}-${tail.slice(0, 4)}-4${tail.slice(4, 7)}-a${tail.slice(7, 10)}-${tail.padStart(12, '0')}`;
}

function policy(n: number, name: string, family: string, now: number, o: Partial<SimPolicy> = {}): SimPolicy {
  return {
    id: uuid(n, 1),
    name,
    family,
    policyType: TYPE_OF[family]!,
    isEnabled: true,
    nextExecutionTime: new Date(now + (n + 1) * H).toISOString(),
    ...o,
  };
}

type S = Omit<SimSession, 'id' | 'log'> & { log?: SimLogItem[] };

const ok = (msg: string, offsetS = 1): SimLogItem => ({ status: 'Success', message: msg, offsetS });

/** The demo estate; `version` `v1` keeps only what v1 has (VM policies). */
export function demoData(now: number, version: string): SimData {
  const ps = [
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
  const [prod, dev, sql, files, cosmos, vnet, , fresh, sla] = ps as [
    SimPolicy,
    SimPolicy,
    SimPolicy,
    SimPolicy,
    SimPolicy,
    SimPolicy,
    SimPolicy,
    SimPolicy,
    SimPolicy,
  ];
  const s: S[] = [
    // vm-prod: a day-long successful run is the last; noise sessions after it must not count.
    {
      type: 'PolicyBackup',
      status: 'Success',
      startMs: now - 30 * H,
      stopMs: now - 30 * H + 93_784_500,
      duration: '1.02:03:04.5000000',
      policyId: prod.id,
      protectedInstancesCount: 12,
      log: [ok('Backup started'), ok("Snapshot of 'vm-a' created", 60)],
    },
    {
      type: 'PolicySnapshot',
      status: 'Error',
      startMs: now - 50 * H,
      stopMs: now - 50 * H + 60_000,
      duration: '00:01:00',
      policyId: prod.id,
      protectedInstancesCount: 12,
      log: [],
    },
    {
      type: 'ManualSnapshot',
      status: 'Error',
      startMs: now - 1 * H,
      stopMs: now - 1 * H + 5000,
      duration: '00:00:05',
      policyId: prod.id,
      log: [],
    },
    {
      type: 'BackupRetention',
      status: 'Error',
      startMs: now - 2 * H,
      stopMs: now - 2 * H + 1446,
      duration: '00:00:01.4468860',
      policyId: prod.id,
      log: [],
    },
    {
      type: 'HealthCheck',
      status: 'Warning',
      startMs: now - 3 * H,
      stopMs: now - 3 * H + 9000,
      duration: '00:00:09',
      policyId: prod.id,
      log: [],
    },
    {
      type: 'RestoreVms',
      status: 'Success',
      startMs: now - 4 * H,
      stopMs: now - 4 * H + 153_000,
      duration: '00:02:33',
      log: [],
    },
    // vm-dev: warnings.
    {
      type: 'PolicyBackup',
      status: 'Warning',
      startMs: now - 5 * H,
      stopMs: now - 5 * H + 900_000,
      duration: '00:15:00.1234567',
      policyId: dev.id,
      protectedInstancesCount: 3,
      log: [
        ok('Backup started'),
        { status: 'Warning', message: "Backup of 'vm-b' finished with warnings", offsetS: 100 },
        { status: 'RunningWithWarning', message: 'Retrying disk read', offsetS: 50 },
      ],
    },
    // sql-main: the last run failed, the last success is 30 h old (alerts fire).
    {
      type: 'SqlPolicyBackup',
      status: 'Error',
      startMs: now - 6 * H,
      stopMs: now - 6 * H + 120_000,
      duration: '00:02:00.12345',
      policyId: sql.id,
      protectedInstancesCount: 4,
      log: [
        ok('Backup started'),
        { status: 'Error', message: "Database 'orders' is unreachable", offsetS: 30 },
        { status: 'RunningWithError', message: 'Retrying', offsetS: 40 },
        { status: 'Error', message: 'Backup failed', offsetS: 90 },
      ],
    },
    {
      type: 'SqlPolicyBackup',
      status: 'Success',
      startMs: now - 31 * H,
      stopMs: now - 30 * H,
      duration: '01:00:00',
      policyId: sql.id,
      protectedInstancesCount: 4,
      log: [],
    },
    {
      type: 'SqlManualBackup',
      status: 'Success',
      startMs: now - 2 * H,
      stopMs: now - 2 * H + 60_000,
      duration: '00:01:00',
      policyId: sql.id,
      log: [],
    },
    // files-share: running now (no stop time), an earlier success.
    {
      type: 'FileSharePolicySnapshot',
      status: 'Running',
      startMs: now - 600_000,
      duration: null,
      policyId: files.id,
      protectedInstancesCount: 2,
      log: [ok('Snapshot started'), { status: 'RunningWithWarning', message: 'Share is busy', offsetS: 120 }],
    },
    {
      type: 'FileSharePolicySnapshot',
      status: 'Success',
      startMs: now - 24 * H,
      stopMs: now - 24 * H + 300_000,
      duration: '00:05:00',
      policyId: files.id,
      protectedInstancesCount: 2,
      log: [],
    },
    // cosmos-orders: canceled by a user.
    {
      type: 'CosmosDbConfiguration',
      status: 'Canceled',
      startMs: now - 7 * H,
      stopMs: now - 7 * H + 30_000,
      duration: '00:00:30',
      policyId: cosmos.id,
      protectedInstancesCount: 1,
      log: [ok('Started'), { status: 'Canceled', message: 'Stopped by user', offsetS: 30 }],
    },
    // vnet-config: duration as milliseconds (the v2/v3 schema's int64).
    {
      type: 'VnetPolicyBackup',
      status: 'Success',
      startMs: now - 8 * H,
      stopMs: now - 8 * H + 154_000,
      duration: 154000,
      policyId: vnet.id,
      protectedInstancesCount: 1,
      log: [ok('Done')],
    },
    // vm-new: never executed yet.
    {
      type: 'PolicyBackup',
      status: 'NeverExecuted',
      startMs: now - 9 * H,
      stopMs: now - 9 * H,
      duration: '00:00:00',
      policyId: fresh.id,
      log: [],
    },
    // sla-gold: success without executionDuration (end − start is used).
    {
      type: 'PolicySnapshot',
      status: 'Success',
      startMs: now - 10 * H,
      stopMs: now - 10 * H + 610_000,
      duration: null,
      policyId: sla.id,
      protectedInstancesCount: 6,
      log: [ok('Done')],
    },
  ];
  let sessions = s.map((x, i) => ({ ...x, id: uuid(100 + i, 2), log: x.log ?? [] }));
  let policies = ps;
  if (version === 'v1') {
    // v1 serves VM policies only, numeric session ids, durations in milliseconds and `AutoBackup` noise.
    policies = ps.filter((p) => p.family === 'virtualMachines');
    const ids = new Set(policies.map((p) => p.id));
    sessions = sessions
      .filter((x) => !x.policyId || ids.has(x.policyId))
      .map((x, i) => ({
        ...x,
        id: String(38 + i),
        duration: typeof x.duration === 'string' ? toMs(x.duration) : x.duration,
      }));
    sessions.push({
      id: '99',
      type: 'AutoBackup',
      status: 'Error',
      startMs: now - 600_000,
      stopMs: now - 500_000,
      duration: 100_000,
      policyId: prod.id,
      log: [],
    });
  }
  return { policies, sessions };
}

function toMs(span: string): number {
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(span);
  if (!m) return 0;
  return Math.round(
    ((Number(m[1] ?? 0) * 24 + Number(m[2])) * 3600 + Number(m[3]) * 60 + Number(m[4]) + Number(`0.${m[5] ?? 0}`)) *
      1000,
  );
}

const STATUSES = ['Success', 'Success', 'Success', 'Success', 'Warning', 'Error', 'Canceled'];
const NOISE = ['ManualSnapshot', 'BackupRetention', 'HealthCheck', 'SnapshotDeletion', 'RestoreVms'];
const FAMILIES = ['virtualMachines', 'virtualMachines', 'sql', 'fileShares', 'cosmosDb', 'slaBased'];

/** A large estate for the benchmark: `policies` policies and `sessions` sessions over the last 7 days. */
export function scaledData(now: number, scale: AzureScale, seed = 1): SimData {
  const rnd = seededRandom(seed);
  const policies = Array.from({ length: scale.policies }, (_, i) =>
    policy(1000 + i, `policy-${String(i).padStart(4, '0')}`, FAMILIES[i % FAMILIES.length]!, now, {
      isEnabled: rnd() > 0.05,
    }),
  );
  const sessions: SimSession[] = [];
  for (let i = 0; i < scale.sessions; i++) {
    const p = policies[i % Math.max(1, policies.length)];
    const startMs = now - Math.floor(rnd() * 7 * 24 * H);
    const noise = rnd() < 0.2;
    const running = !noise && rnd() < 0.02;
    const durMs = Math.floor(rnd() * 2 * H);
    const status = running ? 'Running' : STATUSES[Math.floor(rnd() * STATUSES.length)]!;
    const frac = String(Math.floor(rnd() * 1e7))
      .padStart(7, '0')
      .slice(0, 5 + (i % 3));
    const sess: SimSession = {
      id: uuid(100_000 + i, 3),
      type: noise ? NOISE[i % NOISE.length]! : RUN_TYPE[p?.family ?? 'virtualMachines']!,
      status,
      startMs,
      duration: running ? null : `${formatSpan(durMs)}.${frac}`,
      protectedInstancesCount: 1 + Math.floor(rnd() * 50),
      log: Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, k) => ({
        status: STATUSES[Math.floor(rnd() * STATUSES.length)]!,
        message: `step ${k}`,
        offsetS: k * 10,
      })),
    };
    if (p) sess.policyId = p.id;
    if (!running) sess.stopMs = startMs + durMs;
    sessions.push(sess);
  }
  return { policies, sessions };
}

function formatSpan(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const hh = String(Math.floor((s % 86_400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${d > 0 ? `${d}.` : ''}${hh}:${mm}:${ss}`;
}

/** A different but reproducible API order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  return shuffleWith(items, seededRandom(seed));
}
