// Command-line flags, Prometheus-exporter style: `--name=value` and `--name value` both accepted.
import { parseArgs } from 'node:util';
import type { LogFormat, LogLevel } from './log';

export interface Flags {
  configFile: string;
  configCheck: boolean;
  listenAddress: string;
  webConfigFile?: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
  version: boolean;
  help: boolean;
}

export class FlagError extends Error {}

export const USAGE = `usage: backup-exporter [flags]

Prometheus exporter for Veeam Backup for Microsoft 365, Veeam Backup for Microsoft Azure,
AhsayCBS and Huawei Cloud CloudDC.

Flags:
  --config.file=PATH          YAML configuration (default: config.yaml)
  --config.check              validate the configuration, print "config OK" or the errors, exit 0 or 1
  --web.listen-address=ADDR   host:port to listen on (default: :9897; 127.0.0.1:0 picks a free port)
  --web.config.file=PATH      web config: tls_server_config and basic_auth_users (exporter-toolkit format)
  --log.level=LEVEL           debug, info, warn or error (default: info)
  --log.format=FORMAT         logfmt or json (default: logfmt)
  --version                   print the version and exit
  --help                      print this help and exit
`;

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const FORMATS = ['logfmt', 'json'] as const;

export function parseFlags(argv: string[]): Flags {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'config.file': { type: 'string' },
        'config.check': { type: 'boolean' },
        'web.listen-address': { type: 'string' },
        'web.config.file': { type: 'string' },
        'log.level': { type: 'string' },
        'log.format': { type: 'string' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new FlagError((err as Error).message.replace(/\. To specify.*$/s, ''));
  }
  const level = (values['log.level'] as string | undefined) ?? 'info';
  const format = (values['log.format'] as string | undefined) ?? 'logfmt';
  if (!(LEVELS as readonly string[]).includes(level))
    throw new FlagError(`--log.level: "${level}" is not one of ${LEVELS.join(', ')}`);
  if (!(FORMATS as readonly string[]).includes(format))
    throw new FlagError(`--log.format: "${format}" is not one of ${FORMATS.join(', ')}`);
  const listen = (values['web.listen-address'] as string | undefined) ?? ':9897';
  parseListenAddress(listen);
  return {
    configFile: (values['config.file'] as string | undefined) ?? 'config.yaml',
    configCheck: values['config.check'] === true,
    listenAddress: listen,
    ...(values['web.config.file'] ? { webConfigFile: values['web.config.file'] as string } : {}),
    logLevel: level as LogLevel,
    logFormat: format as LogFormat,
    version: values.version === true,
    help: values.help === true,
  };
}

/** `host:port`, `:port` (all interfaces) or `[v6]:port`. */
export function parseListenAddress(addr: string): { host?: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(addr);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new FlagError(`--web.listen-address: "${addr}" is not host:port`);
  const host = m[1] ?? m[2];
  return host ? { host, port } : { port };
}
