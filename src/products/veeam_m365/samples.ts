// From decoded VB365 records to samples (contract 4.2), through the shared job model.
import type { JobState } from '../../core/families';
import {
  jobLabels,
  jobSamples,
  lastRun,
  lastSuccess,
  mapStatus,
  normaliseEnd,
  type JobFacts,
  type JobIdentity,
  type Run,
  type RunPolicy,
} from '../../core/jobs';
import { sortedByText } from '../../common/order';
import { type Sample, sample } from '../../core/samples';
import type { EntryCounts } from './client';
import type { Vb365Session } from './decode';
import type { InventoryJob } from './jobs';

/** Session status (`Stopped, Running, Success, Failed, Warning, NotConfigured, Disconnected, Queued`). */
export const STATUS: Record<string, JobState> = {
  success: 'success',
  warning: 'warning',
  failed: 'failed',
  disconnected: 'failed',
  running: 'running',
  queued: 'running',
  stopped: 'stopped',
  notconfigured: 'none',
};

export function toRun(s: Pick<Vb365Session, 'id' | 'start' | 'end' | 'status'>): Run {
  const run: Run = { id: s.id, start: s.start, state: mapStatus(STATUS, s.status), vendorStatus: s.status };
  // null, absent, 0001-01-01 (.NET MinValue) or an end before the start: the run has not ended.
  const end = normaliseEnd(s.start, s.end);
  if (end !== undefined) run.end = end;
  return run;
}

export function identity(job: InventoryJob): JobIdentity {
  return {
    ...(job.tenant === undefined ? {} : { tenant: job.tenant }),
    job_id: job.id,
    job_name: job.name,
    job_type: job.kind,
  };
}

export interface LastRuns {
  last?: Run;
  lastSuccess?: Run;
  /** The session of `last`, for its statistics. */
  session?: Vb365Session;
}

export function pickRuns(sessions: readonly Vb365Session[], policy: RunPolicy): LastRuns {
  const runs = sessions.map(toRun);
  const last = lastRun(runs, policy);
  const success = lastSuccess(runs, policy);
  const session = last ? sessions.find((s) => s.id === last.id) : undefined;
  return { ...(last ? { last } : {}), ...(success ? { lastSuccess: success } : {}), ...(session ? { session } : {}) };
}

/**
 * The series of one job. `runs` is undefined when the sessions collector failed: then only what the job list
 * itself says (enabled, next run) is exported. `counts` is undefined when the logs collector failed.
 */
export function jobSeries(
  job: InventoryJob,
  runs: LastRuns | undefined,
  counts: EntryCounts | undefined,
  now: number,
): Sample[] {
  const id = identity(job);
  if (!runs) {
    const l = jobLabels(id);
    return [
      ...sample('backup_job_enabled', l, job.enabled === undefined ? undefined : job.enabled ? 1 : 0),
      ...sample('backup_job_next_run_timestamp_seconds', l, job.nextRun),
    ];
  }
  const facts: JobFacts = {
    identity: id,
    ...(runs.last ? { last: runs.last } : {}),
    ...(runs.lastSuccess ? { lastSuccess: runs.lastSuccess } : {}),
    ...(job.enabled === undefined ? {} : { enabled: job.enabled }),
    ...(job.nextRun === undefined ? {} : { nextRun: job.nextRun }),
    ...(counts ? { warnings: counts.warnings, errors: counts.errors } : {}),
  };
  const out = jobSamples(facts, now);
  const l = jobLabels(id);
  out.push(...sample('backup_job_last_run_transferred_bytes', l, runs.session?.transferredBytes));
  out.push(...sample('backup_job_last_run_processed_objects', l, runs.session?.processedObjects));
  return out;
}

function jobOrderKey(j: InventoryJob): string {
  return `${j.tenant ?? ''}\u0000${j.name}\u0000${j.kind}\u0000${j.id}`;
}

/** Output order independent of the order the API lists jobs. */
export function sortJobs(jobs: readonly InventoryJob[]): InventoryJob[] {
  return sortedByText(jobs, jobOrderKey);
}
