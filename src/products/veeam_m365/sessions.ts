// The `sessions` collector: every session of the selected jobs that may matter within lookback, per job.
import { mapLimit } from '../../common/pool';
import type { Vb365Client } from './client';
import type { Vb365Session } from './decode';
import type { InventoryJob } from './jobs';

export interface SessionQuery {
  /** Unix seconds. */
  now: number;
  lookbackSeconds: number;
  concurrency: number;
}

/**
 * Sessions by job id, for the given (already filtered) jobs.
 *
 * Which calls, and why the result does not depend on how `endTimeLowerBound` filters (the v7/v8 spec says
 * "created after", the name says "ended after"):
 *  - v3–v7 read each job's sessions without any time filter (`/Jobs/{id}/JobSessions` up to v6, which has no
 *    filter; `/JobSessions?jobId=` in v7): exact under any semantics, at the cost of the job's whole history.
 *    v6 copy jobs have no per-job endpoint: their sessions come from `/JobSessions?jobType=Copy`, unfiltered.
 *  - v8 reads ONE global list with `endTimeLowerBound = now − lookback` (a few large pages instead of a request
 *    per job), plus `status=Running`. A run counts when its creationTime is within lookback, so:
 *      · filtering by creation returns exactly those runs, running ones included;
 *      · filtering by end returns every finished one of them (end ≥ start ≥ bound) plus older runs that ended
 *        inside the window, which the creationTime check below drops; only runs without an end time can be
 *        missing, and the `status=Running` list brings them back whatever the semantics.
 *    Not covered: a v8 session in state Queued (no end yet, and `status` cannot filter it) on a server that
 *    filters by end time is seen only once it starts running.
 */
export async function loadSessions(
  api: Vb365Client,
  jobs: readonly InventoryJob[],
  q: SessionQuery,
): Promise<Map<string, Vb365Session[]>> {
  const byJob = new Map<string, Vb365Session[]>(jobs.map((j) => [j.id, []]));
  const add = (s: Vb365Session): void => {
    if (s.jobId !== undefined) byJob.get(s.jobId)?.push(s);
  };
  if (api.version >= 8) {
    const bound = new Date((q.now - q.lookbackSeconds) * 1000).toISOString();
    const [windowed, running] = await Promise.all([
      api.sessions({ endTimeLowerBound: bound }),
      api.sessions({ status: 'Running' }),
    ]);
    for (const s of windowed) add(s);
    for (const s of running) add(s);
  } else {
    const perJob = api.version === 6 ? jobs.filter((j) => j.kind === 'Backup') : jobs;
    const lists = await mapLimit(perJob, q.concurrency, (j) => api.jobSessions(j.id));
    for (const list of lists) for (const s of list) add(s);
    if (api.version === 6 && jobs.some((j) => j.kind === 'Copy')) {
      for (const s of await api.sessions({ jobType: 'Copy' })) add(s);
    }
  }
  const out = new Map<string, Vb365Session[]>();
  for (const [jobId, list] of byJob) out.set(jobId, dedupe(list));
  return out;
}

/** A session listed twice (by two queries, or shifted between pages) counts once; the first copy wins. */
function dedupe(sessions: readonly Vb365Session[]): Vb365Session[] {
  const seen = new Map<string, Vb365Session>();
  for (const s of sessions) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}
