#!/usr/bin/env node
// The backup-exporter program: flags, configuration check, serving, reload on SIGHUP, graceful stop. The one
// place that hands the product registry to the layers below.
import v8 from 'node:v8';
import type { Logger } from 'pino';
import { FlagError, type Flags, parseFlags, usage } from './cli';
import { createLogger, SecretRedactor } from './common/log';
import { NODE_VERSION, REVISION, VERSION } from './common/version';
import { loadConfigFile } from './config/load';
import { loadWebConfig } from './config/web';
import { createRegistry, type Registry } from './core/registry';
import { PRODUCTS } from './products';
import { ListenError, type Running, startExporter } from './server/run';

/**
 * Flags for node itself, given on its command line (V8 cannot switch them once running) by the Dockerfile, the
 * systemd unit, the README and `npm run bench`. `--single-threaded-gc`: V8 otherwise runs its collector on
 * helper threads besides the main one; for this program, which allocates much and briefly per collection, the
 * helpers' coordination cost more CPU than they save: measured 6-10 % less process CPU per warm collection
 * (paired runs, 2 cores) and the same wall time, for longer pauses of the main thread (at most some tens of ms
 * per collection at 200k series). Running without it changes nothing else.
 */
export const NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** Exit within this after SIGTERM whatever still runs (contract section 1: within 5 s). */
const STOP_DEADLINE_MS = 4500;

export async function main(argv: string[], registry: Registry = createRegistry(PRODUCTS)): Promise<number> {
  const help = usage([...registry.modules.values()].map((m) => m.title));
  let flags: Flags;
  try {
    flags = parseFlags(argv);
  } catch (err) {
    if (!(err instanceof FlagError)) throw err;
    process.stderr.write(`backup-exporter: ${err.message}\n${help}`);
    return 1;
  }
  if (flags.help) {
    process.stdout.write(help);
    return 0;
  }
  if (flags.version) {
    process.stdout.write(`backup-exporter, version ${VERSION} (revision: ${REVISION})\n  node: ${NODE_VERSION}\n`);
    return 0;
  }
  if (flags.configCheck) return checkConfig(flags, registry);
  return serve(flags, registry);
}

/** --config.check: both files, every problem of each in one run. */
async function checkConfig(flags: Flags, registry: Registry): Promise<number> {
  const problems: string[] = [];
  await loadConfigFile(flags.configFile, registry.config).catch((err: Error) => problems.push(err.message));
  if (flags.webConfigFile) await loadWebConfig(flags.webConfigFile).catch((err: Error) => problems.push(err.message));
  if (problems.length === 0) {
    process.stdout.write('config OK\n');
    return 0;
  }
  process.stderr.write(`${problems.join('\n')}\n`);
  return 1;
}

/**
 * What to do with an error nothing handled: log it (its stack included) through the logger, which hides every
 * configured secret, and exit 1, since the process may be in any state.
 */
export function crashHandler(log: Logger, what: string, exit: (code: number) => void = process.exit) {
  return (err: unknown): void => {
    log.fatal({ err: err instanceof Error ? err : new Error(String(err)) }, what);
    exit(1);
  };
}

async function serve(flags: Flags, registry: Registry): Promise<number> {
  const redactor = new SecretRedactor();
  const log = createLogger({ level: flags.logLevel, format: flags.logFormat, redactor });
  process.on('uncaughtException', crashHandler(log, 'uncaught exception'));
  process.on('unhandledRejection', crashHandler(log, 'unhandled rejection'));
  log.info({ version: VERSION, revision: REVISION, node: NODE_VERSION }, 'starting backup-exporter');
  let running: Running;
  try {
    running = await startExporter({
      configFile: flags.configFile,
      listenAddresses: flags.listenAddresses,
      telemetryPath: flags.telemetryPath,
      schedulers: flags.schedulers,
      products: registry,
      log,
      redactor,
      ...(flags.webConfigFile ? { webConfigFile: flags.webConfigFile } : {}),
    });
  } catch (err) {
    log.error({ err: (err as Error).message }, err instanceof ListenError ? 'cannot listen' : 'invalid configuration');
    return err instanceof ListenError ? 2 : 1;
  }
  process.on('SIGHUP', () => void running.reload());
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping');
      setTimeout(() => resolve(0), STOP_DEADLINE_MS).unref();
      void running.close(STOP_DEADLINE_MS - 500).then(() => resolve(0));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/**
 * Heap growth between full collections, in percent. By default V8 lets the old generation grow to up to 4× what
 * survived the last full GC before collecting again; a collection of a large estate allocates hundreds of MB
 * that die within seconds, so the process would sit at several times its live memory. 50 % keeps the resident
 * size within 300 MB for 155k series; 20 % (the earlier value) cost about 0.1 s more CPU per warm collection of
 * a request-dominated estate (two full GCs per collection instead of one) for 20-30 MB less. No cap: the heap
 * still grows as far as a large estate needs. A `--heap-growing-percent` given to node wins.
 */
const HEAP_GROWING_PERCENT = 50;

function tuneHeap(): void {
  const given = process.execArgv.some((a) => /^--heap[-_]growing[-_]percent/.test(a));
  if (!given) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

if (require.main === module) {
  tuneHeap();
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`backup-exporter: ${String(err)}\n`);
      process.exit(1);
    },
  );
}
