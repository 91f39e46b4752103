// The hand-made backup users of the simulated CBS: every status of the contract table and the awkward cases
// (two or three destinations, a destination that ran only days ago or outside the lookback, a job crossing
// midnight, a running job, a set without runs, a v6-style set without DestinationID, jobs spanning DST
// changes), and user objects with every form of usage field (quota or none, a per-destination quota list,
// LastBackupDate in both forms, numbers as strings, values that are not data).
import { pushAll } from '../../common/lists';
import {
  type AhsayScale,
  ALL_STATUSES,
  DEFAULT_SCALE,
  generated,
  Builder,
  DEST_A,
  DEST_B,
  DEST_C,
  GIB,
  HOUR,
  MIN,
  type SimJob,
  type SimSet,
  type SimUser,
  set,
} from './data';

/** The whole estate: the hand-made users, then `scale.users` generated ones. */
export function generate(now: number, zone: string, scale: Partial<AhsayScale> = {}): SimUser[] {
  const b = new Builder(now, zone);
  return [alice(b), bob(b), carol(b), dave(b), erin(b), frank(b), ...generated(b, { ...DEFAULT_SCALE, ...scale })];
}

/** Two destinations (the newest run of one with warnings); a database set failing for two days. */
function alice(b: Builder): SimUser {
  const docs = set('1700000000001', 'Documents', 'FILE', [DEST_A, DEST_B]);
  const sql = set('1700000000002', 'SQL Server', 'MSSQL', [DEST_A]);
  const jobs: SimJob[] = [];
  for (let d = 1; d <= 8; d++) {
    const [a, bb] = b.job(docs, b.at(d, 22), 20 * MIN, 'BS_STOP_SUCCESS', { files: 1000 + d });
    jobs.push(a!, d === 1 ? { ...bb!, status: 'BS_STOP_SUCCESS_WITH_WARNING', warnings: 2 } : bb!);
  }
  pushAll(jobs, b.job(sql, b.at(1, 1), 5 * MIN, 'BS_STOP_BY_SYSTEM_ERROR', { errors: 3 }));
  pushAll(jobs, b.job(sql, b.at(2, 1), 5 * MIN, 'BS_STOP_BY_SYSTEM_ERROR', { errors: 1 }));
  pushAll(jobs, b.job(sql, b.at(3, 1), 30 * MIN, 'BS_STOP_SUCCESS'));
  // Usage as plain JSON numbers; LastBackupDate in Java epoch milliseconds.
  const usage = { Quota: 100 * GIB, DataSize: 5 * GIB, RetainSize: GIB, LastBackupDate: b.at(1, 22, 21) };
  return { login: 'alice', owner: '', sets: [docs, sql], jobs, usage };
}

/** A running job with progress, a job crossing midnight, and a set that never ran. */
function bob(b: Builder): SimUser {
  const exch = set('1700000000011', 'Exchange Online', 'Office 365 Exchange Online', [DEST_A]);
  const laptop = set('1700000000012', 'Laptop', 'FILE', [DEST_A]);
  const archive = set('1700000000013', 'Archive', 'FILE', [DEST_A]);
  const runningStart = Math.floor((b.now - HOUR) / 1000) * 1000;
  const jobs = [
    ...b.job(exch, runningStart, undefined, 'BS_STILL_RUNNING', { progress: { uploaded: 750_000, total: 1_000_000 } }),
    ...b.job(exch, b.at(1, 12), HOUR, 'BS_STOP_SUCCESS'),
    ...b.job(laptop, b.at(2, 23, 30), 70 * MIN, 'BS_STOP_SUCCESS'),
    ...b.job(laptop, b.at(3, 23, 30), 65 * MIN, 'BS_STOP_SUCCESS'),
  ];
  // No quota; numbers as strings; LastBackupDate as server-local wall-clock time.
  const usage = { DataSize: '123456789', RetainSize: '0', LastBackupDate: b.local(b.at(1, 13)) };
  return { login: 'bob', owner: '', sets: [exch, laptop, archive], jobs, usage };
}

/** One set per remaining status (its newest run), each with an older success. */
function carol(b: Builder): SimUser {
  const statuses = ALL_STATUSES.filter(
    (st) => !['BS_STOP_SUCCESS', 'BS_STOP_SUCCESS_WITH_WARNING', 'BS_STILL_RUNNING'].includes(st),
  );
  const sets: SimSet[] = [];
  const jobs: SimJob[] = [];
  statuses.forEach((status, i) => {
    const s = set(`17000000001${String(i).padStart(2, '0')}`, `Carol ${status}`, 'FILE', [DEST_A]);
    sets.push(s);
    const failedEarly = status.includes('MISSED') || status === 'BS_BACKUP_NOT_FINISHED';
    pushAll(
      jobs,
      b.job(s, b.at(1, 3, i * 5), failedEarly ? MIN : 15 * MIN, status, { warnings: i % 3, errors: i % 2 }),
    );
    pushAll(jobs, b.job(s, b.at(2, 3, i * 5), 15 * MIN, 'BS_STOP_SUCCESS'));
  });
  return { login: 'carol', owner: '', sets, jobs, usage: carolUsage(b) };
}

/** A reseller's user whose client predates destinations (no DestinationID in the job list). */
function dave(b: Builder): SimUser {
  const old = set('1700000000021', 'Old PC', 'FILE', []);
  return {
    login: 'dave',
    owner: 'reseller1',
    sets: [old],
    jobs: b.job(old, b.at(1, 0, 5), 10 * MIN, 'BS_STOP_SUCCESS'),
    // A quota of 0 means none; epoch milliseconds as a string.
    usage: { Quota: 0, DataSize: 1_048_576, RetainSize: 0, LastBackupDate: String(b.at(1, 0, 15)) },
  };
}

/**
 * Nightly at 00:30 local for 8 days, 3 h of real time each: in a zone with DST the run on a change day ends
 * at 02:30 (autumn) or 04:30 (spring) wall-clock time, so only a zone-aware parser gets 3 h.
 */
function erin(b: Builder): SimUser {
  const nightly = set('1700000000031', 'Nightly', 'FILE', [DEST_A]);
  const jobs: SimJob[] = [];
  for (let d = 1; d <= 8; d++) pushAll(jobs, b.job(nightly, b.at(d, 0, 30), 3 * HOUR, 'BS_STOP_SUCCESS'));
  // Values that are not data: an unlimited (-1) quota, a negative size, text, a zero date.
  const usage = { Quota: -1, DataSize: -1, RetainSize: 'n/a', LastBackupDate: 0 };
  return { login: 'erin', owner: '', sets: [nightly], jobs, usage };
}

/** A per-destination quota list (one entry disabled, one with its fields as strings) next to a 0 `Quota`. */
function carolUsage(b: Builder): Record<string, unknown> {
  return {
    Quota: 0,
    QuotaList: [
      { Enabled: true, Quota: 50 * GIB, DestinationName: 'AhsayCBS', DestinationKey: 'OBS' },
      { Enabled: false, Quota: 1024 * GIB, DestinationName: 'Offsite', DestinationKey: DEST_B },
      { Enabled: 'true', Quota: String(10 * GIB), DestinationName: 'Local', DestinationKey: DEST_A },
    ],
    DataSize: 2 * GIB,
    RetainSize: 0,
    LastBackupDate: String(b.at(1, 4)),
  };
}

/**
 * Three destinations: A runs nightly, B ran once five days ago (older than A's newest success: a walk that
 * stops at the newest success of the destinations it knows misses it), C last ran 20 days ago (outside the
 * lookback: a job in state none). Usage fields all strings.
 */
function frank(b: Builder): SimUser {
  const office = set('1700000000041', 'Office', 'FILE', [DEST_A, DEST_B, DEST_C]);
  const to = (dest: string): SimSet => ({ ...office, destinations: [dest] });
  const jobs: SimJob[] = [];
  for (let d = 1; d <= 8; d++) pushAll(jobs, b.job(to(DEST_A), b.at(d, 19), 15 * MIN, 'BS_STOP_SUCCESS'));
  pushAll(jobs, b.job(to(DEST_B), b.at(5, 21), 40 * MIN, 'BS_STOP_SUCCESS'));
  pushAll(jobs, b.job(to(DEST_C), b.at(20, 21), 40 * MIN, 'BS_STOP_SUCCESS'));
  const usage = {
    Quota: String(20 * GIB),
    DataSize: String(GIB),
    RetainSize: String(GIB / 2),
    LastBackupDate: b.local(b.at(1, 19, 15)),
  };
  return { login: 'frank', owner: '', sets: [office], jobs, usage };
}
