// From AhsayCBS records to samples: the BackupJobStatus table, runs, the series of one job (a backup set to
// one destination) with the report counters and progress of its last run (contract 4.2), and a backup user's
// tenant usage (contract 4.4).
import type { JobState } from '../../core/families';
import { jobLabels, jobSamples, mapStatus, normaliseEnd } from '../../core/jobs';
import { type Labels, type Sample, sample, withLabel } from '../../core/samples';
import type { CbsJobEntry, CbsProgress, CbsUser } from './decode';
import { CHANGES, type CbsReport } from './decode-report';
import type { CbsJob, CbsRun } from './runs';

/** There is no official full list of values; unknown ones map to `unknown` and keep their raw text. */
const STATUS: Record<string, JobState> = {
  bs_stop_success: 'success',
  bs_stop_success_with_warning: 'warning',
  // Completed, but with errors in the log: the data that could be read was backed up.
  bs_stop_success_with_error: 'warning',
  bs_stop_by_system_error: 'failed',
  bs_stop_by_scheduler: 'failed',
  bs_stop_by_quota_exceeded: 'failed',
  bs_stop_missed_backup: 'failed',
  bs_backup_not_finished: 'failed',
  bs_stop_incomplete: 'failed',
  bs_still_running: 'running',
  bs_stop_by_user: 'stopped',
};

/** Case-insensitive; any value starting BS_MISSED_ (database, virtual machine, public folder…) is failed. */
export function ahsayState(vendorStatus: string): JobState {
  const s = vendorStatus.trim();
  if (s.toUpperCase().startsWith('BS_MISSED_')) return 'failed';
  return mapStatus(STATUS, s);
}

export function toRun(e: CbsJobEntry): CbsRun {
  const state = ahsayState(e.status);
  const run: CbsRun = { id: e.id, start: e.start, state, vendorStatus: e.status, owner: e.owner };
  // A job still running has no end, whatever EndTime says (CBS may fill it with the last update time).
  // Any other non-empty EndTime means the run ended; when it gives no time at or after the start (a date
  // alone, as ListBackupJobStatus documents it), the start is the end's lower bound until the report's
  // EndTime says more: finished, never "still running".
  if (state !== 'running' && (e.end !== undefined || e.ended)) {
    const end = normaliseEnd(e.start, e.end);
    run.end = end ?? e.start;
    if (end === undefined) run.endEstimated = true;
  }
  if (e.destinationId !== undefined) run.destinationId = e.destinationId;
  return run;
}

/** A backup user's storage (contract 4.4): what ListUsers says, each series only when sent. */
export function tenantSeries(user: CbsUser): Sample[] {
  const l: Labels = { tenant: user.login };
  const u = user.usage ?? {};
  return [
    ...sample('backup_tenant_used_bytes', l, u.used),
    ...sample('backup_tenant_retained_bytes', l, u.retained),
    ...sample('backup_tenant_quota_bytes', l, u.quota),
    ...sample('backup_tenant_last_backup_timestamp_seconds', l, u.lastBackup),
  ];
}

/** The series of one job; an absent report or progress (collector failed, or none yet) leaves its series out. */
export function jobSeries(
  job: CbsJob,
  report: CbsReport | undefined,
  progress: CbsProgress | undefined,
  nowSeconds: number,
): Sample[] {
  const { last, lastSuccess } = withReportEnd(job, report);
  let out = jobSamples(
    {
      identity: job.identity,
      ...(last ? { last } : {}),
      ...(lastSuccess ? { lastSuccess } : {}),
      ...(report?.warnings !== undefined ? { warnings: report.warnings } : {}),
      ...(report?.errors !== undefined ? { errors: report.errors } : {}),
    },
    nowSeconds,
  );
  // An end known only as a lower bound gives no duration (end − start would be a made-up 0).
  if (last?.endEstimated) out = out.filter((s) => s.name !== 'backup_job_last_run_duration_seconds');
  const l = jobLabels(job.identity);
  if (report) out.push(...reportSamples(l, report));
  if (progress) out.push(...sample('backup_job_last_run_progress_ratio', l, progressRatio(progress)));
  return out;
}

/** The last run's report EndTime (a full time) replaces an end known only as a lower bound. */
function withReportEnd(job: CbsJob, report: CbsReport | undefined): { last?: CbsRun; lastSuccess?: CbsRun } {
  const { last, lastSuccess } = job;
  const end = report?.end;
  if (!last?.endEstimated || end === undefined || end < last.start) return { last, lastSuccess };
  const exact: CbsRun = { ...last, end };
  delete exact.endEstimated;
  return { last: exact, lastSuccess: lastSuccess?.id === last.id ? exact : lastSuccess };
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
  const dedupe = r.dedupeEnabled === undefined ? undefined : r.dedupeEnabled ? 1 : 0;
  out.push(...sample('backup_job_last_run_dedupe_enabled', l, dedupe));
  out.push(...sample('backup_job_last_run_dedupe_original_bytes', l, r.dedupeOriginal));
  out.push(...sample('backup_job_last_run_dedupe_saved_bytes', l, r.dedupeSaving));
  return out;
}

/** UploadedFileSize / TotalFileSize, absent when the total is 0 or missing; capped at 1. */
export function progressRatio(p: CbsProgress): number | undefined {
  if (p.total === undefined || p.total <= 0 || p.uploaded === undefined) return undefined;
  return Math.min(1, p.uploaded / p.total);
}
