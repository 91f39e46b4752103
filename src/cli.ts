// Command-line flags, Prometheus-exporter style: `--name=value` and `--name value` both accepted.
import { parseArgs } from 'node:util';
import type { LogFormat, LogLevel } from './common/log';
import { ListenAddressError, parseListenAddress } from './server/listen';

export interface Flags {
  configFile: string;
  configCheck: boolean;
  listenAddresses: string[];
  telemetryPath: string;
  webConfigFile?: string;
  schedulers: boolean;
  logLevel: LogLevel;
  logFormat: LogFormat;
  version: boolean;
  help: boolean;
}

export class FlagError extends Error {}

/** The help text; `products` are the supported products' names. */
export function usage(products: readonly string[]): string {
  return `usage: backup-exporter [flags]

Prometheus exporter for ${products.join(', ')}.

Flags:
  --config.file=PATH          YAML configuration (default: config.yaml)
  --config.check              validate the configuration and the web config, print "config OK" or every
                              problem found, exit 0 or 1
  --web.listen-address=ADDR   host:port to listen on (default: :9897; 127.0.0.1:0 picks a free port);
                              repeat the flag to listen on several
  --web.telemetry-path=PATH   path of the all-targets exposition (default: /metrics)
  --web.config.file=PATH      web config: tls_server_config, http_server_config and basic_auth_users
                              (exporter-toolkit format)
  --no-schedulers             start no background work that writes to a vendor (run every replica but one
                              with it when replicas share one configuration)
  --log.level=LEVEL           debug, info, warn or error (default: info)
  --log.format=FORMAT         logfmt or json (default: logfmt)
  --version                   print the version and exit
  --help                      print this help and exit
`;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const FORMATS = ['logfmt', 'json'] as const;

const OPTIONS = {
  'config.file': { type: 'string' },
  'config.check': { type: 'boolean' },
  'web.listen-address': { type: 'string', multiple: true },
  'web.telemetry-path': { type: 'string' },
  'web.config.file': { type: 'string' },
  'no-schedulers': { type: 'boolean' },
  'log.level': { type: 'string' },
  'log.format': { type: 'string' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseFlags(argv: string[]): Flags {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(argv);
  } catch (err) {
    throw new FlagError((err as Error).message.replace(/\. To specify.*$/s, ''));
  }
  const level = values['log.level'] ?? 'info';
  const format = values['log.format'] ?? 'logfmt';
  if (!isOneOf(LEVELS, level)) throw new FlagError(`--log.level: "${level}" is not one of ${LEVELS.join(', ')}`);
  if (!isOneOf(FORMATS, format)) throw new FlagError(`--log.format: "${format}" is not one of ${FORMATS.join(', ')}`);
  const listen = values['web.listen-address'] ?? [':9897'];
  for (const address of listen) checkListen(address);
  const telemetryPath = values['web.telemetry-path'] ?? '/metrics';
  if (!/^\/[^?#\s]*$/.test(telemetryPath) || ['/probe', '/targets', '/'].includes(telemetryPath)) {
    throw new FlagError(`--web.telemetry-path: "${telemetryPath}" is not a free path starting with /`);
  }
  return {
    configFile: values['config.file'] ?? 'config.yaml',
    configCheck: values['config.check'] === true,
    listenAddresses: listen,
    telemetryPath,
    ...(values['web.config.file'] ? { webConfigFile: values['web.config.file'] } : {}),
    schedulers: values['no-schedulers'] !== true,
    logLevel: level,
    logFormat: format,
    version: values.version === true,
    help: values.help === true,
  };
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, strict: true, allowPositionals: false, options: OPTIONS }).values;
}

function isOneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}

function checkListen(address: string): void {
  try {
    parseListenAddress(address);
  } catch (err) {
    if (err instanceof ListenAddressError) throw new FlagError(err.message);
    throw err;
  }
}
