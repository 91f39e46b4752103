// The listening sockets: one HTTP or HTTPS server per --web.listen-address, all serving the same application.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { WebTlsConfig } from '../config/web';
import { parseListenAddress } from './listen';
import { tlsOptions } from './tls';

export class ListenError extends Error {}

type Server = http.Server | https.Server;
type Handler = http.RequestListener;

export interface Listeners {
  /** URL of the first listener, with a loopback host when it listens on every interface. */
  readonly url: string;
  /** `host:port` of each listener, as bound. */
  readonly addresses: readonly string[];
  /** New certificates after a reload (HTTPS listeners only). */
  setTls(tls: WebTlsConfig): void;
  /** Stops accepting; open connections are dropped after `graceMs`. */
  close(graceMs: number): Promise<void>;
}

export async function listen(addresses: readonly string[], handler: Handler, tls?: WebTlsConfig): Promise<Listeners> {
  const servers: Server[] = [];
  try {
    for (const address of addresses) servers.push(await listenOne(address, handler, tls));
  } catch (err) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    throw err;
  }
  const bound = servers.map((s) => s.address() as AddressInfo);
  const shown = bound.map((a) => `${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
  const first = bound[0] as AddressInfo;
  const host = ['::', '0.0.0.0'].includes(first.address) ? '127.0.0.1' : shown[0]?.replace(/:\d+$/, '');
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${first.port}`,
    addresses: shown,
    setTls: (t) => {
      for (const s of servers) if (s instanceof https.Server) s.setSecureContext(tlsOptions(t));
    },
    close: (graceMs) => Promise.all(servers.map((s) => closeOne(s, graceMs))).then(() => undefined),
  };
}

async function listenOne(address: string, handler: Handler, tls?: WebTlsConfig): Promise<Server> {
  const server = tls ? https.createServer(tlsOptions(tls), handler) : http.createServer(handler);
  const { host, port } = parseListenAddress(address);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new ListenError(`cannot listen on ${address}: ${err.message}`)));
    server.listen(port, host, () => resolve());
  });
  return server;
}

/** Polling interval for connections that turn idle while the server closes. */
const IDLE_CHECK_MS = 50;

async function closeOne(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection whose answer was still being written when closing began turns idle afterwards;
  // closing it then (rather than after the grace) lets the process exit as soon as the answers are out.
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), IDLE_CHECK_MS);
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearInterval(idle);
  clearTimeout(timer);
}
