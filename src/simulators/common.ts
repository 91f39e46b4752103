// Shared plumbing of the vendor API simulators: a real HTTP(S) server on loopback with a route function,
// fixed latency, a request log and fault switches. Each product's simulator supplies the routes and data.

import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import selfsigned from 'selfsigned';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  json<T = unknown>(): T;
  form(): URLSearchParams;
}

export interface SimReply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  /** A Readable is streamed as it produces (slow or stalling bodies); it is destroyed when the client leaves. */
  body?: string | Buffer | Readable;
}

/** Returns undefined for "no such route" (404). */
export type SimHandler = (req: SimRequest) => SimReply | undefined | Promise<SimReply | undefined>;

/** Faults applied before the route, to `count` matching requests (default: every one until cleared). */
export interface Fault {
  kind: 'status' | 'hang' | 'reset' | 'half-body' | 'html' | 'malformed' | 'huge';
  status?: number;
  retryAfter?: string;
  /** Only requests whose path matches. */
  match?: RegExp;
  count?: number;
}

export interface TlsMaterial {
  cert: string;
  key: string;
}

export interface Simulator {
  readonly url: string;
  readonly port: number;
  /** PEM of the self-signed certificate when serving HTTPS (use as ca_file). */
  readonly cert?: string;
  /** Every request served, in order (method and path with query). */
  readonly requests: Array<{ method: string; path: string }>;
  latencyMs: number;
  faults: Fault[];
  close(): Promise<void>;
}

export interface SimulatorOptions {
  handler: SimHandler;
  tls?: boolean | TlsMaterial;
  latencyMs?: number;
  port?: number;
  host?: string;
}

/** A self-signed certificate for `localhost` and 127.0.0.1 (or the given names). */
export async function selfSignedCert(names: string[] = ['localhost']): Promise<TlsMaterial> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: names[0] ?? 'localhost' }], {
    keySize: 2048,
    days: 30,
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [...names.map((value) => ({ type: 2 as const, value })), { type: 7, ip: '127.0.0.1' }],
      },
    ],
  } as never);
  return { cert: pems.cert, key: pems.private };
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const tls = opts.tls === true ? await selfSignedCert() : opts.tls || undefined;
  const state = {
    latencyMs: opts.latencyMs ?? 0,
    faults: [] as Fault[],
    requests: [] as Array<{ method: string; path: string }>,
  };
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void serve(req, Buffer.concat(chunks).toString('utf8'), res, opts.handler, state).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
    });
  };
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, listener) : http.createServer(listener);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const sim: Simulator = {
    url: `${tls ? 'https' : 'http'}://${tls ? 'localhost' : '127.0.0.1'}:${port}`,
    port,
    ...(tls ? { cert: tls.cert } : {}),
    requests: state.requests,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(v: number) {
      state.latencyMs = v;
    },
    get faults() {
      return state.faults;
    },
    set faults(v: Fault[]) {
      state.faults = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return sim;
}

async function serve(
  req: http.IncomingMessage,
  raw: string,
  res: http.ServerResponse,
  handler: SimHandler,
  state: { latencyMs: number; faults: Fault[]; requests: Array<{ method: string; path: string }> },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim');
  state.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search });
  if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
  const fault = takeFault(state.faults, url.pathname);
  if (fault && applyFault(fault, res)) return;
  const simReq: SimRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: raw,
    json: () => JSON.parse(raw),
    form: () => new URLSearchParams(raw),
  };
  const reply = (await handler(simReq)) ?? {
    status: 404,
    json: { message: `no route ${simReq.method} ${simReq.path}` },
  };
  const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
  const headers = {
    ...(reply.json !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...reply.headers,
  };
  res.writeHead(reply.status ?? 200, headers);
  if (body instanceof Readable) await pipeline(body, res).catch(() => undefined);
  else res.end(body);
}

function takeFault(faults: Fault[], path: string): Fault | undefined {
  const i = faults.findIndex((f) => !f.match || f.match.test(path));
  const fault = faults[i];
  if (!fault) return undefined;
  if (fault.count !== undefined && --fault.count <= 0) faults.splice(i, 1);
  return fault;
}

/** Returns true when the fault answered (or deliberately did not answer) the request. */
function applyFault(fault: Fault, res: http.ServerResponse): boolean {
  switch (fault.kind) {
    case 'status':
      res.writeHead(fault.status ?? 500, {
        'content-type': 'application/json',
        ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
      });
      res.end(JSON.stringify({ message: `simulated ${fault.status ?? 500}` }));
      return true;
    case 'hang':
      return true;
    case 'reset':
      res.socket?.destroy();
      return true;
    case 'half-body':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"results":[{"id":"');
      setTimeout(() => res.socket?.destroy(), 20);
      return true;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return true;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"results": [1, 2,');
      return true;
    case 'huge': {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 1024 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
      return true;
    }
  }
}
