// Starting and stopping the exporter in-process: configuration, targets, listeners, reload.
import type { TLSSocket } from 'node:tls';
import type { Logger } from 'pino';
import type { SecretRedactor } from '../common/log';
import { NODE_VERSION, REVISION, VERSION } from '../common/version';
import { loadConfigFile } from '../config/load';
import { loadWebConfig, type WebConfig } from '../config/web';
import { Exporter } from '../core/exporter';
import type { Registry } from '../core/registry';
import { SelfMetrics } from '../core/self-metrics';
import { createApp } from './app';
import { BasicAuth } from './basic-auth';
import { listen } from './listeners';
import { clientCertAllowed } from './tls';

export { ListenError } from './listeners';

export interface RunOptions {
  configFile: string;
  /** One or more `host:port`. */
  listenAddresses: readonly string[];
  webConfigFile?: string;
  /** --web.telemetry-path. */
  telemetryPath?: string;
  /** False with --no-schedulers. */
  schedulers?: boolean;
  products: Registry;
  log: Logger;
  redactor?: SecretRedactor;
  metrics?: SelfMetrics;
}

export interface Running {
  url: string;
  exporter: Exporter;
  /** Re-reads both configurations; resolves to the error text, or undefined on success. */
  reload(): Promise<string | undefined>;
  /** Stops accepting, aborts collections in flight, closes targets; connections are dropped after `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

export async function startExporter(opts: RunOptions): Promise<Running> {
  const metrics = opts.metrics ?? new SelfMetrics();
  metrics.buildInfo.set({ version: VERSION, revision: REVISION, nodejs_version: NODE_VERSION }, 1);
  const exporter = new Exporter({
    log: opts.log,
    metrics,
    products: opts.products.modules,
    schedulers: opts.schedulers,
    redactor: opts.redactor,
  });
  const state: { web?: WebConfig; loaded: boolean; onTls?: (web: WebConfig) => void } = { loaded: false };
  // The first load throws (the caller exits 1); later reloads keep the running configuration on error.
  const load = async (): Promise<void> => {
    const config = await loadConfigFile(opts.configFile, opts.products.config);
    const web = opts.webConfigFile ? await loadWebConfig(opts.webConfigFile) : undefined;
    opts.redactor?.set(config.secrets);
    exporter.apply(config);
    state.web = web;
    if (web) state.onTls?.(web);
    state.loaded = true;
    metrics.reloadSuccessful.set(1);
    metrics.reloadSuccessTimestamp.set(Date.now() / 1000);
  };
  const reload = () => reloadWith(load, exporter, metrics, opts.log);
  await load();
  const auth = new BasicAuth();
  const app = createApp({
    exporter,
    registry: opts.products,
    ...(opts.telemetryPath ? { telemetryPath: opts.telemetryPath } : {}),
    reload,
    ready: () => state.loaded,
    redact: (text) => opts.redactor?.redact(text) ?? text,
    authorize: async (header, socket) =>
      clientCertAllowed(state.web?.tls, socket as TLSSocket) ? auth.check(state.web?.basicAuthUsers, header) : 'denied',
    headers: () => state.web?.headers,
    onError: (err) => opts.log.error({ err }, 'request failed'),
  });
  const listeners = await listen(opts.listenAddresses, app.callback(), state.web?.tls).catch(async (err) => {
    await Promise.all([exporter.close({ abort: true }), auth.close()]);
    throw err;
  });
  state.onTls = (web) => {
    if (web.tls) listeners.setTls(web.tls);
  };
  opts.log.info({ address: listeners.addresses.join(','), targets: exporter.targets.length }, 'listening');
  return {
    url: listeners.url,
    exporter,
    reload,
    close: async (graceMs = 5000) => {
      const stopped = exporter.close({ abort: true });
      await listeners.close(graceMs);
      await Promise.all([stopped, auth.close()]);
    },
  };
}

async function reloadWith(load: () => Promise<void>, exporter: Exporter, metrics: SelfMetrics, log: Logger) {
  try {
    await load();
    log.info({ targets: exporter.targets.length }, 'configuration reloaded');
    return undefined;
  } catch (err) {
    metrics.reloadSuccessful.set(0);
    const text = (err as Error).message;
    log.error({ err: text }, 'reload failed, keeping the running configuration');
    return text;
  }
}
