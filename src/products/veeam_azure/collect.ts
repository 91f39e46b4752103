// From decoded policies, sessions and log counts to job samples (contract 4.2). A policy is a job; its runs are
// the sessions of a policy-run type whose backupJobInfo.policyId is the policy.

import type { JobState } from '../../core/families';
import {
  jobLabels,
  jobSamples,
  lastRun,
  lastSuccess,
  mapStatus,
  normaliseEnd,
  type JobFacts,
  type Run,
  type RunPolicy,
} from '../../core/jobs';
import { sample } from '../../core/samples';
import type { Sample } from '../../core/samples';
import type { AzurePolicy, AzureSession, LogCounts } from './decode';
import { parseTimeSpan } from './parse';

/** Session types that are runs of a policy (contract 4.2); manual, restore, retention, health-check never. */
export const POLICY_RUN_TYPES: ReadonlySet<string> = new Set(
  [
    'PolicyBackup',
    'PolicySnapshot',
    'PolicyArchive',
    'SnapshotBackup',
    'SqlPolicyBackup',
    'SqlPolicyArchive',
    'FileSharePolicySnapshot',
    'VnetPolicyBackup',
    'VnetPolicyBackupToRepository',
    'CosmosDbConfiguration',
    'PostgresDbPolicyBackup',
    'PostgresDbPolicyArchive',
    'MongoDbPolicyBackup',
    'MongoDbPolicyArchive',
  ].map((t) => t.toLowerCase()),
);

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

export function isPolicyRun(s: AzureSession): boolean {
  return POLICY_RUN_TYPES.has(s.type.toLowerCase());
}

/** Policy-run sessions grouped by policy id, only for the given (selected) policies. */
export function groupSessions(
  sessions: readonly AzureSession[],
  policyIds: ReadonlySet<string>,
): Map<string, AzureSession[]> {
  const out = new Map<string, AzureSession[]>();
  for (const s of sessions) {
    if (!s.policyId || !policyIds.has(s.policyId) || !isPolicyRun(s)) continue;
    const list = out.get(s.policyId);
    if (list) list.push(s);
    else out.set(s.policyId, [s]);
  }
  return out;
}

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

export interface PolicyState {
  policy: AzurePolicy;
  /** Absent when the sessions part failed. */
  sessions?: AzureSession[];
  /** Absent when the logs part failed or the last run's log was not available. */
  counts?: LogCounts;
}

export interface MapOptions {
  runPolicy: RunPolicy;
  /** Called once per finished session whose duration cannot be parsed (the caller logs it once). */
  onUnparsable?: (session: AzureSession, raw: unknown) => void;
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

const INVENTORY_ONLY = new Set(['backup_job_enabled', 'backup_job_next_run_timestamp_seconds']);

export function policySamples(st: PolicyState, o: MapOptions): Sample[] {
  const { policy } = st;
  const identity = { job_id: policy.id, job_name: policy.name, job_type: policy.type };
  const facts: JobFacts = { identity };
  if (policy.enabled !== undefined) facts.enabled = policy.enabled;
  if (policy.nextRun !== undefined) facts.nextRun = policy.nextRun;
  const now = o.runPolicy.now;
  // Without sessions only the inventory facts are known: the run series are left out, not shown as `none`.
  if (st.sessions === undefined) return jobSamples(facts, now).filter((s) => INVENTORY_ONLY.has(s.name));
  const runs = st.sessions.flatMap((s) => toRun(s) ?? []);
  const last = lastSession(st.sessions, o.runPolicy);
  const success = lastSuccess(runs, o.runPolicy);
  if (success) facts.lastSuccess = success;
  let dropDuration = false;
  if (last) {
    facts.last = last.run;
    const d = sessionDuration(last.session);
    if (d.kind === 'seconds') facts.durationSeconds = d.value;
    if (d.kind === 'unparsable' && last.run.end !== undefined) {
      dropDuration = true;
      o.onUnparsable?.(last.session, d.raw);
    }
    if (st.counts) {
      facts.warnings = st.counts.warnings;
      facts.errors = st.counts.errors;
    }
  }
  const out = jobSamples(facts, now).filter(
    (s) => !(dropDuration && s.name === 'backup_job_last_run_duration_seconds'),
  );
  if (last)
    out.push(...sample('backup_job_last_run_processed_objects', jobLabels(identity), last.session.protectedInstances));
  return out;
}
