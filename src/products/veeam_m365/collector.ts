// The per-target state of VB365 (token, detected API version) and one collection: login/detection and the
// inventory (`jobs`) decide whether the target is up; `sessions` and `logs` may fail on their own.
import { UpstreamError } from '../../core/errors';
import type { RunPolicy } from '../../core/jobs';
import type { CollectContext, CollectOutput, ProductSession, Sample, SessionDeps } from '../../core/types';
import { jobSelected, type VeeamM365Target } from '../../config/types';
import { TokenManager, type Token } from '../../http/token';
import type { HttpClient } from '../../http/types';
import { detectVersion, parseVersion, passwordGrant } from './auth';
import { Vb365Client, type EntryCounts } from './client';
import { jobSeries, pickRuns, type LastRuns } from './collect';
import { loadInventory, type InventoryJob } from './inventory';
import { loadLogCounts } from './logs';
import { loadSessions } from './sessions';

type Failure = { collector: string; error: unknown };

export class M365Session implements ProductSession {
  private readonly configured?: number;
  /** Detected version; kept until a versioned call answers 404 (then detected again next collection). */
  private detected?: number;
  /** Set by a 404 on a versioned path; applied at the start of the next collection. */
  private redetect = false;
  private readonly tokens: TokenManager;

  constructor(
    private readonly target: VeeamM365Target,
    private readonly deps: SessionDeps,
  ) {
    if (target.apiVersion !== undefined) {
      this.configured = parseVersion(target.apiVersion);
      if (this.configured === undefined)
        throw new UpstreamError('config', `unsupported VB365 api_version ${target.apiVersion}`);
    }
    this.tokens = new TokenManager({
      target: target.name,
      product: 'veeam_m365',
      metrics: deps.metrics,
      log: deps.log,
      login: (http) => this.login(http),
    });
  }

  /** With api_version set nothing is probed; otherwise the first login detects the version and keeps its token. */
  private async login(http: HttpClient): Promise<Token> {
    const known = this.configured ?? this.detected;
    if (known !== undefined) return passwordGrant(http, known, this.target.auth);
    const { version, token } = await detectVersion(http, this.target.auth);
    this.detected = version;
    return token;
  }

  async collect(ctx: CollectContext): Promise<CollectOutput> {
    if (this.redetect) {
      this.redetect = false;
      this.detected = undefined;
      this.tokens.clear();
    }
    await this.tokens.get(ctx.http);
    const version = this.configured ?? this.detected;
    if (version === undefined) throw new UpstreamError('internal', 'VB365 API version unknown after login');
    const api = new Vb365Client(ctx.http, version, this.tokens);
    const failed: Failure[] = [];
    const fail = (collector: string, error: unknown): void => {
      this.noteError(error);
      ctx.log.debug({ target: this.target.name, collector, err: error }, 'collector failed');
      failed.push({ collector, error });
    };
    const [jobs, serverVersion] = await Promise.all([
      this.inventory(api, ctx.now).catch((err: unknown) => {
        this.noteError(err);
        throw err;
      }),
      this.serverVersion(api, ctx.now),
    ]);
    const selected = jobs.filter((j) => jobSelected(this.target.jobs, j.name));
    const policy: RunPolicy = {
      now: ctx.now / 1000,
      lookbackSeconds: this.target.lookbackMs / 1000,
      warningIsSuccess: this.target.warningIsSuccess,
    };
    const runs = await this.runs(api, selected, policy).catch((err: unknown) => {
      fail('sessions', err);
      return undefined;
    });
    let counts: Map<string, EntryCounts> | undefined;
    if (runs)
      counts = await this.logs(api, runs).catch((err: unknown) => {
        fail('logs', err);
        return undefined;
      });
    else fail('logs', new UpstreamError('internal', 'log items not read: the sessions collector failed'));
    const samples: Sample[] = [];
    for (const job of sortJobs(selected)) {
      samples.push(...jobSeries(job, runs?.get(job.id), counts?.get(job.id), policy.now));
    }
    return {
      info: { api_version: `v${version}`, ...(serverVersion ? { server_version: serverVersion } : {}) },
      samples,
      failed,
    };
  }

  private inventory(api: Vb365Client, now: number): Promise<InventoryJob[]> {
    return this.deps.caches.inventory.get(
      `veeam_m365:v${api.version}:jobs`,
      () => loadInventory(api, this.target.concurrency),
      now,
    );
  }

  /** `/ServiceInstance` version, cached like the inventory; a failure only leaves server_version out. */
  private serverVersion(api: Vb365Client, now: number): Promise<string | undefined> {
    return this.deps.caches.inventory
      .get(`veeam_m365:v${api.version}:service`, () => api.serverVersion(), now)
      .catch((err: unknown) => {
        this.noteError(err);
        this.deps.log.debug({ target: this.target.name, err }, 'ServiceInstance unavailable');
        return undefined;
      });
  }

  private async runs(api: Vb365Client, jobs: InventoryJob[], policy: RunPolicy): Promise<Map<string, LastRuns>> {
    const sessions = await loadSessions(api, jobs, {
      now: policy.now,
      lookbackSeconds: policy.lookbackSeconds,
      concurrency: this.target.concurrency,
    });
    return new Map(jobs.map((j) => [j.id, pickRuns(sessions.get(j.id) ?? [], policy)]));
  }

  private logs(api: Vb365Client, runs: Map<string, LastRuns>): Promise<Map<string, EntryCounts>> {
    const last = [...runs.entries()].flatMap(([jobId, r]) => (r.last ? [{ jobId, run: r.last }] : []));
    return loadLogCounts(api, last, this.deps.caches.immutable, this.target.concurrency);
  }

  /** A 404 from a versioned path may mean the server changed version: detect again on the next collection. */
  private noteError(err: unknown): void {
    if (this.configured !== undefined || this.detected === undefined) return;
    if (err instanceof UpstreamError && err.kind === 'http' && err.details.status === 404) {
      this.deps.log.debug(
        { target: this.target.name },
        'versioned call answered 404; the API version will be detected again',
      );
      this.redetect = true;
    }
  }
}

/** Output order independent of the order the API lists jobs. */
function sortJobs(jobs: InventoryJob[]): InventoryJob[] {
  const key = (j: InventoryJob): string => `${j.tenant ?? ''}\u0000${j.name}\u0000${j.kind}\u0000${j.id}`;
  return [...jobs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
