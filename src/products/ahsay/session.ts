// One AhsayCBS target for the life of its configuration: the collectors `jobs` (inventory), `runs` (the day
// walk), `reports` (GetBackupJobReport[Summary] of each last run) and `progress` (running jobs).
import { UpstreamError } from '../../common/errors';
import type { RunPolicy } from '../../core/jobs';
import type { CollectContext, CollectOutput, ProductSession, Sample, SessionDeps } from '../../core/samples';
import type { AhsayTarget } from '../../config/types';
import { CbsClient, type RunKey } from './client';
import { buildJobs, jobSeries, runKey, type CbsJob, type JobData } from './collect';
import { loadInventory } from './inventory';
import { isValidZone } from './parse';
import { settleLimit as pool } from '../../common/pool';
import type { CbsReport } from './report';
import { walkUser, type WalkContext } from './runs';

type Failure = { collector: string; error: unknown };

export class AhsaySession implements ProductSession {
  /** Whether the server offers GetBackupJobReportSummary; learned on the first report, kept until reload. */
  private summary: boolean | undefined;
  private probing: Promise<unknown> | undefined;
  /** Destinations seen per backup set, so a destination that stops running is still looked for. */
  private readonly knownDestinations = new Map<string, Set<string>>();

  constructor(
    private readonly target: AhsayTarget,
    private readonly deps: SessionDeps,
  ) {
    if (target.url.startsWith('http://')) {
      deps.log.warn({ target: target.name }, 'plain http: the CBS system user password is sent in every request body');
    }
  }

  async collect(ctx: CollectContext): Promise<CollectOutput> {
    const t = this.target;
    if (!isValidZone(t.timezone)) throw new UpstreamError('config', `unknown timezone ${t.timezone}`);
    const client = new CbsClient(ctx.http, t);
    const inventory = await loadInventory(client, t, this.deps.caches.inventory, ctx.now, ctx.signal);
    const failed: Failure[] = [];
    const policy: RunPolicy = {
      now: ctx.now / 1000,
      lookbackSeconds: t.lookbackMs / 1000,
      warningIsSuccess: t.warningIsSuccess,
    };
    const walk: WalkContext = {
      client,
      immutable: this.deps.caches.immutable,
      zone: t.timezone,
      nowMs: ctx.now,
      lookbackMs: t.lookbackMs,
      policy,
      cacheKey: `ahsay:${t.name}`,
      knownDestinations: this.knownDestinations,
    };
    const walked = await pool(inventory, t.concurrency, ctx.signal, (u) => walkUser(walk, u.user, u.sets));
    const jobs: CbsJob[] = [];
    walked.forEach((r, i) => {
      const u = inventory[i]!;
      if (r.ok) jobs.push(...buildJobs(u.user, u.sets, r.value, policy));
      else noteFailure(failed, 'runs', r.error, ctx, u.user.login);
    });
    throwOnAuth(failed);
    const data: JobData[] = jobs.map((job) => ({ job }));
    await Promise.all([this.reports(client, data, failed, ctx), this.progress(client, data, failed, ctx)]);
    throwOnAuth(failed);
    const samples: Sample[] = data.flatMap((d) => jobSeries(d, policy.now));
    return { info: { api_version: 'json' }, samples, failed };
  }

  private async reports(client: CbsClient, data: JobData[], failed: Failure[], ctx: CollectContext): Promise<void> {
    const todo = data.filter((d) => d.job.last !== undefined);
    const results = await pool(todo, this.target.concurrency, ctx.signal, (d) => this.report(client, d.job, ctx));
    results.forEach((r, i) => {
      if (r.ok) {
        if (r.value) todo[i]!.report = r.value;
      } else noteFailure(failed, 'reports', r.error, ctx, todo[i]!.job.identity.job_id);
    });
  }

  private async progress(client: CbsClient, data: JobData[], failed: Failure[], ctx: CollectContext): Promise<void> {
    const todo = data.filter((d) => d.job.last?.state === 'running');
    const results = await pool(todo, this.target.concurrency, ctx.signal, (d) =>
      whileRunning(client.progress(runKey(d.job)!), ctx),
    );
    results.forEach((r, i) => {
      if (r.ok) {
        if (r.value) todo[i]!.progress = r.value;
      } else noteFailure(failed, 'progress', r.error, ctx, todo[i]!.job.identity.job_id);
    });
  }

  /** A finished run's report never changes: fetched once and kept in the immutable cache. */
  private async report(client: CbsClient, job: CbsJob, ctx: CollectContext): Promise<CbsReport | undefined> {
    const key = runKey(job)!;
    const finished = job.last!.state !== 'running';
    const cacheKey = `ahsay:${this.target.name}:report:${[key.login, key.owner, key.setId, key.destinationId ?? '', key.jobId].join('\u0000')}`;
    if (finished) {
      const hit = this.deps.caches.immutable.get<CbsReport>(cacheKey);
      if (hit) return hit;
    }
    if (!finished) return whileRunning(this.fetchReport(client, key), ctx);
    const report = await this.fetchReport(client, key);
    this.deps.caches.immutable.set(cacheKey, report);
    return report;
  }

  /** Prefers the summary (no per-file arrays); the first answer tells whether the server offers it. */
  private async fetchReport(client: CbsClient, key: RunKey): Promise<CbsReport> {
    if (this.summary === undefined && this.probing) await this.probing.catch(() => undefined);
    if (this.summary === false) return full(client, key);
    const p = client.report(key, true);
    if (this.summary === undefined) this.probing = p;
    const r = await p;
    if (r !== 'missing') {
      this.summary = true;
      return r;
    }
    this.summary = false;
    return full(client, key);
  }
}

/**
 * A running job's report or progress may be refused with an Error envelope (the job just ended, or its
 * report is not written yet): that leaves its series out without failing the part. Transport, HTTP status
 * and decode errors still fail it.
 */
async function whileRunning<T>(p: Promise<T>, ctx: CollectContext): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (!(err instanceof UpstreamError) || err.kind !== 'http' || err.details.status !== 200) throw err;
    ctx.log.debug({ err: err.message }, 'ahsay running job: no report or progress yet');
    return undefined;
  }
}

async function full(client: CbsClient, key: RunKey): Promise<CbsReport> {
  const r = await client.report(key, false);
  if (r === 'missing') throw new UpstreamError('http', 'GetBackupJobReport: not found', { status: 404 });
  return r;
}

/**
 * Rejected credentials (or an expired password) are a login failure: the target is down, even while the
 * inventory is still served from its cache.
 */
function throwOnAuth(failed: readonly Failure[]): void {
  const auth = failed.find((f) => isAuth(f.error));
  if (auth) throw auth.error;
}

/** The first error of a collector is reported (an auth error preferred); each is logged at debug (the engine logs changes). */
function noteFailure(failed: Failure[], collector: string, error: unknown, ctx: CollectContext, what: string): void {
  ctx.log.debug({ collector, what, err: error instanceof Error ? error.message : String(error) }, 'ahsay part failed');
  const i = failed.findIndex((f) => f.collector === collector);
  if (i < 0) failed.push({ collector, error });
  // An auth error wins over others of the same part: it decides whether the target is up.
  else if (isAuth(error) && !isAuth(failed[i]!.error)) failed[i] = { collector, error };
}

function isAuth(error: unknown): boolean {
  return error instanceof UpstreamError && error.kind === 'auth';
}
