// The `logs` collector: warning and error entries of each job's last run. A finished run's log never changes,
// so its counts are fetched once and kept in the immutable cache; a running run is counted afresh each time.
import type { LruCache } from '../../core/cache';
import type { Run } from '../../core/jobs';
import type { EntryCounts, Vb365Client } from './client';
import { mapLimit } from '../../core/pool';

export async function loadLogCounts(
  api: Vb365Client,
  lastRuns: ReadonlyArray<{ jobId: string; run: Run }>,
  cache: LruCache,
  concurrency: number,
): Promise<Map<string, EntryCounts>> {
  const out = new Map<string, EntryCounts>();
  await mapLimit(lastRuns, concurrency, async ({ jobId, run }) => {
    const final = run.end !== undefined && run.state !== 'running';
    const key = `veeam_m365:v${api.version}:logs:${run.id}`;
    const cached = final ? cache.get<EntryCounts>(key) : undefined;
    const counts = cached ?? (await api.logCounts(run.id));
    if (final && !cached) cache.set(key, counts);
    out.set(jobId, counts);
  });
  return out;
}
