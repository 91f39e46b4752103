// Deterministic AhsayCBS estate for the simulator: a few hand-made backup users covering every status of the
// contract table and the awkward cases (two destinations, a job crossing midnight, a running job, a set
// without runs, a v6-style set without DestinationID, jobs spanning DST changes), plus generated users for
// scale. Times are relative to `now`; wall-clock strings are produced in the simulator's `timezone`.
import { DateTime } from 'luxon';
import { seededRandom } from '../random';

export interface SimSet {
  id: string;
  name: string;
  type: string;
  destinations: string[];
}

export interface SimJob {
  setId: string;
  /** Absent for runs of v6 clients, which predate destinations in the job list. */
  destId?: string;
  /** Job id: the start time as yyyy-MM-dd-HH-mm-ss in the server's zone. */
  id: string;
  start: number;
  /** Epoch ms; absent while running. */
  end?: number;
  status: string;
  warnings: number;
  errors: number;
  /** Files per change kind; sizes derive from it. */
  files: number;
  progress?: { uploaded: number; total: number };
}

export interface SimUser {
  login: string;
  owner: string;
  sets: SimSet[];
  jobs: SimJob[];
}

export interface AhsayScale {
  /** Generated users beyond the hand-made ones. */
  users: number;
  setsPerUser: number;
  /** Days of daily history per generated set. */
  days: number;
}

export const DEFAULT_SCALE: AhsayScale = { users: 3, setsPerUser: 2, days: 8 };

/** Every status the contract maps for ahsay, plus one it does not know. */
export const ALL_STATUSES = [
  'BS_STOP_SUCCESS',
  'BS_STOP_SUCCESS_WITH_WARNING',
  'BS_STOP_SUCCESS_WITH_ERROR',
  'BS_STOP_BY_SYSTEM_ERROR',
  'BS_STOP_BY_SCHEDULER',
  'BS_STOP_BY_QUOTA_EXCEEDED',
  'BS_STOP_MISSED_BACKUP',
  'BS_BACKUP_NOT_FINISHED',
  'BS_STOP_INCOMPLETE',
  'BS_MISSED_DATABASAE',
  'BS_MISSED_VIRTUAL_MACHINE',
  'BS_MISSED_PUBLIC_FOLDER',
  'BS_STILL_RUNNING',
  'BS_STOP_BY_USER',
  'BS_STOP_BY_SOLAR_FLARE',
] as const;

const MIN = 60_000;
const HOUR = 60 * MIN;

export class Builder {
  private readonly today: DateTime;
  constructor(
    readonly now: number,
    readonly zone: string,
  ) {
    this.today = DateTime.fromMillis(now, { zone }).startOf('day');
  }

  /** Epoch ms of `hh:mm` local time `daysAgo` days before today (DST-correct). */
  at(daysAgo: number, hour: number, minute = 0): number {
    return this.today.minus({ days: daysAgo }).set({ hour, minute }).toMillis();
  }

  job(
    set: SimSet,
    start: number,
    durationMs: number | undefined,
    status: string,
    extra: Partial<SimJob> = {},
  ): SimJob[] {
    const id = DateTime.fromMillis(start, { zone: this.zone }).toFormat('yyyy-MM-dd-HH-mm-ss');
    const dests: Array<string | undefined> = set.destinations.length > 0 ? set.destinations : [undefined];
    return dests.map((destId, i) => ({
      setId: set.id,
      id,
      start,
      status,
      warnings: 0,
      errors: 0,
      files: 100 + i,
      ...(destId === undefined ? {} : { destId }),
      ...(durationMs === undefined ? {} : { end: start + durationMs + i * MIN }),
      ...extra,
    }));
  }
}

function set(id: string, name: string, type: string, destinations: string[]): SimSet {
  return { id, name, type, destinations };
}
const DEST_A = '-1700000000101';
const DEST_B = '-1700000000102';

export function generate(now: number, zone: string, scale: Partial<AhsayScale> = {}): SimUser[] {
  const s = { ...DEFAULT_SCALE, ...scale };
  const b = new Builder(now, zone);
  return [alice(b), bob(b), carol(b), dave(b), erin(b), ...generated(b, s)];
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
  jobs.push(...b.job(sql, b.at(1, 1), 5 * MIN, 'BS_STOP_BY_SYSTEM_ERROR', { errors: 3 }));
  jobs.push(...b.job(sql, b.at(2, 1), 5 * MIN, 'BS_STOP_BY_SYSTEM_ERROR', { errors: 1 }));
  jobs.push(...b.job(sql, b.at(3, 1), 30 * MIN, 'BS_STOP_SUCCESS'));
  return { login: 'alice', owner: '', sets: [docs, sql], jobs };
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
  return { login: 'bob', owner: '', sets: [exch, laptop, archive], jobs };
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
    jobs.push(...b.job(s, b.at(1, 3, i * 5), failedEarly ? MIN : 15 * MIN, status, { warnings: i % 3, errors: i % 2 }));
    jobs.push(...b.job(s, b.at(2, 3, i * 5), 15 * MIN, 'BS_STOP_SUCCESS'));
  });
  return { login: 'carol', owner: '', sets, jobs };
}

/** A reseller's user whose client predates destinations (no DestinationID in the job list). */
function dave(b: Builder): SimUser {
  const old = set('1700000000021', 'Old PC', 'FILE', []);
  return {
    login: 'dave',
    owner: 'reseller1',
    sets: [old],
    jobs: b.job(old, b.at(1, 0, 5), 10 * MIN, 'BS_STOP_SUCCESS'),
  };
}

/**
 * Nightly at 00:30 local for 8 days, 3 h of real time each: in a zone with DST the run on a change day ends
 * at 02:30 (autumn) or 04:30 (spring) wall-clock time, so only a zone-aware parser gets 3 h.
 */
function erin(b: Builder): SimUser {
  const nightly = set('1700000000031', 'Nightly', 'FILE', [DEST_A]);
  const jobs: SimJob[] = [];
  for (let d = 1; d <= 8; d++) jobs.push(...b.job(nightly, b.at(d, 0, 30), 3 * HOUR, 'BS_STOP_SUCCESS'));
  return { login: 'erin', owner: '', sets: [nightly], jobs };
}

/** Bulk users: daily runs to two destinations, mostly successful, a seeded few warning or failed. */
function generated(b: Builder, s: AhsayScale): SimUser[] {
  const rnd = seededRandom(42);
  const users: SimUser[] = [];
  for (let u = 0; u < s.users; u++) {
    const login = `user${String(u + 1).padStart(4, '0')}`;
    const sets: SimSet[] = [];
    const jobs: SimJob[] = [];
    for (let k = 0; k < s.setsPerUser; k++) {
      const id = `18${String(u).padStart(6, '0')}${String(k).padStart(3, '0')}`;
      const st = set(id, `Set ${k + 1}`, 'FILE', [DEST_A, DEST_B]);
      sets.push(st);
      for (let d = 1; d <= s.days; d++) {
        const r = rnd();
        const status =
          r < 0.85 ? 'BS_STOP_SUCCESS' : r < 0.95 ? 'BS_STOP_SUCCESS_WITH_WARNING' : 'BS_STOP_BY_SYSTEM_ERROR';
        jobs.push(
          ...b.job(st, b.at(d, 20 + (k % 4), (u * 7) % 60), (10 + Math.floor(rnd() * 50)) * MIN, status, {
            files: Math.floor(rnd() * 5000),
            warnings: status.includes('WARNING') ? 1 : 0,
            errors: status.includes('ERROR') ? 1 : 0,
          }),
        );
      }
    }
    users.push({ login, owner: u % 10 === 9 ? 'reseller1' : '', sets, jobs });
  }
  return users;
}
