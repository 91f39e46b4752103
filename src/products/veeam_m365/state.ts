// The per-target state of VB365 (token, API version) and one collection: login, detection and the inventory
// (`jobs`) decide whether the target is up; `sessions` and `logs` are parts of their own.
import { isNotFound, UpstreamError } from '../../common/errors';
import type { RunPolicy } from '../../core/jobs';
import type { CollectContext, CollectResult, PartScope, ProductState, StateDeps } from '../../core/module';
import type { Sample } from '../../core/samples';
import { VersionTracker } from '../../core/versions';
import { selectJobs } from '../../config/types';
import { TokenManager, type Token } from '../../http/token';
import type { HttpClient } from '../../http/types';
import { detectVersion, passwordGrant, versionNumber } from './auth';
import { type EntryCounts, Vb365Client } from './client';
import { collectCapacity } from './capacity';
import type { ApiVersion, VeeamM365Target } from './config';
import type { Vb365Org } from './decode';
import { type InventoryJob, loadJobs } from './jobs';
import { loadLogCounts } from './logs';
import { jobSeries, type LastRuns, pickRuns, sortJobs } from './samples';
import { loadSessions } from './sessions';
import { SessionWindow } from './sessions-window';

interface Inventory {
  api: Vb365Client;
  version: ApiVersion;
  jobs: InventoryJob[];
  orgs: Vb365Org[];
  serverVersion?: string;
}

export class M365State implements ProductState {
  private readonly versions: VersionTracker<ApiVersion>;
  private readonly tokens: TokenManager;
  private readonly window: SessionWindow;
  /** Start of the collection in progress: the clock of version detection. */
  private now = 0;

  constructor(
    private readonly target: VeeamM365Target,
    private readonly deps: StateDeps,
  ) {
    this.versions = new VersionTracker(target.apiVersion, target.inventoryTtlMs);
    this.window = new SessionWindow(target.inventoryTtlMs);
    this.tokens = new TokenManager({
      log: deps.log,
      gate: deps.gate,
      onLogin: deps.onLogin,
      login: (http) => this.login(http),
    });
  }

  async collect(ctx: CollectContext): Promise<CollectResult> {
    this.now = ctx.now;
    const inv = await ctx.inventory(() => this.inventory(ctx));
    const selected = selectJobs(this.target.jobs, inv.jobs);
    const policy: RunPolicy = {
      now: ctx.now / 1000,
      lookbackSeconds: this.target.lookbackMs / 1000,
      warningIsSuccess: this.target.warningIsSuccess,
    };
    // Storage, licence, coverage and proxies run beside the sessions; each is a part of its own.
    const capacity = collectCapacity(ctx, {
      api: inv.api,
      orgs: inv.orgs,
      cache: this.deps.caches.inventory,
      concurrency: this.target.concurrency,
    });
    const runs = await ctx.part('sessions', (scope) => this.runs(inv, selected, policy, scope));
    const counts = await ctx.part('logs', (scope) => this.logs(inv.api, selected, runs ?? new Map(), scope));
    const samples: Sample[] = [];
    for (const job of sortJobs(selected)) {
      for (const s of jobSeries(job, runs?.get(job.id), counts?.get(job.id), policy.now)) samples.push(s);
    }
    for (const s of await capacity) samples.push(s);
    const info = { api_version: inv.version, ...(inv.serverVersion ? { server_version: inv.serverVersion } : {}) };
    return { info, samples };
  }

  /** With api_version set nothing is probed; otherwise a login without a known version detects it. */
  private async login(http: HttpClient): Promise<Token> {
    const known = this.versions.current(this.now);
    if (known !== undefined) return passwordGrant(http, known, this.target.auth);
    const { version, token } = await detectVersion(http, this.target.auth);
    this.versions.found(version, this.now);
    return token;
  }

  private async inventory(ctx: CollectContext): Promise<Inventory> {
    // A version to detect again needs a fresh login: detection is a login.
    if (this.versions.current(ctx.now) === undefined) this.tokens.clear();
    await this.tokens.get(ctx.http);
    const version = this.versions.current(ctx.now);
    if (version === undefined) throw new UpstreamError('internal', 'VB365 API version unknown after login');
    const api = new Vb365Client(ctx.http, versionNumber(version), this.tokens);
    const [jobs, serverVersion, orgs] = await Promise.all([
      this.jobs(api, ctx.now),
      this.serverVersion(api, ctx.now),
      // The tenants of the storage, licence and coverage series (the jobs' own load reads the same listing).
      this.deps.caches.inventory.get(`orgs:v${api.version}`, () => api.organizations(), ctx.now),
    ]);
    return { api, version, jobs, orgs, ...(serverVersion ? { serverVersion } : {}) };
  }

  private async jobs(api: Vb365Client, now: number): Promise<InventoryJob[]> {
    const load = () => loadJobs(api, this.target.concurrency);
    try {
      return await this.deps.caches.inventory.get(`jobs:v${api.version}`, load, now);
    } catch (err) {
      if (isNotFound(err) && (err as UpstreamError).details.path === `/v${api.version}/Jobs`) {
        this.versions.inventoryMissing();
      }
      throw err;
    }
  }

  /**
   * `/ServiceInstance` version, cached like the inventory (a 404, a server without it, is cached as unknown); a
   * failure only leaves server_version out.
   */
  private async serverVersion(api: Vb365Client, now: number): Promise<string | undefined> {
    try {
      return await this.deps.caches.inventory.get(`service:v${api.version}`, () => api.serverVersion(), now);
    } catch (err) {
      this.deps.log.debug({ err: (err as Error).message }, 'ServiceInstance unavailable; server_version left out');
      return undefined;
    }
  }

  /** Last runs by job id; a job whose sessions are unknown is absent (its run series are left out). */
  private async runs(
    inv: Inventory,
    selected: InventoryJob[],
    policy: RunPolicy,
    scope: PartScope,
  ): Promise<Map<string, LastRuns>> {
    const q = { now: policy.now, lookbackSeconds: policy.lookbackSeconds, concurrency: this.target.concurrency };
    const sessions = await loadSessions({ api: inv.api, all: inv.jobs, selected, q, scope, window: this.window });
    const out = new Map<string, LastRuns>();
    for (const [id, list] of sessions) out.set(id, pickRuns(list, policy));
    return out;
  }

  private logs(
    api: Vb365Client,
    jobs: InventoryJob[],
    runs: Map<string, LastRuns>,
    scope: PartScope,
  ): Promise<Map<string, EntryCounts>> {
    const last = jobs.flatMap((j) => {
      const run = runs.get(j.id)?.last;
      return run ? [{ jobId: j.id, item: `job ${j.name}`, run }] : [];
    });
    return loadLogCounts(api, last, this.deps.caches.immutable, this.target.concurrency, scope);
  }
}
