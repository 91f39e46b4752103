// A real, short-lived Prometheus server on loopback for integration tests: a temporary TSDB, a free port,
// and helpers to query it. Its output is kept for failure messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface PromResult {
  metric: Record<string, string>;
  value?: [number, string];
}

export interface PrometheusServer {
  url: string;
  log(): string;
  query(expr: string): Promise<PromResult[]>;
  api<T>(path: string): Promise<T>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes; then throws with `what`. */
export async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(250);
  }
}

/** Prometheus on a free loopback port with a fresh TSDB in `dir`; its output is collected for failure messages. */
async function spawnPrometheus(dir: string, config: object) {
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, stringify(config));
  const port = await freePort();
  const args = [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(dir, 'tsdb')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ];
  const child: ChildProcess = spawn('prometheus', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (c: Buffer) => {
    output += c.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited, url: `http://127.0.0.1:${port}`, output: () => output };
}

function client(url: string) {
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${url}${path}`);
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`${path}: ${body.error ?? res.status}`);
    return body.data;
  };
  const query = async (expr: string): Promise<PromResult[]> => {
    type Data = { resultType: string; result: PromResult[] | [number, string] };
    const data = await api<Data>(`/api/v1/query?query=${encodeURIComponent(expr)}`);
    // A scalar (e.g. time()) is one value.
    return data.resultType === 'scalar'
      ? [{ metric: {}, value: data.result as [number, string] }]
      : (data.result as PromResult[]);
  };
  return { api, query };
}

export async function startPrometheus(config: object): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'prometheus-'));
  const { child, exited, url, output } = await spawnPrometheus(dir, config);
  const server: PrometheusServer = {
    url,
    log: output,
    ...client(url),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const state = await until('Prometheus to become ready', 15_000, async () => {
    if (child.exitCode !== null) return 'exited';
    const res = await fetch(`${url}/-/ready`);
    return res.ok ? 'ready' : undefined;
  }).catch(async (err: Error) => {
    await server.stop();
    throw err;
  });
  if (state === 'exited') {
    await server.stop();
    throw new Error(`prometheus exited:\n${output()}`);
  }
  return server;
}
