// The `logs` collector: warning and error items of each policy's last run, from `jobSessions/{id}/log`. A
// finished session's log never changes, so its counts are fetched once and kept in the immutable cache; a
// running one is fetched every collection. A log that cannot be read (gone since the session list was read,
// a server error) fails that policy's counts only: the other policies keep theirs.
import { settleLimit } from '../../common/pool';
import type { LruCache } from '../../core/cache';
import type { Run, RunPolicy } from '../../core/jobs';
import type { PartScope } from '../../core/module';
import type { AzureApi } from './client';
import type { AzurePolicy, AzureSession, LogCounts } from './decode';
import { lastSession } from './samples';

export interface LastRun {
  policy: AzurePolicy;
  run: Run;
}

/** The last run of each policy that has one. */
export function lastRuns(
  policies: readonly AzurePolicy[],
  sessions: ReadonlyMap<string, readonly AzureSession[]>,
  p: RunPolicy,
): LastRun[] {
  return policies.flatMap((policy) => {
    const last = lastSession(sessions.get(policy.id) ?? [], p);
    return last ? [{ policy, run: last.run }] : [];
  });
}

/** Counts by policy id; a policy whose log failed is reported to `scope` and left out. */
export async function loadLogCounts(
  api: AzureApi,
  runs: readonly LastRun[],
  cache: LruCache,
  concurrency: number,
  scope: PartScope,
): Promise<Map<string, LogCounts>> {
  const results = await settleLimit(runs, concurrency, scope.signal, ({ run }) =>
    cache.once(`log:${run.id}`, run.state !== 'running', () => api.logCounts(run.id)),
  );
  const out = new Map<string, LogCounts>();
  results.forEach((r, i) => {
    const { policy } = runs[i]!;
    if (r.ok) out.set(policy.id, r.value);
    else scope.itemFailed(`policy ${policy.name}`, r.error);
  });
  return out;
}
