// Per-target state of a Veeam Backup for Microsoft Azure appliance (token, detected API version, warnings
// already logged) and one collection: version → policies (`jobs`) → sessions → last runs' logs.

import type { VeeamAzureTarget } from '../../config/types';
import { jobSelected } from '../../config/types';
import { asUpstreamError, describeError, UpstreamError } from '../../common/errors';
import type { RunPolicy } from '../../core/jobs';
import type { CollectContext, CollectOutput, ProductSession, Sample, SessionDeps } from '../../core/samples';
import { TokenManager } from '../../http/token';
import type { HttpClient } from '../../http/types';
import { login } from './auth';
import { API_VERSIONS, AzureApi, isNotFound, POLICY_FAMILIES, type Authorized } from './client';
import { groupSessions, lastSession, policySamples, type PolicyState } from './collect';
import type { AzurePolicy, AzureSession, LogCounts } from './decode';
import { fetchLogCounts, type LastRunRef } from './logs';

type Failure = { collector: string; error: unknown };

export class AzureSessionState implements ProductSession {
  private readonly tokens: TokenManager;
  private detected?: string;
  /** Sessions whose unparsable duration was already logged (bounded: cleared when it grows large). */
  private readonly reported = new Set<string>();

  constructor(
    private readonly target: VeeamAzureTarget,
    private readonly deps: SessionDeps,
  ) {
    this.tokens = new TokenManager({
      target: target.name,
      product: target.product,
      metrics: deps.metrics,
      log: deps.log,
      login: (http, previous) =>
        login(http, target, { log: deps.log, onRefreshFailed: () => this.refreshFailed() }, previous),
    });
  }

  /** The target was removed or changed: forget the token (the appliance lets it expire). */
  async stop(): Promise<void> {
    this.tokens.clear();
  }

  private readonly authorized: Authorized = (http, fn) => this.tokens.withToken(http, (t) => fn(t.value));

  async collect(ctx: CollectContext): Promise<CollectOutput> {
    const version = await this.version(ctx.http);
    const api = new AzureApi(ctx.http, this.authorized, version);
    const [policies, serverVersion] = await Promise.all([
      this.guard(() => this.policies(api, ctx.now)),
      this.serverVersion(api, ctx),
    ]);
    const runPolicy: RunPolicy = {
      now: ctx.now / 1000,
      lookbackSeconds: this.target.lookbackMs / 1000,
      warningIsSuccess: this.target.warningIsSuccess,
    };
    const states: PolicyState[] = policies
      .filter((p) => jobSelected(this.target.jobs, p.name))
      .map((policy) => ({ policy }));
    const failed = await this.runs(api, ctx, states, runPolicy);
    const samples: Sample[] = [];
    for (const st of states)
      samples.push(...policySamples(st, { runPolicy, onUnparsable: (s, raw) => this.unparsable(ctx, s, raw) }));
    const info =
      serverVersion === undefined ? { api_version: version } : { api_version: version, server_version: serverVersion };
    return { info, samples, failed };
  }

  /** Fills each selected policy's sessions (`sessions`) and last-run log counts (`logs`); returns the failures. */
  private async runs(
    api: AzureApi,
    ctx: CollectContext,
    states: PolicyState[],
    runPolicy: RunPolicy,
  ): Promise<Failure[]> {
    const failed: Failure[] = [];
    const sessions = await this.part('sessions', failed, ctx, () =>
      this.guard(() => api.sessions(ctx.now - this.target.lookbackMs)),
    );
    if (!sessions) {
      // The logs of the last runs cannot be chosen without the sessions: same cause, same error.
      failed.push({ collector: 'logs', error: failed[0]!.error });
      return failed;
    }
    const grouped = groupSessions(sessions, new Set(states.map((st) => st.policy.id)));
    for (const st of states) st.sessions = grouped.get(st.policy.id) ?? [];
    const counts = await this.part('logs', failed, ctx, () => this.logCounts(api, states, runPolicy));
    for (const st of states) {
      const c = counts?.get(st.policy.id);
      if (c) st.counts = c;
    }
    return failed;
  }

  /** The configured version, the one detected earlier, or a new detection: the first `system/about` 200. */
  private async version(http: HttpClient): Promise<string> {
    if (this.target.apiVersion) return this.target.apiVersion;
    if (this.detected) return this.detected;
    for (const v of API_VERSIONS) {
      const about = await new AzureApi(http, this.authorized, v).about();
      if (!about) continue;
      this.detected = v;
      this.deps.log.debug({ target: this.target.name, api_version: v }, 'API version detected');
      return v;
    }
    throw new UpstreamError('http', `no API version (${API_VERSIONS.join(', ')}) answered GET system/about with 200`, {
      status: 404,
    });
  }

  /** A 404 on a call every version serves means the appliance changed version: detect again next time. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isNotFound(err) && this.detected) {
        this.deps.log.debug(
          { target: this.target.name, api_version: this.detected },
          'versioned call answered 404; detecting again',
        );
        this.detected = undefined;
      }
      throw err;
    }
  }

  /** Every policy family the version offers (inventory cache); a family answering 404 is absent in this version. */
  private policies(api: AzureApi, now: number): Promise<AzurePolicy[]> {
    return this.deps.caches.inventory.get(
      `veeam_azure:policies:${api.version}`,
      async () => {
        const lists = await Promise.all(POLICY_FAMILIES.map((f) => api.policies(f)));
        if (lists.every((l) => l === undefined)) {
          throw new UpstreamError('http', `API ${api.version} answered 404 for every policy list`, { status: 404 });
        }
        const seen = new Map<string, AzurePolicy>();
        for (const p of lists.flatMap((l) => l ?? [])) if (!seen.has(p.id)) seen.set(p.id, p);
        return [...seen.values()];
      },
      now,
    );
  }

  /** `system/about` serverVersion, reused for inventory_ttl; unknown (omitted) when the call fails. */
  private async serverVersion(api: AzureApi, ctx: CollectContext): Promise<string | undefined> {
    try {
      const about = await this.guard(() =>
        this.deps.caches.inventory.get(`veeam_azure:about:${api.version}`, () => api.about(), ctx.now),
      );
      return about?.serverVersion;
    } catch (err) {
      ctx.log.debug(
        { target: this.target.name, err: describeError(err) },
        'system/about failed; server_version omitted',
      );
      return undefined;
    }
  }

  private async logCounts(
    api: AzureApi,
    states: readonly PolicyState[],
    p: RunPolicy,
  ): Promise<Map<string, LogCounts>> {
    const refs: LastRunRef[] = [];
    for (const st of states) {
      const last = lastSession(st.sessions ?? [], p);
      if (last)
        refs.push({ policyId: st.policy.id, sessionId: last.session.id, finished: last.run.state !== 'running' });
    }
    return fetchLogCounts(api, refs, this.deps.caches.immutable, this.target.concurrency);
  }

  private async part<T>(
    collector: string,
    failed: Failure[],
    ctx: CollectContext,
    fn: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      ctx.log.debug({ target: this.target.name, collector, err: describeError(err) }, 'collector failed');
      failed.push({ collector, error: asUpstreamError(err) });
      return undefined;
    }
  }

  /** The manager counts each login call once; a refused refresh before a password grant is a failure too. */
  private refreshFailed(): void {
    this.deps.metrics.logins.inc({ target: this.target.name, product: this.target.product, result: 'failure' });
  }

  private unparsable(ctx: CollectContext, s: AzureSession, raw: unknown): void {
    if (this.reported.has(s.id)) return;
    if (this.reported.size > 10_000) this.reported.clear();
    this.reported.add(s.id);
    ctx.log.warn(
      {
        target: this.target.name,
        session: s.id,
        executionDuration: typeof raw === 'string' ? raw : JSON.stringify(raw),
      },
      'unparsable executionDuration; duration left out',
    );
  }
}
