// Which job a session belongs to. The documents leave it open for copy jobs: v6 items name neither their job nor
// their kind, v7 items say their kind (`jobType`) but name no job, v8 items name a `jobId` without saying
// whether a copy session's is the copy job's or its source backup job's, and the `_links` names are documented
// nowhere. A session is placed only when what it says leaves exactly one job of the inventory; otherwise the
// jobs it could belong to become uncertain. A copy job's runs are therefore never its backup job's runs, under
// any of these readings.
import { normaliseEnd } from '../../core/jobs';
import type { JobKind, Vb365Job, Vb365Session } from './decode';

/** One job; one of several jobs; any job of a kind; or undefined: a job the inventory does not have. */
export type Owner = { job: string } | { among: readonly string[] } | { anyOf: JobKind | 'any' } | undefined;

/** The inventory as far as placing sessions needs it: every job, selected or not. */
export class JobIndex {
  private readonly kinds = new Map<string, JobKind>();
  /** Backup job id → the copy jobs that copy it (one, as `GET /Jobs/{id}/CopyJob` answers one object). */
  private readonly copies = new Map<string, string[]>();

  constructor(jobs: readonly Vb365Job[]) {
    for (const j of jobs) {
      this.kinds.set(j.id, j.kind);
      if (j.kind !== 'Copy' || !j.backupJobId) continue;
      const list = this.copies.get(j.backupJobId);
      if (list) list.push(j.id);
      else this.copies.set(j.backupJobId, [j.id]);
    }
  }

  owner(s: Vb365Session): Owner {
    const copy = s.jobIds.find((id) => this.kinds.get(id) === 'Copy');
    const backup = s.jobIds.find((id) => this.kinds.get(id) === 'Backup');
    // Names only jobs the inventory lacks (a deleted job, one created since): another job's session.
    if (copy === undefined && backup === undefined) return s.jobIds.length > 0 ? undefined : { anyOf: s.kind ?? 'any' };
    if (s.kind === 'Backup') return backup !== undefined ? { job: backup } : { anyOf: 'Backup' };
    if (copy !== undefined) return { job: copy };
    const copies = this.copies.get(backup as string) ?? [];
    // A copy session naming a backup job is its copy job's; a session of unknown kind could be either.
    if (s.kind === 'Copy') return copies.length === 1 ? { job: copies[0] as string } : copiesOwner(copies);
    return copies.length === 0 ? { job: backup as string } : { among: [backup as string, ...copies] };
  }
}

function copiesOwner(copies: readonly string[]): Owner {
  return copies.length === 0 ? undefined : { among: copies };
}

/** Sessions placed on the selected jobs, and the jobs whose sessions could not be told apart. */
export class SessionPlacer {
  private readonly byJob = new Map<string, Vb365Session[]>();
  private readonly uncertainIds = new Set<string>();
  private readonly uncertainKinds = new Set<JobKind>();
  /** Sessions known to be copy sessions: a v6 per-job listing does not say its items' kind. */
  private readonly copySessions = new Set<string>();

  /** `bound`: start of lookback, Unix seconds; a session that started earlier is no run under any reading. */
  constructor(
    private readonly index: JobIndex,
    selected: readonly Vb365Job[],
    private readonly bound: number,
  ) {
    for (const j of selected) this.byJob.set(j.id, []);
  }

  /** Sessions of a listing that may hold any job's sessions. */
  add(sessions: readonly Vb365Session[]): void {
    for (const s of sessions) {
      if (s.kind === 'Copy') this.copySessions.add(s.id);
      if (s.start < this.bound) continue;
      const owner = this.index.owner(s);
      if (owner === undefined) continue;
      if ('job' in owner) this.byJob.get(owner.job)?.push(s);
      else if ('among' in owner) for (const id of owner.among) this.uncertainIds.add(id);
      else if (owner.anyOf === 'any') {
        this.uncertainKinds.add('Backup');
        this.uncertainKinds.add('Copy');
      } else this.uncertainKinds.add(owner.anyOf);
    }
  }

  /**
   * Sessions of one backup job's own listing. A copy session or one naming other jobs is left out: a server
   * may file a copy job's sessions under the backup job it copies, or ignore the filter.
   */
  addOwn(jobId: string, sessions: readonly Vb365Session[]): void {
    const list = this.byJob.get(jobId);
    if (!list) return;
    for (const s of sessions) {
      if (s.start < this.bound || s.kind === 'Copy' || this.copySessions.has(s.id)) continue;
      if (s.jobIds.length === 0 || s.jobIds.includes(jobId)) list.push(s);
    }
  }

  uncertain(job: Vb365Job): boolean {
    return this.uncertainIds.has(job.id) || this.uncertainKinds.has(job.kind);
  }

  /** True when a session placed on the job has not ended. */
  hasOpen(jobId: string): boolean {
    return (this.byJob.get(jobId) ?? []).some((s) => normaliseEnd(s.start, s.end) === undefined);
  }

  /** The job's sessions, each once (two listings, or a page shift, may bring one twice); the first copy wins. */
  sessions(jobId: string): Vb365Session[] {
    const seen = new Map<string, Vb365Session>();
    for (const s of this.byJob.get(jobId) ?? []) if (!seen.has(s.id)) seen.set(s.id, s);
    return [...seen.values()];
  }
}
