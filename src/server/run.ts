// Starting and stopping the exporter in-process: configuration, targets, HTTP(S) server, reload.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { loadConfigFile } from '../config/load';
import { loadWebConfig, checkBasicAuth, type WebConfig } from '../config/web';
import { Exporter } from '../core/exporter';
import { SelfMetrics } from '../core/self-metrics';
import { parseListenAddress } from '../cli';
import type { SecretRedactor } from '../log';
import { NODE_VERSION, REVISION, VERSION } from '../version';
import { createApp } from './app';
import { clientCertAllowed, tlsOptions } from './tls';
import type { TLSSocket } from 'node:tls';

export interface RunOptions {
  configFile: string;
  listenAddress: string;
  webConfigFile?: string;
  log: Logger;
  redactor?: SecretRedactor;
  metrics?: SelfMetrics;
}

export interface Running {
  url: string;
  exporter: Exporter;
  /** Re-reads both configurations; resolves to the error text, or undefined on success. */
  reload(): Promise<string | undefined>;
  /** Stops accepting, lets in-flight requests finish (aborting them after `graceMs`), closes targets. */
  close(graceMs?: number): Promise<void>;
}

export class ListenError extends Error {}

export async function startExporter(opts: RunOptions): Promise<Running> {
  const metrics = opts.metrics ?? new SelfMetrics();
  metrics.buildInfo.set({ version: VERSION, revision: REVISION, nodejs_version: NODE_VERSION }, 1);
  const exporter = new Exporter(opts.log, metrics);
  let web: WebConfig | undefined;
  let loaded = false;

  // The first load throws (the caller exits 1); later reloads keep the running configuration on error.
  const load = async (): Promise<void> => {
    const config = await loadConfigFile(opts.configFile);
    const nextWeb = opts.webConfigFile ? await loadWebConfig(opts.webConfigFile) : undefined;
    opts.redactor?.set(config.secrets);
    exporter.apply(config);
    web = nextWeb;
    if (server instanceof https.Server && web?.tls) server.setSecureContext(tlsOptions(web.tls));
    loaded = true;
    metrics.reloadSuccessful.set(1);
    metrics.reloadSuccessTimestamp.set(Date.now() / 1000);
  };
  const reload = async (): Promise<string | undefined> => {
    try {
      await load();
      opts.log.info({ targets: exporter.targets.length }, 'configuration reloaded');
      return undefined;
    } catch (err) {
      metrics.reloadSuccessful.set(0);
      const text = (err as Error).message;
      opts.log.error({ err: text }, 'reload failed, keeping the running configuration');
      return text;
    }
  };

  let server: http.Server | https.Server | undefined;
  await load();
  const app = createApp({
    exporter,
    reload,
    ready: () => loaded,
    redact: (text) => opts.redactor?.redact(text) ?? text,
    authorize: async (header, socket) =>
      clientCertAllowed(web?.tls, socket as TLSSocket) && (!web?.basicAuthUsers || checkBasicAuth(web, header)),
  });
  server = web?.tls ? https.createServer(tlsOptions(web.tls), app.callback()) : http.createServer(app.callback());
  const { host, port } = parseListenAddress(opts.listenAddress);
  const srv = server;
  await new Promise<void>((resolve, reject) => {
    srv.once('error', (err) => reject(new ListenError(`cannot listen on ${opts.listenAddress}: ${err.message}`)));
    srv.listen(port, host, () => resolve());
  }).catch(async (err: unknown) => {
    await exporter.close();
    throw err;
  });
  const address = srv.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `${web?.tls ? 'https' : 'http'}://${shownHost === '[::]' || shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`;
  opts.log.info({ address: `${shownHost}:${address.port}`, targets: exporter.targets.length }, 'listening');

  return {
    url,
    exporter,
    reload,
    close: async (graceMs = 5000) => {
      const closed = new Promise<void>((resolve) => srv.close(() => resolve()));
      srv.closeIdleConnections();
      const timer = setTimeout(() => srv.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      await exporter.close();
    },
  };
}
