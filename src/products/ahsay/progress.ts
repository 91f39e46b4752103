// The `progress` collector: GetBackupJobProgress of each job whose last run is still going.
import type { Logger } from 'pino';
import { UpstreamError } from '../../common/errors';
import type { PartScope } from '../../core/module';
import type { CbsProgress } from './decode';
import { type CbsJob, eachItem, jobItem, type RunDetails, type RunJob, runKey, withLastRun } from './runs';

/** Progress by job; a job whose call failed is an item failure of the part, the others keep theirs. */
export function collectProgress(
  d: RunDetails,
  jobs: readonly CbsJob[],
  scope: PartScope,
): Promise<Map<CbsJob, CbsProgress>> {
  return eachItem(withLastRun(jobs, true), d.concurrency, scope, jobItem, progressOf, d);
}

function progressOf(job: RunJob, d: RunDetails): Promise<CbsProgress | undefined> {
  return whileRunning(d.client.progress(runKey(job)), d.log);
}

/**
 * A running job's report or progress may be refused with an Error envelope (the job just ended, or its
 * report is not written yet): that leaves its series out without failing the part. Transport, HTTP status
 * and decode errors, and rejected credentials, still fail it.
 */
export async function whileRunning<T>(p: Promise<T>, log: Logger): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (!(err instanceof UpstreamError && err.kind === 'http' && err.details.status === 200)) throw err;
    log.debug({ err: err.message }, 'ahsay running job: no report or progress yet');
    return undefined;
  }
}
