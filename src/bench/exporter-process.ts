// The exporter under test as its own process, observed from outside: its HTTP answers, and its CPU time and
// peak memory from /proc (so the measurement itself costs the exporter nothing).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NODE_FLAGS } from '../main';

export interface ExporterProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  configFile: string;
  env?: Record<string, string>;
  nodeFlags?: string[];
  /** The program to run (default: this build's `dist/main.js`); another build can be measured the same way. */
  main?: string;
}

const MAIN = path.join(__dirname, '..', 'main.js');

/**
 * Starts `node dist/main.js` with the node flags the README gives (NODE_FLAGS) on a free loopback port and
 * resolves once it logs `listening`.
 */
export function startExporterProcess(opts: StartOptions): Promise<ExporterProcess> {
  const child = spawn(
    process.execPath,
    [
      ...NODE_FLAGS,
      ...(opts.nodeFlags ?? []),
      opts.main ?? MAIN,
      `--config.file=${opts.configFile}`,
      '--web.listen-address=127.0.0.1:0',
      '--log.format=json',
    ],
    { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stopping = false;
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    child.once('exit', (code, signal) => {
      const why = `exporter exited with ${code ?? signal}: ${seen.slice(-5).join('\n')}`;
      if (!stopping) process.stderr.write(`${why}\n`);
      reject(new Error(why));
    });
    // The exporter logs to stderr; both streams are read so the bench does not depend on it.
    const onLine = (line: string): void => {
      seen.push(line);
      if (seen.length > 20) seen.shift();
      const address = listeningAddress(line);
      if (address) resolve({ url: `http://${address}`, pid: child.pid!, child, stop });
      else if (/"level":(50|40|"error"|"warn")/.test(line)) process.stderr.write(`exporter: ${line}\n`);
    };
    lines(child.stdout!, onLine);
    lines(child.stderr!, onLine);
  });
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffered = '';
  stream.on('data', (c: Buffer) => {
    buffered += c.toString();
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      onLine(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
    }
  });
}

/** The `host:port` of a JSON `listening` log line, else undefined. */
export function listeningAddress(line: string): string | undefined {
  if (!line.includes('listening')) return undefined;
  try {
    const rec = JSON.parse(line) as { msg?: string; address?: string };
    return rec.msg === 'listening' && typeof rec.address === 'string' ? rec.address : undefined;
  } catch {
    return undefined;
  }
}

export interface Scrape {
  status: number;
  wallMs: number;
  /** Body as sent (gzip when the exporter compressed it). */
  wireBytes: number;
  gzipped: boolean;
  text: string;
}

/** GET with `Accept-Encoding: gzip`, like Prometheus; the body is unzipped for counting. */
export function scrape(url: string): Promise<Scrape> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip' }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
        const raw = Buffer.concat(chunks);
        const gzipped = res.headers['content-encoding'] === 'gzip';
        const text = (gzipped ? gunzipSync(raw) : raw).toString('utf8');
        resolve({ status: res.statusCode ?? 0, wallMs, wireBytes: raw.length, gzipped, text });
      });
    });
    req.on('error', reject);
    req.setTimeout(15 * 60_000, () => req.destroy(new Error(`scrape of ${url} timed out`)));
  });
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU seconds of a process (/proc/<pid>/stat fields 14 and 15). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
}

/** Peak and current resident memory in bytes (VmHWM, VmRSS of /proc/<pid>/status). */
export function memory(pid: number): { peakRss: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { peakRss: kb('VmHWM'), rss: kb('VmRSS') };
}
