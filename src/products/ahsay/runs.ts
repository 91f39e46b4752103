// The `runs` collector: ListBackupJobStatus lists one day of one user's jobs, so the newest run of each
// (backup set, destination) is found by walking back day by day from today (in the target's zone) to the
// lookback. The walk of a user stops early once every selected backup set has a run and every destination it
// knows has a successful run: the set's destinations of 2/GetBackupSet, or on servers without that call the
// ones seen in this walk or an earlier collection. A job that crosses midnight is listed on its start day.
// One user's walk failing leaves out that user's jobs only.
import type { Logger } from 'pino';
import { compareText } from '../../common/order';
import { type Settled, settleLimit } from '../../common/pool';
import type { LruCache } from '../../core/cache';
import { isSuccess, type JobIdentity, lastRun, lastSuccess, type Run, type RunPolicy } from '../../core/jobs';
import type { PartScope } from '../../core/module';
import type { CbsClient, RunKey } from './client';
import type { CbsBackupSet, CbsJobEntry, CbsUser } from './decode';
import type { UserSets } from './jobs';
import { ahsayState, toRun } from './samples';
import type { WalkDay } from './times';

/** A run plus what the report and progress calls need to address it. */
export interface CbsRun extends Run {
  owner: string;
  destinationId?: string;
  /** EndTime gave no time: `end` is the start, a lower bound of the real end. */
  endEstimated?: true;
}

/** Runs found per backup set id, then per destination ('' for runs without a DestinationID). */
export type UserRuns = Map<string, Map<string, CbsRun[]>>;

/** One exported job: a backup set to one destination (or without destination when it has no run). */
export interface CbsJob {
  user: CbsUser;
  set: CbsBackupSet;
  identity: JobIdentity;
  last?: CbsRun;
  lastSuccess?: CbsRun;
}

export interface WalkContext {
  client: CbsClient;
  immutable: LruCache;
  /** The days of this collection's walk, newest first. */
  days: readonly WalkDay[];
  policy: RunPolicy;
  concurrency: number;
  /** Destinations learned in earlier collections, per `login\0setId`: the walk goes on until each is found. */
  knownDestinations: Map<string, Set<string>>;
}

/** The jobs of every user whose walk succeeded, in inventory order. */
export async function collectRuns(w: WalkContext, inventory: readonly UserSets[], scope: PartScope): Promise<CbsJob[]> {
  const walked = await eachItem(inventory, w.concurrency, scope, userItem, walkUser, w);
  const jobs: CbsJob[] = [];
  for (const u of inventory) {
    const runs = walked.get(u);
    if (runs) buildJobs(jobs, u.user, u.sets, runs, w.policy);
  }
  return jobs;
}

// The per-item steps here are functions of this module, not closures made per collection (see common/pool).
function userItem(u: UserSets): string {
  return `user ${u.user.login}`;
}

/**
 * `fn` for every item, at most `concurrency` at a time. An item that fails is reported to the part as that
 * item's failure; the others' defined results are returned by item.
 */
export async function eachItem<T, R, C>(
  items: readonly T[],
  concurrency: number,
  scope: PartScope,
  name: (item: T) => string,
  fn: (item: T, ctx: C) => Promise<R | undefined>,
  ctx: C,
): Promise<Map<T, R>> {
  const results = await settleLimit(items, concurrency, scope.signal, fn, ctx);
  const out = new Map<T, R>();
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as Settled<R | undefined>;
    const item = items[i] as T;
    if (!r.ok) scope.itemFailed(name(item), r.error);
    else if (r.value !== undefined) out.set(item, r.value);
  }
  return out;
}

async function walkUser(u: UserSets, w: WalkContext): Promise<UserRuns> {
  const { user, sets } = u;
  const seen = new Map<string, Set<string>>();
  const known = new Map<string, Iterable<string>>();
  for (const s of sets) {
    const destinations = seenOf(w, user, s.id);
    seen.set(s.id, destinations);
    known.set(s.id, s.destinations ?? destinations);
  }
  const found: UserRuns = new Map();
  for (const day of w.days) {
    for (const e of await dayList(w, user, day)) {
      if (known.has(e.setId)) add(found, e);
    }
    if (complete(found, known, w.policy)) break;
  }
  for (const [setId, dests] of found) for (const d of dests.keys()) seen.get(setId)?.add(d);
  return found;
}

/** Destinations of a set seen in runs of this or earlier collections (kept in the target's state). */
function seenOf(w: WalkContext, user: CbsUser, setId: string): Set<string> {
  const key = `${user.login}\u0000${setId}`;
  const seen = w.knownDestinations.get(key) ?? new Set<string>();
  w.knownDestinations.set(key, seen);
  return seen;
}

/** One day's entries, fetched once when the day is over and none of its jobs still runs. */
async function dayList(w: WalkContext, user: CbsUser, day: WalkDay): Promise<CbsJobEntry[]> {
  const key = `day:${user.login}\u0000${user.owner}\u0000${day.date}`;
  const kept = day.over ? w.immutable.get<CbsJobEntry[]>(key) : undefined;
  if (kept !== undefined) return kept;
  const fresh = await w.client.listBackupJobStatus(user, day.date);
  // A job still running on a past day: the list is not final yet, so it is not kept (fetched again).
  if (day.over && !anyRunning(fresh)) w.immutable.set(key, fresh);
  return fresh;
}

function anyRunning(entries: readonly CbsJobEntry[]): boolean {
  for (const e of entries) if (ahsayState(e.status) === 'running') return true;
  return false;
}

function add(found: UserRuns, e: CbsJobEntry): void {
  const dests = found.get(e.setId) ?? new Map<string, CbsRun[]>();
  found.set(e.setId, dests);
  const dest = e.destinationId ?? '';
  const runs = dests.get(dest) ?? [];
  dests.set(dest, runs);
  for (const r of runs) if (r.id === e.id) return;
  runs.push(toRun(e));
}

/**
 * True when every selected set has runs, each known destination has runs, and each destination found has a
 * success. Runs without a DestinationID (v6 clients) cannot be told apart by destination: such a set needs no
 * known destination.
 */
function complete(found: UserRuns, known: ReadonlyMap<string, Iterable<string>>, policy: RunPolicy): boolean {
  for (const [id, knownDests] of known) {
    const dests = found.get(id);
    if (!dests) return false;
    if (!dests.has('')) for (const d of knownDests) if (!dests.has(d)) return false;
    for (const runs of dests.values()) if (!anySuccess(runs, policy)) return false;
  }
  return true;
}

function anySuccess(runs: readonly CbsRun[], policy: RunPolicy): boolean {
  for (const r of runs) if (isSuccess(r, policy)) return true;
  return false;
}

/**
 * The jobs of one user's selected sets: one per destination with a run within lookback, one in state none
 * per destination of 2/GetBackupSet without one, and one without destination_id (state none) for a set with
 * neither. Runs without a DestinationID (v6 clients) cannot be told apart by destination: their set gets no
 * none job per destination.
 */
function buildJobs(jobs: CbsJob[], user: CbsUser, sets: readonly CbsBackupSet[], runs: UserRuns, policy: RunPolicy) {
  for (const set of sets) {
    const base: JobIdentity = { tenant: user.login, job_id: set.id, job_name: set.name, job_type: set.type };
    const found = new Map<string, CbsJob>();
    for (const [dest, list] of runs.get(set.id) ?? []) {
      const last = lastRun(list, policy) as CbsRun | undefined;
      if (!last) continue;
      const job: CbsJob = { user, set, identity: dest === '' ? base : { ...base, destination_id: dest }, last };
      const success = lastSuccess(list, policy) as CbsRun | undefined;
      if (success) job.lastSuccess = success;
      found.set(dest, job);
    }
    if (!found.has('')) {
      for (const dest of set.destinations ?? []) {
        if (!found.has(dest)) found.set(dest, { user, set, identity: { ...base, destination_id: dest } });
      }
    }
    if (found.size === 0) found.set('', { user, set, identity: base });
    for (const dest of [...found.keys()].sort(compareText)) jobs.push(found.get(dest) as CbsJob);
  }
}

/** What the collectors that need `runs` (reports, progress) use in one collection. */
export interface RunDetails {
  client: CbsClient;
  immutable: LruCache;
  concurrency: number;
  log: Logger;
}

export type RunJob = CbsJob & { last: CbsRun };

/** The jobs that have a last run; with `running`, only those whose last run is still going. */
export function withLastRun(jobs: readonly CbsJob[], running = false): RunJob[] {
  const out: RunJob[] = [];
  for (const j of jobs) if (j.last !== undefined && (!running || j.last.state === 'running')) out.push(j as RunJob);
  return out;
}

/** How a job is named in a part's failure reason. */
export function jobItem(job: CbsJob): string {
  const dest = job.identity.destination_id;
  return `backup set ${job.set.name} of ${job.user.login}${dest === undefined ? '' : ` to destination ${dest}`}`;
}

/** The parameters of the report and progress calls for a job's last run. */
export function runKey(job: RunJob): RunKey {
  const { last } = job;
  const key: RunKey = { login: job.user.login, owner: last.owner, setId: job.set.id, jobId: last.id };
  if (last.destinationId !== undefined) key.destinationId = last.destinationId;
  return key;
}
