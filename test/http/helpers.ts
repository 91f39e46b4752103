// Loopback plumbing for the HTTP layer tests: a target, a quiet logger, a counting forward/CONNECT proxy and a
// TCP relay that counts the connections a client opens.

import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { TargetConfig } from '../../src/config/types';
import { UpstreamError } from '../../src/common/errors';

export const quietLog = pino({ level: 'silent' });

export function target(url: string, o: Partial<TargetConfig> = {}): TargetConfig {
  return {
    name: 't1',
    product: 'veeam_m365',
    url,
    timeoutMs: 10_000,
    minIntervalMs: 0,
    inventoryTtlMs: 0,
    concurrency: 4,
    tls: { insecureSkipVerify: false },
    collectors: [],
    ...o,
  };
}

export const inSeconds = (s: number): number => Date.now() + s * 1000;

export interface CountingProxy {
  readonly url: string;
  /** CONNECT tunnels opened (host:port each). */
  readonly tunnels: string[];
  /** Plain forwarded requests (absolute URIs). */
  readonly forwarded: string[];
  close(): Promise<void>;
}

/** A tiny HTTP proxy: CONNECT tunnels and absolute-URI forwarding, loopback only. */
export async function startProxy(): Promise<CountingProxy> {
  const tunnels: string[] = [];
  const forwarded: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    forwarded.push(req.url ?? '');
    const url = new URL(req.url ?? '');
    const upstream = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host === 'localhost' ? '127.0.0.1' : host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Relay {
  readonly url: string;
  readonly connections: () => number;
  close(): Promise<void>;
}

/** Relays TCP from a new loopback port to `port`, counting the client connections it accepts. */
export async function startRelay(port: number): Promise<Relay> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    count++;
    const upstream = net.connect(port, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nobody listens on. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs `fn` and returns the UpstreamError it threw (fails the test on success or any other error). */
export async function caught(fn: () => Promise<unknown>): Promise<UpstreamError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof UpstreamError) return err;
    throw new Error(`expected an UpstreamError, got ${String(err)}`);
  }
  throw new Error('expected a rejection');
}
