// The AhsayCBS server of `npm run bench`: 1,000 users (the hand-made ones, then generated ones with 2 backup sets),
// two destinations and 8 days of daily runs for the bench estate; the demo estate with 300 more users for the
// request-dominated one (one call per user per collection, small answers); and the lower bound of a warm
// collection.
import { DateTime } from 'luxon';
import {
  type BenchEstate,
  type BenchScenario,
  type BoundContext,
  type BoundItem,
  bound,
  type LowerBound,
  scaledCount,
  sum,
} from '../bench';
import { DEFAULT_SCALE } from './data';
import { generate } from './handmade';
import { type AhsaySimulator, startAhsaySimulator } from './server';

const FULL_USERS = 1000;
/** The hand-made users every estate starts with. */
const HANDMADE = generate(0, 'UTC', { users: 0 }).length;

export function ahsayBench(scenario: BenchScenario, factor: number): BenchEstate<AhsaySimulator> {
  const extra = scaledCount(scenario === 'full' ? FULL_USERS - HANDMADE : 300, factor);
  const users = scenario === 'full' ? extra : DEFAULT_SCALE.users + extra;
  return {
    describe:
      scenario === 'full'
        ? `${users + HANDMADE} users (${HANDMADE} hand-made), 2 backup sets each, two destinations, 8 days of runs`
        : `the demo estate and ${extra} more users (${users + HANDMADE} in all)`,
    start: (o) => startAhsaySimulator({ ...o, scale: { users, setsPerUser: 2 } }),
    bound: (sim, c) => ahsayBound(sim.users, sim.timezone, c),
    slowData: /\/GetBackupSet\.do$/,
  };
}

export interface AhsayUserLike {
  login: string;
  sets: ReadonlyArray<{ id: string }>;
  jobs: ReadonlyArray<{ setId: string; destId?: string; start: number; status: string }>;
}

const AHSAY_SUCCESS = new Set(['BS_STOP_SUCCESS', 'BS_STOP_SUCCESS_WITH_WARNING', 'BS_STOP_SUCCESS_WITH_ERROR']);
const AHSAY_RUNNING = 'BS_STILL_RUNNING';

/** Day lists one user's walk must (re)read, and its running last runs (warning_is_success: true). */
export function ahsayUserWalk(u: AhsayUserLike, zone: string, c: BoundContext): { dayLists: number; running: number } {
  const selected = new Set(u.sets.map((s) => s.id));
  if (selected.size === 0) return { dayLists: 0, running: 0 };
  const byDay = new Map<string, AhsayUserLike['jobs'][number][]>();
  for (const j of u.jobs) {
    const day = DateTime.fromMillis(j.start, { zone }).toISODate()!;
    byDay.set(day, [...(byDay.get(day) ?? []), j]);
  }
  const found = new Map<string, Map<string, boolean>>(); // set → destination → has a success
  const lastOf = new Map<string, string>(); // set/destination → status of its newest run
  let dayLists = 0;
  const today = DateTime.fromMillis(c.nowMs, { zone }).startOf('day');
  for (let day = today; day.toMillis() + 86_400_000 > c.nowMs - c.lookbackMs; day = day.minus({ days: 1 })) {
    const jobs = (byDay.get(day.toISODate()!) ?? []).filter((j) => selected.has(j.setId));
    const over = day.plus({ days: 1 }).toMillis() <= c.nowMs;
    if (!over || jobs.some((j) => j.status === AHSAY_RUNNING)) dayLists++;
    for (const j of [...jobs].sort((a, b) => b.start - a.start)) {
      const dests = found.get(j.setId) ?? new Map<string, boolean>();
      found.set(j.setId, dests);
      const dest = j.destId ?? '';
      dests.set(dest, (dests.get(dest) ?? false) || AHSAY_SUCCESS.has(j.status));
      if (!lastOf.has(`${j.setId}/${dest}`)) lastOf.set(`${j.setId}/${dest}`, j.status);
    }
    const complete = [...selected].every((s) => found.has(s) && [...found.get(s)!.values()].every(Boolean));
    if (complete) break;
  }
  return { dayLists, running: [...lastOf.values()].filter((s) => s === AHSAY_RUNNING).length };
}

export function ahsayBound(users: readonly AhsayUserLike[], zone: string, c: BoundContext): LowerBound {
  const walks = users.map((u) => ahsayUserWalk(u, zone, c));
  const dayLists = sum(walks.map((w) => w.dayLists));
  const running = sum(walks.map((w) => w.running));
  const items: BoundItem[] = [
    {
      request: `ListBackupJobStatus of unfinished days (${users.length} users; today, or a day with a running job)`,
      count: dayLists,
      why: 'one call per user and day; finished days are cached',
    },
    {
      request: 'GetBackupJobReportSummary of running last runs',
      count: running,
      why: 'entry counts of a running run as of now',
    },
    { request: 'GetBackupJobProgress of running last runs', count: running, why: 'progress_ratio' },
    {
      request: 'ListUsers, ListBackupSets, GetBackupSet',
      count: 0,
      why: 'inventory fresh; backup set destinations at most once a day',
    },
  ];
  const chain = walks.reduce((m, w) => Math.max(m, w.dayLists), 0) + (running > 0 ? 1 : 0);
  return bound(items, chain);
}
