// The `runs` collector: ListBackupJobStatus lists one day of one user's jobs, so the newest run of each
// (backup set, destination) is found by walking back day by day from today (in the target's zone) to the
// lookback. The walk of a user stops early once every selected backup set has a run and every destination
// seen so far (in this walk or an earlier collection) has a successful run. A job that crosses midnight is
// listed on its start day.
import { DateTime } from 'luxon';
import { isSuccess, normaliseEnd, type Run, type RunPolicy } from '../../core/jobs';
import type { LruCache } from '../../core/cache';
import type { CbsBackupSet, CbsClient, CbsJobEntry, CbsUser } from './client';
import { localDays } from './parse';
import { ahsayState } from './status';

/** A run plus what the report and progress calls need to address it. */
export interface CbsRun extends Run {
  owner: string;
  destinationId?: string;
}

/** Runs found per backup set id, then per destination ('' for runs without a DestinationID). */
export type UserRuns = Map<string, Map<string, CbsRun[]>>;

/** A finished day's list is final only some time after midnight, so clock skew cannot freeze it early. */
const DAY_FINAL_GRACE_MS = 15 * 60_000;

export interface WalkContext {
  client: CbsClient;
  immutable: LruCache;
  zone: string;
  /** Collection time, epoch ms. */
  nowMs: number;
  lookbackMs: number;
  policy: RunPolicy;
  /** Key prefix keeping this target's entries apart in the immutable cache. */
  cacheKey: string;
  /** Destinations learned in earlier collections, per `login\0setId`: the walk goes on until each is found. */
  knownDestinations: Map<string, Set<string>>;
}

export async function walkUser(w: WalkContext, user: CbsUser, sets: readonly CbsBackupSet[]): Promise<UserRuns> {
  const known = new Map(sets.map((s) => [s.id, knownOf(w, user, s.id)]));
  const found: UserRuns = new Map();
  for (const day of walkDays(w)) {
    for (const e of await dayList(w, user, day)) {
      if (known.has(e.setId)) add(found, e);
    }
    if (complete(found, known, w.policy)) break;
  }
  for (const [setId, dests] of found) for (const d of dests.keys()) known.get(setId)?.add(d);
  return found;
}

function knownOf(w: WalkContext, user: CbsUser, setId: string): Set<string> {
  const key = `${user.login}\u0000${setId}`;
  let set = w.knownDestinations.get(key);
  if (!set) w.knownDestinations.set(key, (set = new Set()));
  return set;
}

/** A calendar day of the walk, newest first, and whether its list is final at collection time. */
interface WalkDay {
  date: string;
  over: boolean;
}

/** The days are the same for every user of a collection: computed once per walk context (luxon is slow). */
const daysOfWalk = new WeakMap<WalkContext, WalkDay[]>();

function walkDays(w: WalkContext): WalkDay[] {
  let days = daysOfWalk.get(w);
  if (!days) {
    days = localDays(w.nowMs, w.zone, w.nowMs - w.lookbackMs).map((date) => ({
      date,
      over: DateTime.fromISO(date, { zone: w.zone }).plus({ days: 1 }).toMillis() + DAY_FINAL_GRACE_MS <= w.nowMs,
    }));
    daysOfWalk.set(w, days);
  }
  return days;
}

/** One day's entries: from the immutable cache when the day is over and none of its jobs still runs. */
async function dayList(w: WalkContext, user: CbsUser, { date: day, over }: WalkDay): Promise<CbsJobEntry[]> {
  const key = `${w.cacheKey}:day:${user.login}\u0000${user.owner}\u0000${day}`;
  if (over) {
    const cached = w.immutable.get<CbsJobEntry[]>(key);
    if (cached) return cached;
  }
  const entries = await w.client.listBackupJobStatus(user, day);
  if (over && !entries.some((e) => ahsayState(e.status) === 'running')) w.immutable.set(key, entries);
  return entries;
}

function add(found: UserRuns, e: CbsJobEntry): void {
  let dests = found.get(e.setId);
  if (!dests) found.set(e.setId, (dests = new Map()));
  const dest = e.destinationId ?? '';
  let runs = dests.get(dest);
  if (!runs) dests.set(dest, (runs = []));
  if (runs.some((r) => r.id === e.id)) return;
  runs.push(toRun(e));
}

export function toRun(e: CbsJobEntry): CbsRun {
  const state = ahsayState(e.status);
  // A job still running has no end, whatever EndTime says (CBS may fill it with the last update time).
  const end = state === 'running' ? undefined : normaliseEnd(e.start, e.end);
  const run: CbsRun = { id: e.id, start: e.start, state, vendorStatus: e.status, owner: e.owner };
  if (end !== undefined) run.end = end;
  if (e.destinationId !== undefined) run.destinationId = e.destinationId;
  return run;
}

/** True when every selected set has runs and each destination seen or known has a success. */
function complete(found: UserRuns, known: ReadonlyMap<string, ReadonlySet<string>>, policy: RunPolicy): boolean {
  for (const [id, knownDests] of known) {
    const dests = found.get(id);
    if (!dests) return false;
    for (const d of knownDests) if (!dests.has(d)) return false;
    for (const runs of dests.values()) if (!runs.some((r) => isSuccess(r, policy))) return false;
  }
  return true;
}
