// Logging with pino, as logfmt (default, like Prometheus' own exporters) or JSON. Every configured secret is
// hidden in the message and the fields of each call before pino serialises them: once escaped for JSON or
// logfmt, a secret containing `"` or `\` no longer reads the same. The finished line is checked once more.
import pino, { type Logger } from 'pino';
import { Writable } from 'node:stream';
import { SecretRedactor } from './secrets';

export { SecretRedactor } from './secrets';

export type LogFormat = 'logfmt' | 'json';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

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
  const redactor = opts.redactor ?? new SecretRedactor();
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      const lines = chunk
        .toString('utf8')
        .split('\n')
        .filter((l) => l.length > 0);
      for (const l of lines) out.write(redactor.redact(format === 'json' ? `${l}\n` : toLogfmt(l)));
      done();
    },
  });
  const hooks = {
    logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void): void {
      method.apply(
        this,
        args.map((a) => redactor.redactValue(a)),
      );
    },
  };
  return pino({ level: opts.level ?? 'info', base: undefined, hooks }, stream);
}

/** A logger that drops everything (tests and tools). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
