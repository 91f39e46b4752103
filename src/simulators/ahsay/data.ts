// The simulated AhsayCBS estate's types, the builder of its runs, and the generated users for scale (the
// hand-made ones are in ./handmade.ts). Times are relative to `now`; wall-clock strings are produced in the
// simulator's `timezone`.
import { DateTime } from 'luxon';
import { pushAll } from '../../common/lists';
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
  /** Usage fields of the user's ListUsers object, as the server sends them (odd forms included). */
  usage: Record<string, unknown>;
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

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const GIB = 2 ** 30;
export const DEST_A = '-1700000000101';
export const DEST_B = '-1700000000102';
export const DEST_C = '-1700000000103';

export function set(id: string, name: string, type: string, destinations: string[]): SimSet {
  return { id, name, type, destinations };
}

export class Builder {
  private readonly today: DateTime;
  constructor(
    readonly now: number,
    readonly zone: string,
  ) {
    this.today = DateTime.fromMillis(now, { zone }).startOf('day');
  }

  /** `ms` as the server's wall clock, `yyyy-MM-dd HH:mm:ss` unless told otherwise. */
  local(ms: number, format = 'yyyy-MM-dd HH:mm:ss'): string {
    return DateTime.fromMillis(ms, { zone: this.zone }).toFormat(format);
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

/** Bulk users: daily runs to two destinations, mostly successful, a seeded few warning or failed. */
export function generated(b: Builder, s: AhsayScale): SimUser[] {
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
        pushAll(
          jobs,
          b.job(st, b.at(d, 20 + (k % 4), (u * 7) % 60), (10 + Math.floor(rnd() * 50)) * MIN, status, {
            files: Math.floor(rnd() * 5000),
            warnings: status.includes('WARNING') ? 1 : 0,
            errors: status.includes('ERROR') ? 1 : 0,
          }),
        );
      }
    }
    // Usage in plain JSON numbers, not drawn from `rnd` (the runs stay those of earlier estates).
    const usage = { Quota: 100 * GIB, DataSize: (u + 1) * GIB, RetainSize: 0, LastBackupDate: b.at(1, 21) };
    users.push({ login, owner: u % 10 === 9 ? 'reseller1' : '', sets, jobs, usage });
  }
  return users;
}
