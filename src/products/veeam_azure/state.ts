// The per-target state of a Veeam Backup for Microsoft Azure appliance (token, detected API version, warnings
// already logged) and one collection: login, detection and the policies (`jobs`) decide whether the target
// is up; `sessions`, `logs`, `repositories`, `license`, `coverage` and `storage` are parts of their own.
import { describeError, UpstreamError } from '../../common/errors';
import { selectJobs } from '../../config/types';
import type { RunPolicy } from '../../core/jobs';
import type { CollectContext, CollectResult, ProductState, StateDeps } from '../../core/module';
import type { Sample } from '../../core/samples';
import { VersionTracker } from '../../core/versions';
import { TokenManager } from '../../http/token';
import { passwordGrant, refreshGrant } from './auth';
import { AzureApi, detectVersion } from './client';
import type { ApiVersion, VeeamAzureTarget } from './config';
import type { AzurePolicy, AzureSession } from './decode';
import { collectCoverage } from './coverage';
import { isJob, loadPolicies } from './jobs';
import { collectLicense } from './license';
import { lastRuns, loadLogCounts } from './logs';
import { policySamples } from './samples';
import { collectRepositories } from './repositories';
import { loadSessions } from './sessions';
import { collectStorage } from './storage';

interface Inventory {
  api: AzureApi;
  policies: AzurePolicy[];
  serverVersion?: string;
}

export class AzureState implements ProductState {
  private readonly versions: VersionTracker<ApiVersion>;
  private readonly tokens: TokenManager;
  /** Sessions whose unparsable duration was already logged (bounded: cleared when it grows large). */
  private readonly reported = new Set<string>();

  constructor(
    private readonly target: VeeamAzureTarget,
    private readonly deps: StateDeps,
  ) {
    this.versions = new VersionTracker(target.apiVersion, target.inventoryTtlMs);
    this.tokens = new TokenManager({
      log: deps.log,
      gate: deps.gate,
      onLogin: deps.onLogin,
      login: (http) => passwordGrant(http, target.auth),
      refresh: refreshGrant,
    });
  }

  /** The target was removed or changed: forget the token (the appliance lets it expire). */
  async stop(): Promise<void> {
    this.tokens.clear();
  }

  async collect(ctx: CollectContext): Promise<CollectResult> {
    const inv = await ctx.inventory(() => this.inventory(ctx));
    const cache = this.deps.caches.inventory;
    // The capacity collectors need only the version: they run alongside sessions and logs.
    const [samples, ...capacity] = await Promise.all([
      this.jobs(ctx, inv),
      collectRepositories(ctx, inv.api, cache),
      collectLicense(ctx, inv.api, cache),
      collectCoverage(ctx, inv.api, cache),
      collectStorage(ctx, inv.api, cache),
    ]);
    for (const list of capacity) for (const s of list) samples.push(s);
    const info = { api_version: inv.api.version, ...(inv.serverVersion ? { server_version: inv.serverVersion } : {}) };
    return { info, samples };
  }

  /** The job series of the selected policies that are jobs: their runs (`sessions`) and last runs' logs. */
  private async jobs(ctx: CollectContext, inv: Inventory): Promise<Sample[]> {
    const selected = selectJobs(this.target.jobs, inv.policies);
    const runPolicy: RunPolicy = {
      now: ctx.now / 1000,
      lookbackSeconds: this.target.lookbackMs / 1000,
      warningIsSuccess: this.target.warningIsSuccess,
    };
    const fromMs = ctx.now - this.target.lookbackMs;
    const sessions = await ctx.part('sessions', () => loadSessions(inv.api, selected, fromMs));
    const jobs = selected.filter((p) => isJob(p, sessions?.get(p.id), fromMs / 1000));
    const counts = await ctx.part('logs', (scope) => {
      const last = lastRuns(jobs, sessions ?? new Map(), runPolicy);
      return loadLogCounts(inv.api, last, this.deps.caches.immutable, this.target.concurrency, scope);
    });
    const samples: Sample[] = [];
    const options = { runPolicy, onUnparsable: (s: AzureSession, raw: unknown) => this.unparsable(ctx, s, raw) };
    for (const policy of jobs) {
      const runs = { sessions: sessions?.get(policy.id), counts: counts?.get(policy.id) };
      for (const s of policySamples(policy, runs, options)) samples.push(s);
    }
    return samples;
  }

  /** Login, then the configured version, the one detected earlier, or a new detection; then the inventory. */
  private async inventory(ctx: CollectContext): Promise<Inventory> {
    await this.tokens.get(ctx.http);
    let version = this.versions.current(ctx.now);
    if (version === undefined) {
      version = await detectVersion(ctx.http, this.tokens);
      this.versions.found(version, ctx.now);
      ctx.log.debug({ api_version: version }, 'API version detected');
    }
    const api = new AzureApi(ctx.http, this.tokens, version);
    const [policies, serverVersion] = await Promise.all([this.policies(api, ctx.now), this.serverVersion(api, ctx)]);
    return { api, policies, ...(serverVersion ? { serverVersion } : {}) };
  }

  /** Every policy family the version offers (inventory cache); every list answering 404 means: detect again. */
  private policies(api: AzureApi, now: number): Promise<AzurePolicy[]> {
    const load = async (): Promise<AzurePolicy[]> => {
      const policies = await loadPolicies(api);
      if (policies !== undefined) return policies;
      this.versions.inventoryMissing();
      throw new UpstreamError('http', `API ${api.version} answered 404 for every policy list`, { status: 404 });
    };
    return this.deps.caches.inventory.get(`policies:${api.version}`, load, now);
  }

  /** `system/about` serverVersion, reused for inventory_ttl; unknown (omitted) when the call fails. */
  private async serverVersion(api: AzureApi, ctx: CollectContext): Promise<string | undefined> {
    try {
      const about = await this.deps.caches.inventory.get(`about:${api.version}`, () => api.about(), ctx.now);
      return about?.serverVersion;
    } catch (err) {
      ctx.log.debug({ err: describeError(err) }, 'system/about failed; server_version omitted');
      return undefined;
    }
  }

  private unparsable(ctx: CollectContext, s: AzureSession, raw: unknown): void {
    if (this.reported.has(s.id)) return;
    if (this.reported.size > 10_000) this.reported.clear();
    this.reported.add(s.id);
    const executionDuration = typeof raw === 'string' ? raw : JSON.stringify(raw);
    ctx.log.warn({ session: s.id, executionDuration }, 'unparsable executionDuration; duration left out');
  }
}
