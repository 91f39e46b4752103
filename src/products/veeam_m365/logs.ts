// The `logs` collector: warning and error entries of each job's last run. A finished run's log never changes,
// so its counts are fetched once and kept in the immutable cache; a running run is counted afresh each time.
// One run's log failing (a 404 for a session removed by retention since it was listed) leaves out that job's
// counts only; the part reports it.
import { type Settled, settleLimit } from '../../common/pool';
import type { LruCache } from '../../core/cache';
import type { Run } from '../../core/jobs';
import type { PartScope } from '../../core/module';
import type { EntryCounts, Vb365Client } from './client';

export interface LastRun {
  jobId: string;
  /** The job as the part names it when its log fails. */
  item: string;
  run: Run;
}

export async function loadLogCounts(
  api: Vb365Client,
  lastRuns: readonly LastRun[],
  cache: LruCache,
  concurrency: number,
  scope: PartScope,
): Promise<Map<string, EntryCounts>> {
  const results = await settleLimit(lastRuns, concurrency, scope.signal, counts, { api, cache });
  const out = new Map<string, EntryCounts>();
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as Settled<EntryCounts>;
    const { jobId, item } = lastRuns[i] as LastRun;
    if (r.ok) out.set(jobId, r.value);
    else scope.itemFailed(item, r.error);
  }
  return out;
}

/** A finished run's counts once, then from the cache; a running run's every time. */
function counts({ run }: LastRun, c: { api: Vb365Client; cache: LruCache }): Promise<EntryCounts> {
  const final = run.end !== undefined && run.state !== 'running';
  return c.cache.once(`logs:v${c.api.version}:${run.id}`, final, fetchCounts, { api: c.api, id: run.id });
}

function fetchCounts(c: { api: Vb365Client; id: string }): Promise<EntryCounts> {
  return c.api.logCounts(c.id);
}
