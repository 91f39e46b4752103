// The job model shared by the products whose unit of work is a job (contract 4.2): which run is the last run,
// which is the last success, and the series every job carries. Products only normalise their runs.
import { JOB_STATES, type JobState } from './families';
import { labels, sample, stateSet, withLabel } from './samples';
import type { Labels, Sample } from './samples';

export interface JobIdentity {
  tenant?: string;
  job_id: string;
  job_name: string;
  job_type: string;
  destination_id?: string;
}

/** One run, normalised. Times are Unix seconds. */
export interface Run {
  id: string;
  start: number;
  /** Absent while the run is going (or when the vendor's end is null, MinValue or before start). */
  end?: number;
  state: JobState;
  vendorStatus: string;
}

export interface RunPolicy {
  /** Collection time, Unix seconds. */
  now: number;
  lookbackSeconds: number;
  warningIsSuccess: boolean;
}

export function jobLabels(id: JobIdentity): Labels {
  return labels({ ...id });
}

/** A vendor end time is only an end when it is a real time at or after the start. */
export function normaliseEnd(start: number, end: number | undefined): number | undefined {
  return end !== undefined && Number.isFinite(end) && end > 0 && end >= start ? end : undefined;
}

/** Newest run by start within lookback; ties broken by id so the result never depends on list order. */
export function lastRun(runs: readonly Run[], p: RunPolicy): Run | undefined {
  let best: Run | undefined;
  for (const r of runs) {
    if (r.start < p.now - p.lookbackSeconds) continue;
    if (!best || r.start > best.start || (r.start === best.start && r.id > best.id)) best = r;
  }
  return best;
}

export function isSuccess(r: Run, p: RunPolicy): boolean {
  return r.end !== undefined && (r.state === 'success' || (p.warningIsSuccess && r.state === 'warning'));
}

/** The successful run (within lookback) with the newest end. */
export function lastSuccess(runs: readonly Run[], p: RunPolicy): Run | undefined {
  let best: Run | undefined;
  for (const r of runs) {
    if (r.start < p.now - p.lookbackSeconds || !isSuccess(r, p)) continue;
    if (!best || r.end! > best.end! || (r.end === best.end && r.id > best.id)) best = r;
  }
  return best;
}

export interface JobFacts {
  identity: JobIdentity;
  last?: Run;
  lastSuccess?: Run;
  enabled?: boolean;
  nextRun?: number;
  /** Vendor duration of the last run, when the vendor reports one; else end − start. */
  durationSeconds?: number;
  warnings?: number;
  errors?: number;
}

/** The common series of one job: status set, last-run info, times, duration, success, schedule, entries. */
export function jobSamples(f: JobFacts, now: number): Sample[] {
  const l = jobLabels(f.identity);
  const last = f.last;
  const out: Sample[] = stateSet('backup_job_status', l, 'status', JOB_STATES, last ? last.state : 'none');
  if (last)
    out.push({ name: 'backup_job_last_run_info', labels: withLabel(l, 'vendor_status', last.vendorStatus), value: 1 });
  out.push(...sample('backup_job_enabled', l, f.enabled === undefined ? undefined : f.enabled ? 1 : 0));
  out.push(...sample('backup_job_next_run_timestamp_seconds', l, f.nextRun));
  if (last) {
    out.push(...sample('backup_job_last_run_start_timestamp_seconds', l, last.start));
    out.push(...sample('backup_job_last_run_end_timestamp_seconds', l, last.end));
    const duration = last.end === undefined ? now - last.start : (f.durationSeconds ?? last.end - last.start);
    // Rounded to milliseconds: subtracting two epoch-second floats leaves noise such as 1070.391000032425.
    out.push(...sample('backup_job_last_run_duration_seconds', l, Math.max(0, Math.round(duration * 1000) / 1000)));
    out.push(...sample('backup_job_last_run_warnings', l, f.warnings));
    out.push(...sample('backup_job_last_run_errors', l, f.errors));
  }
  out.push(...sample('backup_job_last_success_timestamp_seconds', l, f.lastSuccess?.end));
  return out;
}

/** Maps a vendor status through a table (case-insensitive); anything else is `unknown`. */
export function mapStatus(table: Record<string, JobState>, vendorStatus: string): JobState {
  // Own keys only: a status such as `constructor` or `__proto__` must not find Object.prototype's members.
  const key = vendorStatus.toLowerCase();
  return Object.hasOwn(table, key) ? table[key]! : 'unknown';
}
