// Warning and error counts of each policy's last run, from `jobSessions/{id}/log`. A finished session's log
// never changes, so its counts are fetched once and kept in the immutable LRU; a running one is fetched
// every collection. Requests run through a small worker pool so the target's concurrency bound is used
// without holding every response in memory at once.

import type { LruCache } from '../../core/cache';
import type { AzureApi } from './client';
import type { LogCounts } from './decode';

export interface LastRunRef {
  policyId: string;
  sessionId: string;
  finished: boolean;
}

export async function fetchLogCounts(
  api: AzureApi,
  refs: readonly LastRunRef[],
  cache: LruCache,
  concurrency: number,
): Promise<Map<string, LogCounts>> {
  const out = new Map<string, LogCounts>();
  const queue = [...refs];
  const worker = async (): Promise<void> => {
    for (let ref = queue.shift(); ref; ref = queue.shift()) {
      const counts = await countsOf(api, ref, cache);
      if (counts) out.set(ref.policyId, counts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, refs.length)) }, worker));
  return out;
}

async function countsOf(api: AzureApi, ref: LastRunRef, cache: LruCache): Promise<LogCounts | undefined> {
  const key = `veeam_azure:log:${ref.sessionId}`;
  if (ref.finished) {
    const hit = cache.get<LogCounts>(key);
    if (hit) return hit;
  }
  // A 404 means the session is gone (removed by retention since the list was read): counts are left out.
  const counts = await api.logCounts(ref.sessionId);
  if (counts && ref.finished) cache.set(key, counts);
  return counts;
}
