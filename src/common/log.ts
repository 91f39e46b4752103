// Logging with pino, as logfmt (default, like Prometheus' own exporters) or JSON. Every line passes through a
// redactor that replaces any configured secret, so a secret that slips into an error message from a vendor
// still never reaches the log.
import pino, { type Logger } from 'pino';
import { Writable } from 'node:stream';

export type LogFormat = 'logfmt' | 'json';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The set of secret strings currently configured; replaced on every successful (re)load. */
export class SecretRedactor {
  private secrets: string[] = [];
  set(secrets: readonly string[]): void {
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets = [...new Set(secrets.filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
  }
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join('<secret>');
    return out;
  }
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

function logfmtValue(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return /^[^\s"=\\]+$/.test(s) ? s : JSON.stringify(s);
}

/** One pino JSON line as logfmt: `ts=… level=… msg=… key=value …`. */
export function toLogfmt(line: string): string {
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, pid: _pid, hostname: _host, ...rest } = obj;
  const parts = [`ts=${new Date(Number(time)).toISOString()}`, `level=${LEVEL_NAMES[Number(level)] ?? String(level)}`];
  if (msg !== undefined) parts.push(`msg=${logfmtValue(msg)}`);
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) parts.push(`${k}=${logfmtValue(v)}`);
  return `${parts.join(' ')}\n`;
}

export function createLogger(opts: {
  level?: LogLevel;
  format?: LogFormat;
  redactor?: SecretRedactor;
  out?: NodeJS.WritableStream;
}): Logger {
  const out = opts.out ?? process.stderr;
  const format = opts.format ?? 'logfmt';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      const lines = chunk
        .toString('utf8')
        .split('\n')
        .filter((l) => l.length > 0);
      for (const l of lines) {
        const text = format === 'json' ? `${l}\n` : toLogfmt(l);
        out.write(opts.redactor ? opts.redactor.redact(text) : text);
      }
      done();
    },
  });
  return pino({ level: opts.level ?? 'info', base: undefined }, stream);
}

/** A logger that drops everything (tests and tools). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
