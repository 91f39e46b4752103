// Huawei Cloud CloudDC: physical-server health and power, and the log exports the exporter itself starts.
import type { HuaweiTarget } from '../../config/types';
import { asUpstreamError, describeError } from '../../common/errors';
import type {
  CollectContext,
  CollectOutput,
  LogExportStartResult,
  ProductModule,
  ProductSession,
  SessionDeps,
} from '../../core/samples';
import type { HttpClient } from '../../http/types';
import { createAuthorizer } from './auth';
import { CloudDcClient, type PhysicalServer } from './client';
import { exportSamples, serverSamples } from './collect';
import { DownloadWorker } from './download';
import { ExportTracker } from './exports';
import { ExportScheduler } from './scheduler';
import { StateStore } from './state';

export const COLLECTORS = ['servers', 'log_exports'] as const;

/** Knobs for tests; production uses the contract's once a minute and 10 s. */
export interface HuaweiSessionOptions {
  checkIntervalMs?: number;
  minStartSpacingMs?: number;
  /** Clock for export ages and records (ms). */
  now?: () => number;
}

export interface HuaweiSession extends ProductSession {
  start(): void;
  stop(): Promise<void>;
  startLogExport(serverId: string): Promise<LogExportStartResult>;
  /** Resolves when the download worker is idle (tests). */
  downloadsIdle(): Promise<void>;
}

export function createHuaweiSession(
  target: HuaweiTarget,
  deps: SessionDeps,
  opts: HuaweiSessionOptions = {},
): HuaweiSession {
  const now = opts.now ?? Date.now;
  const log = deps.log;
  const auth = createAuthorizer(target, { log, metrics: deps.metrics, now });
  const client = new CloudDcClient(target.projectId, auth, log);
  const inventory = (http: HttpClient, at: number): Promise<PhysicalServer[]> =>
    deps.caches.inventory.get('huawei_clouddc:servers', () => loadServers(client, http, target, deps), at);

  const cfg = target.logExports;
  const store = cfg ? new StateStore(cfg.stateFile, target.name, log, now) : undefined;
  const downloads =
    cfg?.downloadDir && store
      ? new DownloadWorker(client, store, deps.http, log, {
          target: target.name,
          dir: cfg.downloadDir,
          keep: cfg.keep,
          now,
        })
      : undefined;
  const tracker = store ? new ExportTracker(client, store, log, now, () => downloads?.kick()) : undefined;
  const scheduler =
    cfg && tracker
      ? new ExportScheduler(
          tracker,
          () => inventory(deps.http, now()),
          deps.http,
          log,
          {
            checkIntervalMs: opts.checkIntervalMs ?? 60_000,
            minStartSpacingMs: opts.minStartSpacingMs ?? 10_000,
            everyMs: cfg.everyMs,
          },
          () => downloads?.kick(),
        )
      : undefined;

  return {
    async collect(ctx: CollectContext): Promise<CollectOutput> {
      let servers: PhysicalServer[];
      try {
        servers = await inventory(ctx.http, ctx.now);
      } catch (err) {
        throw asUpstreamError(err);
      }
      const samples = serverSamples(servers, (field, raw) =>
        ctx.log.debug({ field, raw }, 'unrecognised CloudDC server state'),
      );
      const failed: Array<{ collector: string; error: unknown }> = [];
      if (tracker) {
        try {
          samples.push(...exportSamples(servers, await tracker.poll(ctx.http, servers)));
        } catch (err) {
          ctx.log.debug({ err: describeError(err) }, 'log_exports collector failed');
          failed.push({ collector: 'log_exports', error: asUpstreamError(err) });
        }
      }
      return { info: { api_version: 'v1' }, samples, failed };
    },
    start: () => scheduler?.start(),
    async stop() {
      await scheduler?.stop();
      await downloads?.stop();
      auth.clear();
    },
    async startLogExport(serverId: string): Promise<LogExportStartResult> {
      if (!tracker) return { status: 400, reason: `target ${target.name} has no log_exports configured` };
      if (target.servers.length > 0 && !target.servers.includes(serverId)) {
        return { status: 400, reason: `server ${serverId} is not selected by target ${target.name}` };
      }
      let servers: PhysicalServer[];
      try {
        servers = await inventory(deps.http, now());
      } catch (err) {
        return { status: 502, reason: describeError(err) };
      }
      if (!servers.some((s) => s.id === serverId)) return { status: 400, reason: `unknown server ${serverId}` };
      return tracker.start(deps.http, serverId);
    },
    downloadsIdle: async () => {
      await downloads?.idle();
    },
  };
}

/** The configured servers one by one, or the whole list; an unknown configured id is left out and logged. */
async function loadServers(
  client: CloudDcClient,
  http: HttpClient,
  target: HuaweiTarget,
  deps: SessionDeps,
): Promise<PhysicalServer[]> {
  if (target.servers.length === 0) return client.listServers(http);
  const found = await Promise.all(
    target.servers.map(async (id) => {
      const s = await client.showServer(http, id);
      if (!s) deps.log.warn({ server: id }, 'configured server is unknown to CloudDC');
      return s;
    }),
  );
  return found.filter((s): s is PhysicalServer => s !== undefined);
}

export const product: ProductModule<HuaweiTarget> = {
  product: 'huawei_clouddc',
  collectors: COLLECTORS,
  logsIn: (target) => target.auth.kind === 'iam',
  createSession: (target, deps) => createHuaweiSession(target, deps),
};
