// From decoded policies, sessions and log counts to job samples (contract 4.2), through the shared job model.
// A policy is a job; its runs are its policy-run sessions (sessions.ts).
import type { JobState } from '../../core/families';
import {
  type JobFacts,
  jobLabels,
  jobSamples,
  lastRun,
  lastSuccess,
  mapStatus,
  normaliseEnd,
  type Run,
  type RunPolicy,
} from '../../core/jobs';
import { type Sample, sample } from '../../core/samples';
import { type AzurePolicy, type AzureSession, type LogCounts, parseTimeSpan } from './decode';

/** JobStatus → state (contract 4.2); keys lower-case for mapStatus. */
export const STATUS: Record<string, JobState> = {
  success: 'success',
  warning: 'warning',
  error: 'failed',
  running: 'running',
  runningwithwarning: 'running',
  runningwitherror: 'running',
  pending: 'running',
  canceling: 'running',
  canceled: 'stopped',
  neverexecuted: 'none',
};

/** A session as a run; undefined without a start time (nothing to place it in time). */
export function toRun(s: AzureSession): Run | undefined {
  if (s.start === undefined) return undefined;
  const state = mapStatus(STATUS, s.status);
  const run: Run = { id: s.id, start: s.start, state, vendorStatus: s.status };
  // A running session has no end even if the appliance already filled a stop time.
  const end = state === 'running' ? undefined : normaliseEnd(s.start, s.stop);
  if (end !== undefined) run.end = end;
  return run;
}

export type Duration = { kind: 'seconds'; value: number } | { kind: 'derive' } | { kind: 'unparsable'; raw: unknown };

/** executionDuration: parsed; null or absent → end − start; anything else is unparsable. */
export function sessionDuration(s: AzureSession): Duration {
  if (s.duration === null || s.duration === undefined || s.duration === '') return { kind: 'derive' };
  const value = parseTimeSpan(s.duration);
  return value === undefined ? { kind: 'unparsable', raw: s.duration } : { kind: 'seconds', value };
}

/** The last run of a policy's sessions and the session it came from. */
export function lastSession(
  sessions: readonly AzureSession[],
  p: RunPolicy,
): { run: Run; session: AzureSession } | undefined {
  const byId = new Map<string, AzureSession>();
  const runs: Run[] = [];
  for (const s of sessions) {
    const r = toRun(s);
    if (!r) continue;
    runs.push(r);
    byId.set(r.id, s);
  }
  const run = lastRun(runs, p);
  return run ? { run, session: byId.get(run.id)! } : undefined;
}

export interface PolicyRuns {
  /** Absent when the sessions part failed. */
  sessions?: readonly AzureSession[];
  /** Absent when the logs part failed, or failed for this policy. */
  counts?: LogCounts;
}

export interface MapOptions {
  runPolicy: RunPolicy;
  /** Called for a finished last run whose duration cannot be parsed (the caller logs it once). */
  onUnparsable?: (session: AzureSession, raw: unknown) => void;
}

const INVENTORY_ONLY = new Set(['backup_job_enabled', 'backup_job_next_run_timestamp_seconds']);

/** The series of one policy. */
export function policySamples(policy: AzurePolicy, r: PolicyRuns, o: MapOptions): Sample[] {
  const identity = { job_id: policy.id, job_name: policy.name, job_type: policy.type };
  const facts: JobFacts = { identity };
  if (policy.enabled !== undefined) facts.enabled = policy.enabled;
  if (policy.nextRun !== undefined) facts.nextRun = policy.nextRun;
  const now = o.runPolicy.now;
  // Without sessions only the inventory facts are known: the run series are left out, not shown as `none`.
  if (r.sessions === undefined) return jobSamples(facts, now).filter((s) => INVENTORY_ONLY.has(s.name));
  const success = lastSuccess(
    r.sessions.flatMap((s) => toRun(s) ?? []),
    o.runPolicy,
  );
  if (success) facts.lastSuccess = success;
  const last = lastSession(r.sessions, o.runPolicy);
  const dropDuration = last !== undefined && addLastRun(facts, last, r.counts, o);
  const out = jobSamples(facts, now).filter(
    (s) => !(dropDuration && s.name === 'backup_job_last_run_duration_seconds'),
  );
  if (last) {
    out.push(...sample('backup_job_last_run_processed_objects', jobLabels(identity), last.session.protectedInstances));
  }
  return out;
}

/** Adds the last run's facts; true when its duration is unparsable and must be left out. */
function addLastRun(
  facts: JobFacts,
  last: { run: Run; session: AzureSession },
  counts: LogCounts | undefined,
  o: MapOptions,
): boolean {
  facts.last = last.run;
  if (counts) {
    facts.warnings = counts.warnings;
    facts.errors = counts.errors;
  }
  const d = sessionDuration(last.session);
  if (d.kind === 'seconds') facts.durationSeconds = d.value;
  if (d.kind !== 'unparsable' || last.run.end === undefined) return false;
  o.onUnparsable?.(last.session, d.raw);
  return true;
}
