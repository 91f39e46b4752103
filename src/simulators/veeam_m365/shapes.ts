// The JSON shapes a VB365 server of a given REST version answers with (RESTJob, RESTCopyJob, RESTJobSession,
// RESTLogItem, organizations, pages), following the v6/v7/v8 OpenAPI documents and the v3/v5 reference pages.
import { dotnetTime, type SimJob, type SimLogItem, type SimOrg, type SimSession } from './data';

export interface ShapeCtx {
  version: number;
  /** Absolute base (`https://host:port`) for hrefs before v6; relative hrefs from v6 on. */
  origin: string;
  offsetMinutes: number;
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

/** Before v7 the end time is not nullable: a running session shows .NET DateTime.MinValue. */
function endTime(c: ShapeCtx, ms: number | null): string | null {
  return ms === null ? (c.version >= 7 ? null : '0001-01-01T00:00:00') : time(c, ms);
}

export function orgShape(c: ShapeCtx, o: SimOrg): Record<string, unknown> {
  return {
    type: 'Office365',
    region: 'Worldwide',
    id: o.id,
    name: o.name,
    officeName: o.officeName,
    description: null,
    isBackedup: true,
    isExchangeOnline: true,
    isSharePointOnline: true,
    isTeamsOnline: c.version >= 5,
    _links: { self: href(c, `Organizations/${o.id}`), jobs: href(c, `Organizations/${o.id}/Jobs`) },
  };
}

export function jobShape(c: ShapeCtx, j: SimJob, sessions: SimSession[]): Record<string, unknown> {
  const last = sessions.reduce<SimSession | undefined>((a, s) => (!a || s.start > a.start ? s : a), undefined);
  const lastOk = sessions.filter((s) => s.status === 'Success' && s.end !== null).sort((a, b) => b.end! - a.end!)[0];
  const base: Record<string, unknown> = {
    id: j.id,
    name: j.name,
    ...(j.kind === 'Copy' ? { backupJobId: j.backupJobId } : { description: '', backupType: 'EntireOrganization' }),
    ...(c.version >= 8 ? { organizationId: j.orgId } : {}),
    repositoryId: '0c7c6a0a-54a1-4f5c-9e0a-2bb0a1f0e6a1',
    schedulePolicy: {
      type: j.nextRun === null ? 'ManualOnly' : 'Daily',
      dailyType: 'Everyday',
      dailyTime: '02:00:00',
      retryEnabled: true,
      retryNumber: 3,
    },
    lastRun: last ? time(c, last.start) : null,
    nextRun: j.nextRun === null ? null : time(c, j.nextRun),
    ...(c.version >= 7 ? { lastBackup: lastOk ? time(c, lastOk.end) : null } : {}),
    isEnabled: j.enabled,
    lastStatus: last ? last.status : 'NotConfigured',
    ...(c.version >= 8 ? { eTag: 1 } : {}),
    _links: {
      self: href(c, `${j.kind === 'Copy' ? 'CopyJobs' : 'Jobs'}/${j.id}`),
      jobsessions: href(c, `JobSessions?jobId=${j.id}`),
    },
  };
  return base;
}

export function sessionShape(c: ShapeCtx, s: SimSession): Record<string, unknown> {
  const links: Record<string, { href: string }> = {
    self: href(c, `JobSessions/${s.id}`),
    logItems: href(c, `JobSessions/${s.id}/LogItems`),
  };
  if (s.kind === 'Copy') links.copyJob = href(c, `CopyJobs/${s.jobId}`);
  else links.job = href(c, `Jobs/${s.jobId}`);
  return {
    id: s.id,
    ...(c.version >= 8 ? { jobId: s.jobId } : {}),
    ...(c.version >= 7 ? { repositoryId: '0c7c6a0a-54a1-4f5c-9e0a-2bb0a1f0e6a1', mainSessionId: s.id } : {}),
    details: s.status === 'NotConfigured' ? 'Job is not configured' : '',
    creationTime: time(c, s.start),
    endTime: endTime(c, s.end),
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
