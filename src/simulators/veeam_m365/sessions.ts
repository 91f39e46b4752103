// The session routes of the VB365 simulator: the global listing with the filters each version documents, a
// backup job's own listing (v3–v6) and a session's log items, with a mode for each answer the documents leave
// open (which job a copy session is filed under, what `jobId=<copy job id>` returns, how the time bound filters).
import type { SimReply, SimRequest } from '../common';
import type { M365Data, SimSession } from './data';
import { list, vendorError } from './paging';
import { logItemShape, type ShapeCtx, sessionShape } from './shapes';

export interface SessionModes {
  /** How `endTimeLowerBound`/`endTimeUpperBound` filter: by creation time (as the spec text says) or end time. */
  boundFilters?: 'creation' | 'end';
  /**
   * The job a copy session is filed under (default `copy`): its copy job, or the backup job it copies (then
   * v8 `jobId`, the v3–v7 job link, `/Jobs/{backup id}/JobSessions` and `jobId=<backup id>` all name that
   * backup job), or none (no `jobId`, no job link).
   */
  copySessionJob?: 'copy' | 'backup' | 'none';
  /** What `/JobSessions?jobId=<copy job id>` returns (v7+; documented for backup job ids only). */
  copyJobIdQuery?: 'copy' | 'backup' | 'empty';
  /** Job id → the status its own session listing answers (`/Jobs/{id}/JobSessions`, `JobSessions?jobId=`). */
  jobSessionErrors?: Record<string, number>;
}

interface Ctx {
  data: M365Data;
  opts: SessionModes & { maxLimit?: number };
}

/** The reply of a session route, or undefined when `seg` is none. */
export function sessionRoute(req: SimRequest, seg: string[], rest: string, c: ShapeCtx, rc: Ctx): SimReply | undefined {
  const lower = seg.map((s) => s.toLowerCase());
  if (lower[0] === 'jobs' && seg.length === 3 && lower[2] === 'jobsessions' && c.version <= 6) {
    const id = seg[1] as string;
    const failed = jobError(c, id, rc);
    if (failed) return failed;
    if (!rc.data.jobs.some((j) => j.id === id && j.kind === 'Backup')) {
      return vendorError(c, 404, 'Job not found.', 'ResourceNotFound');
    }
    return page(req, c, filedUnder(rc, id), rest, rc);
  }
  if (lower[0] === 'jobsessions' && seg.length === 1) {
    const filtered = filterSessions(req, c, rc);
    return Array.isArray(filtered) ? page(req, c, filtered, rest, rc) : filtered;
  }
  if (lower[0] === 'jobsessions' && seg.length === 2 && c.version >= 6) {
    const s = rc.data.sessions.find((x) => x.id === seg[1]);
    if (!s) return vendorError(c, 404, 'Job session not found.', 'ResourceNotFound');
    return { json: sessionShape(c, s, sourceOf(rc, s)) };
  }
  if (lower[0] === 'jobsessions' && seg.length === 3 && lower[2] === 'logitems') {
    const s = rc.data.sessions.find((x) => x.id === seg[1]);
    if (!s) return vendorError(c, 404, 'Job session not found.', 'ResourceNotFound');
    return list(
      req,
      c,
      5,
      rc.data.logItems(s).map((l) => logItemShape(c, s.id, l)),
      rest,
      rc,
    );
  }
  return undefined;
}

function page(req: SimRequest, c: ShapeCtx, sessions: SimSession[], rest: string, rc: Ctx): SimReply {
  const items = sessions.map((s) => sessionShape(c, s, sourceOf(rc, s)));
  return list(req, c, 5, items, rest, rc);
}

/** The backup job a copy session's copy job copies. */
function sourceOf(rc: Ctx, s: SimSession): string | undefined {
  return s.kind === 'Copy' ? rc.data.jobs.find((j) => j.id === s.jobId)?.backupJobId : undefined;
}

function jobError(c: ShapeCtx, id: string, rc: Ctx): SimReply | undefined {
  const status = rc.opts.jobSessionErrors?.[id];
  if (status === undefined) return undefined;
  return vendorError(c, status, `Cannot get sessions of job ${id}.`, status === 404 ? 'ResourceNotFound' : 'HttpError');
}

/** The sessions the server files under a backup job: its own, and its copy job's when filed under it. */
function filedUnder(rc: Ctx, backupId: string): SimSession[] {
  const copies = rc.opts.copySessionJob === 'backup';
  return rc.data.sessions.filter((s) => s.jobId === backupId || (copies && sourceOf(rc, s) === backupId));
}

/** `jobId=<id>`: a backup job's filed sessions; for a copy job id, what `copyJobIdQuery` says. */
function byJobId(rc: Ctx, id: string): SimSession[] {
  const job = rc.data.jobs.find((j) => j.id === id);
  if (!job) return [];
  if (job.kind === 'Backup') return filedUnder(rc, id);
  const mode = rc.opts.copyJobIdQuery ?? 'copy';
  if (mode === 'empty') return [];
  if (mode === 'backup') return rc.data.sessions.filter((s) => s.jobId === job.backupJobId);
  return rc.data.sessions.filter((s) => s.jobId === id);
}

const STATUS_FILTER: Record<string, string> = {
  stopped: 'Stopped',
  running: 'Running',
  succeeded: 'Success',
  failed: 'Failed',
  warning: 'Warning',
};

/** The documented filters of `/JobSessions`, each only from the version that has it (others are ignored). */
function filterSessions(req: SimRequest, c: ShapeCtx, rc: Ctx): SimSession[] | SimReply {
  const q = req.query;
  const v = c.version;
  let out = rc.data.sessions;
  const time = (name: string): number | undefined => (q.has(name) ? Date.parse(q.get(name) as string) : undefined);
  const lower = v >= 6 ? time('endTimeLowerBound') : undefined;
  const upper = v >= 7 ? time('endTimeUpperBound') : undefined;
  if (Number.isNaN(lower) || Number.isNaN(upper))
    return vendorError(c, 400, 'The value is not a valid date.', 'HttpError');
  // By end time, a session without an end (running) never matches, as in SQL `endTime >= @bound`.
  const at = (s: SimSession): number | null => (rc.opts.boundFilters === 'end' ? s.end : s.start);
  if (lower !== undefined) out = out.filter((s) => at(s) !== null && (at(s) as number) >= lower);
  if (upper !== undefined) out = out.filter((s) => at(s) !== null && (at(s) as number) <= upper);
  const type = q.get('jobType')?.toLowerCase();
  if (v >= 6 && type) out = out.filter((s) => s.kind.toLowerCase() === type);
  const jobId = v >= 7 ? q.get('jobId') : null;
  if (jobId) {
    const failed = jobError(c, jobId, rc);
    if (failed) return failed;
    const ids = new Set(byJobId(rc, jobId).map((s) => s.id));
    out = out.filter((s) => ids.has(s.id));
  }
  const status = v >= 8 ? q.get('status') : null;
  if (status !== null) {
    const wanted = STATUS_FILTER[status.toLowerCase()];
    if (!wanted) return vendorError(c, 400, `Invalid status value ${status}.`, 'ParameterValidationFailure');
    out = out.filter((s) => s.status === wanted);
  }
  return out;
}
