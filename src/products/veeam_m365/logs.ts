// The `logs` collector: warning and error entries of each job's last run. A finished run's log never changes,
// so its counts are fetched once and kept in the immutable cache; a running run is counted afresh each time.
import { mapLimit } from '../../common/pool';
import type { LruCache } from '../../core/cache';
import type { Run } from '../../core/jobs';
import type { EntryCounts, Vb365Client } from './client';

export async function loadLogCounts(
  api: Vb365Client,
  lastRuns: ReadonlyArray<{ jobId: string; run: Run }>,
  cache: LruCache,
  concurrency: number,
): Promise<Map<string, EntryCounts>> {
  const out = new Map<string, EntryCounts>();
  await mapLimit(lastRuns, concurrency, async ({ jobId, run }) => {
    const final = run.end !== undefined && run.state !== 'running';
    out.set(jobId, await cache.once(`logs:v${api.version}:${run.id}`, final, () => api.logCounts(run.id)));
  });
  return out;
}
