// Mapping of AhsayCBS records to samples (contract 4.2): one job per (backup user, backup set, destination),
// destinations learned from runs; report counters and progress of the last run.
import { jobLabels, jobSamples, lastRun, lastSuccess, type JobIdentity, type RunPolicy } from '../../core/jobs';
import { sample, withLabel } from '../../core/samples';
import type { Labels, Sample } from '../../core/samples';
import type { CbsBackupSet, CbsProgress, CbsUser, RunKey } from './client';
import { CHANGES, type CbsReport } from './report';
import type { CbsRun, UserRuns } from './runs';

/** One exported job: a backup set to one destination (or without destination when it has no run). */
export interface CbsJob {
  user: CbsUser;
  set: CbsBackupSet;
  identity: JobIdentity;
  last?: CbsRun;
  lastSuccess?: CbsRun;
}

/** The jobs of one user's selected sets, from the runs found by the day walk. */
export function buildJobs(user: CbsUser, sets: readonly CbsBackupSet[], runs: UserRuns, policy: RunPolicy): CbsJob[] {
  const jobs: CbsJob[] = [];
  for (const set of sets) {
    const base: JobIdentity = { tenant: user.login, job_id: set.id, job_name: set.name, job_type: set.type };
    const perDest = [...(runs.get(set.id) ?? new Map<string, CbsRun[]>()).entries()].sort(([a], [b]) => cmp(a, b));
    const found: CbsJob[] = [];
    for (const [dest, list] of perDest) {
      const last = lastRun(list, policy) as CbsRun | undefined;
      if (!last) continue;
      const job: CbsJob = { user, set, identity: dest === '' ? base : { ...base, destination_id: dest }, last };
      const success = lastSuccess(list, policy) as CbsRun | undefined;
      if (success) job.lastSuccess = success;
      found.push(job);
    }
    // No run within lookback: one series set without destination_id, status none.
    jobs.push(...(found.length > 0 ? found : [{ user, set, identity: base }]));
  }
  return jobs;
}

export function runKey(job: CbsJob): RunKey | undefined {
  const last = job.last;
  if (!last) return undefined;
  const key: RunKey = { login: job.user.login, owner: last.owner, setId: job.set.id, jobId: last.id };
  if (last.destinationId !== undefined) key.destinationId = last.destinationId;
  return key;
}

/** Everything known about one job in this collection; a missing report or progress leaves its series out. */
export interface JobData {
  job: CbsJob;
  report?: CbsReport;
  progress?: CbsProgress;
}

export function jobSeries(d: JobData, nowSeconds: number): Sample[] {
  const { job, report } = d;
  const out = jobSamples(
    {
      identity: job.identity,
      ...(job.last ? { last: job.last } : {}),
      ...(job.lastSuccess ? { lastSuccess: job.lastSuccess } : {}),
      ...(report?.warnings !== undefined ? { warnings: report.warnings } : {}),
      ...(report?.errors !== undefined ? { errors: report.errors } : {}),
    },
    nowSeconds,
  );
  const l = jobLabels(job.identity);
  if (report) out.push(...reportSamples(l, report));
  if (d.progress) out.push(...sample('backup_job_last_run_progress_ratio', l, progressRatio(d.progress)));
  return out;
}

function reportSamples(l: Labels, r: CbsReport): Sample[] {
  const out: Sample[] = [];
  for (const change of CHANGES) {
    const s = r.files[change];
    if (!s) continue;
    const cl = withLabel(l, 'change', change);
    out.push(...sample('backup_job_last_run_files', cl, s.count));
    out.push(...sample('backup_job_last_run_files_stored_bytes', cl, s.stored));
    out.push(...sample('backup_job_last_run_files_original_bytes', cl, s.original));
  }
  out.push(
    ...sample(
      'backup_job_last_run_dedupe_enabled',
      l,
      r.dedupeEnabled === undefined ? undefined : r.dedupeEnabled ? 1 : 0,
    ),
  );
  out.push(...sample('backup_job_last_run_dedupe_original_bytes', l, r.dedupeOriginal));
  out.push(...sample('backup_job_last_run_dedupe_saved_bytes', l, r.dedupeSaving));
  return out;
}

/** UploadedFileSize / TotalFileSize, absent when the total is 0 or missing; capped at 1. */
export function progressRatio(p: CbsProgress): number | undefined {
  if (p.total === undefined || p.total <= 0 || p.uploaded === undefined) return undefined;
  return Math.min(1, p.uploaded / p.total);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
