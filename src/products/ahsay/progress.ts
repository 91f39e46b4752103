// The `progress` collector: GetBackupJobProgress of each job whose last run is still going.
import type { PartScope } from '../../core/module';
import { whileRunning } from './client';
import type { CbsProgress } from './decode';
import { type CbsJob, eachItem, jobItem, type RunDetails, runKey, withLastRun } from './runs';

/** Progress by job; a job whose call failed is an item failure of the part, the others keep theirs. */
export function collectProgress(
  d: RunDetails,
  jobs: readonly CbsJob[],
  scope: PartScope,
): Promise<Map<CbsJob, CbsProgress>> {
  return eachItem(withLastRun(jobs, true), d.concurrency, scope, jobItem, (job) =>
    whileRunning(d.client.progress(runKey(job)), d.log),
  );
}
