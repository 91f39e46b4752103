// The per-target state of huawei_clouddc (credentials, the log exports with their state file, scheduler and
// download worker) and one collection: the server inventory decides whether the target is up; `log_exports`
// polls the exports the exporter started.
import { describeError } from '../../common/errors';
import type { CollectContext, CollectResult, ProductState, StateDeps } from '../../core/module';
import type { HttpClient } from '../../http/types';
import { createAuthorizer } from './auth';
import { type Authorizer, CloudDcClient } from './client';
import { API_VERSION, type HuaweiTarget } from './config';
import type { PhysicalServer } from './decode';
import { type LogExportStartResult, LogExports } from './exports';
import type { ExportRecord } from './store';
import { exportSamples, serverSamples } from './samples';
import { type InventoryDeps, inventory } from './servers';

export class HuaweiState implements ProductState {
  private readonly auth: Authorizer;
  private readonly inventoryDeps: InventoryDeps;
  /** Undefined without `log_exports:` or with the log_exports collector excluded. */
  private readonly exports?: LogExports;

  constructor(
    private readonly target: HuaweiTarget,
    private readonly deps: StateDeps,
  ) {
    this.auth = createAuthorizer(target, deps);
    const client = new CloudDcClient(target.projectId, this.auth, deps.log);
    this.inventoryDeps = { client, caches: deps.caches, log: deps.log };
    const config = target.logExports;
    if (config && target.collectors.includes('log_exports')) {
      this.exports = new LogExports({
        target: target.name,
        config,
        client,
        http: deps.http,
        log: deps.log,
        concurrency: target.concurrency,
        servers: () => this.servers(deps.http, Date.now()),
      });
    }
  }

  async collect(ctx: CollectContext): Promise<CollectResult> {
    const servers = await ctx.inventory(() => this.servers(ctx.http, ctx.now));
    const samples = serverSamples(servers, (field, raw) =>
      ctx.log.debug({ field, raw }, 'unrecognised CloudDC server state'),
    );
    const newest = await ctx.part('log_exports', (scope) =>
      this.exports ? this.exports.poll(ctx.http, servers, scope) : Promise.resolve(new Map<string, ExportRecord>()),
    );
    if (newest) for (const s of exportSamples(servers, newest)) samples.push(s);
    return { info: { api_version: API_VERSION }, samples };
  }

  /** The export scheduler (not with --no-schedulers: it writes to the vendor) and the download worker. */
  start(): void {
    this.exports?.start(this.deps.schedulers);
  }

  async stop(): Promise<void> {
    await this.exports?.stop();
    this.auth.clear();
  }

  /** POST /-/log-exports: starts an export of a selected server now. */
  async startLogExport(serverId: string): Promise<LogExportStartResult> {
    const name = this.target.name;
    if (!this.exports) {
      const why = this.target.logExports ? 'log_exports (excluded by its collectors)' : 'log_exports configured';
      return { status: 400, reason: `target ${name} has no ${why}` };
    }
    if (this.target.servers.length > 0 && !this.target.servers.includes(serverId)) {
      return { status: 400, reason: `server ${serverId} is not selected by target ${name}` };
    }
    let servers: PhysicalServer[];
    try {
      servers = await this.servers(this.deps.http, Date.now());
    } catch (err) {
      return { status: 502, reason: describeError(err) };
    }
    if (!servers.some((s) => s.id === serverId)) return { status: 400, reason: `unknown server ${serverId}` };
    return this.exports.startExport(serverId, 'manual');
  }

  private servers(http: HttpClient, now: number): Promise<PhysicalServer[]> {
    return inventory(this.inventoryDeps, this.target, http, now);
  }
}
