// The JSON shapes a VB365 server of a given REST version answers with (RESTJob, RESTCopyJob, RESTJobSession,
// RESTLogItem, organizations, pages), following the v6/v7/v8 OpenAPI documents and the v3/v5 reference pages.
import { dotnetTime, type SimJob, type SimLogItem, type SimOrg, type SimSession } from './data';

/** What the documents leave open about sessions, as server modes. */
export interface SessionShapeModes {
  /** v3–v7: whether a session links its job (default true; the link names are documented nowhere). */
  sessionJobLinks?: boolean;
  /**
   * v3–v6 `endTime` of a running session (default `minvalue`): v6 declares it a non-nullable date-time and
   * says nothing of a running session; a non-nullable .NET DateTime that is unset is `0001-01-01T00:00:00`.
   */
  runningEnd?: 'minvalue' | 'null' | 'absent';
  copySessionJob?: 'copy' | 'backup' | 'none';
}

export interface ShapeCtx {
  version: number;
  /** Absolute base (`https://host:port`) for hrefs before v6; relative hrefs from v6 on. */
  origin: string;
  offsetMinutes: number;
  sessionModes?: SessionShapeModes;
}

function href(c: ShapeCtx, path: string): { href: string } {
  return { href: `${c.version >= 6 ? '' : c.origin}/v${c.version}/${path}` };
}

/** Sub-millisecond ticks (100 ns) the server adds to a time, as real servers send 7 fractional digits. */
function ticksOf(ms: number): number {
  return ms % 9973;
}

function time(c: ShapeCtx, ms: number | null): string | null {
  return ms === null ? null : dotnetTime(ms, c.offsetMinutes, ticksOf(ms));
}

/** The Unix seconds, to the microsecond, that the server's string for `ms` denotes (ticks included). */
export function wireSeconds(ms: number): number {
  return (ms * 1000 + Math.round((ticksOf(ms) % 10_000) / 10)) / 1e6;
}

/** From v7 a running session's end is null; before, what `runningEnd` says (the v6 document is silent). */
function endTime(c: ShapeCtx, ms: number | null): { endTime?: string | null } {
  if (ms !== null) return { endTime: time(c, ms) };
  if (c.version >= 7) return { endTime: null };
  const mode = c.sessionModes?.runningEnd ?? 'minvalue';
  return mode === 'absent' ? {} : { endTime: mode === 'null' ? null : '0001-01-01T00:00:00' };
}

/** `extended`: with `extendedView` (v6 default), the backup facts `isBackedup`… are included. */
export function orgShape(c: ShapeCtx, o: SimOrg, extended = true): Record<string, unknown> {
  return {
    type: 'Office365',
    region: 'Worldwide',
    id: o.id,
    name: o.name,
    officeName: o.officeName,
    ...(c.version >= 7 ? { description: null } : {}),
    ...(extended ? { isBackedup: true } : {}),
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: c.version >= 5,
    _links: { self: href(c, `Organizations/${o.id}`), jobs: href(c, `Organizations/${o.id}/Jobs`) },
  };
}

export function jobShape(c: ShapeCtx, j: SimJob, sessions: SimSession[]): Record<string, unknown> {
  const last = sessions.reduce<SimSession | undefined>((a, s) => (!a || s.start > a.start ? s : a), undefined);
  const lastOk = sessions.filter((s) => s.status === 'Success' && s.end !== null).sort((a, b) => b.end! - a.end!)[0];
  const copy = j.kind === 'Copy';
  return {
    id: j.id,
    name: j.name,
    ...(copy ? { backupJobId: j.backupJobId } : { description: '', backupType: 'EntireOrganization' }),
    ...(c.version >= 8 ? { organizationId: j.orgId } : {}),
    repositoryId: '0c7c6a0a-54a1-4f5c-9e0a-2bb0a1f0e6a1',
    schedulePolicy: copy ? copySchedule() : backupSchedule(j),
    lastRun: last ? time(c, last.start) : null,
    nextRun: j.nextRun === null ? null : time(c, j.nextRun),
    ...(c.version >= 7 ? { lastBackup: lastOk ? time(c, lastOk.end) : null } : {}),
    isEnabled: j.enabled,
    lastStatus: last ? last.status : null,
    ...(c.version >= 8 ? { eTag: 1 } : {}),
    _links: copy
      ? { self: href(c, `CopyJobs/${j.id}`), backupJob: href(c, `CopyJobs/${j.id}/BackupJob`) }
      : {
          self: href(c, `Jobs/${j.id}`),
          jobsessions: href(c, c.version >= 7 ? `JobSessions?jobId=${j.id}` : `Jobs/${j.id}/JobSessions`),
        },
  };
}

/** `RESTJobSchedulePolicy` (`Periodically | Daily | ManualOnly`). */
function backupSchedule(j: SimJob): Record<string, unknown> {
  return {
    type: j.nextRun === null ? 'ManualOnly' : 'Daily',
    dailyType: 'Everyday',
    dailyTime: '02:00:00',
    retryEnabled: true,
    retryNumber: 3,
  };
}

/** `RESTCopyJobSchedulePolicy` (`Immediate | Periodically | DailyAtTime`, no retry settings). */
function copySchedule(): Record<string, unknown> {
  return { type: 'DailyAtTime', dailyType: 'Everyday', dailyTime: '03:00:00', backupCopyWindowEnabled: false };
}

/** The job a session names (v8 `jobId`, the job link), per `copySessionJob` for a copy session. */
function namedJob(c: ShapeCtx, s: SimSession, source?: string): { id: string; copy: boolean } | undefined {
  if (s.kind === 'Backup') return { id: s.jobId, copy: false };
  const mode = c.sessionModes?.copySessionJob ?? 'copy';
  if (mode === 'none') return undefined;
  return mode === 'backup' && source ? { id: source, copy: false } : { id: s.jobId, copy: true };
}

/** `source`: for a copy session, the backup job its copy job copies. */
export function sessionShape(c: ShapeCtx, s: SimSession, source?: string): Record<string, unknown> {
  const named = namedJob(c, s, source);
  // `self` and `log` as in the v3/v5 reference examples; the job link key (`job`) likewise.
  const links: Record<string, { href: string }> = {
    self: href(c, `JobSessions/${s.id}`),
    log: href(c, `JobSessions/${s.id}/LogItems`),
  };
  if (named && c.sessionModes?.sessionJobLinks !== false) {
    if (named.copy) links.copyJob = href(c, `CopyJobs/${named.id}`);
    else links.job = href(c, `Jobs/${named.id}`);
  }
  return {
    id: s.id,
    ...(c.version >= 8 && named ? { jobId: named.id } : {}),
    ...(c.version >= 7 ? { repositoryId: '0c7c6a0a-54a1-4f5c-9e0a-2bb0a1f0e6a1', mainSessionId: s.id } : {}),
    details: s.status === 'NotConfigured' ? 'Job is not configured' : '',
    creationTime: time(c, s.start),
    ...endTime(c, s.end),
    retryCount: 0,
    ...(c.version >= 7 ? { jobWillBeRetried: false, jobType: s.kind } : {}),
    progress: s.end === null ? 42 : 100,
    ...(c.version >= 8 ? { jobSessionConfigType: 'Incremental' } : {}),
    status: s.status,
    statistics: {
      processingRateBytesPS: 1048576,
      processingRateItemsPS: 12,
      readRateBytesPS: 2097152,
      writeRateBytesPS: 1048576,
      transferredDataBytes: s.transferred,
      processedObjects: s.processed,
      bottleneck: 'Source',
    },
    ...(c.version >= 8 ? { eTag: 3 } : {}),
    _links: links,
  };
}

export function logItemShape(c: ShapeCtx, sessionId: string, l: SimLogItem): Record<string, unknown> {
  const text = c.version >= 8 ? { type: l.type, message: l.message } : { title: `[${l.prefix}] ${l.message}` };
  return {
    id: l.id,
    usn: l.usn,
    ...text,
    creationTime: time(c, l.start),
    endTime: time(c, l.end),
    _links: {
      self: href(c, `JobSessions/${sessionId}/LogItems/${l.id}`),
      jobsessions: href(c, `JobSessions/${sessionId}`),
    },
  };
}
