// The exporter-toolkit web configuration (--web.config.file): TLS for the exporter's own listener, extra
// response headers, and basic authentication with bcrypt hashes. Same keys as Prometheus' exporters, so users
// can reuse their files; keys this exporter does not implement are errors rather than silently ignored.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createSecureContext } from 'node:tls';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { addIssues } from './issues';
import { lenient } from './lenient';
import { errorMap } from './messages';
import { ConfigError, type KeyPath, lineOf, Problems, syntaxError, toData } from './problems';
import { checkHeaders, httpServerSchema } from './web-http';

export const CLIENT_AUTH_TYPES = [
  'NoClientCert',
  'RequestClientCert',
  'RequireAnyClientCert',
  'VerifyClientCertIfGiven',
  'RequireAndVerifyClientCert',
] as const;
export type ClientAuthType = (typeof CLIENT_AUTH_TYPES)[number];
export const TLS_VERSIONS = ['TLS10', 'TLS11', 'TLS12', 'TLS13'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

export interface WebTlsConfig {
  certFile: string;
  keyFile: string;
  /** PEM text read at load. */
  cert: string;
  key: string;
  clientCaFile?: string;
  clientCa?: string;
  clientAuthType: ClientAuthType;
  /** Default TLS12, as in exporter-toolkit. */
  minVersion: TlsVersion;
}

export interface WebConfig {
  tls?: WebTlsConfig;
  /** `http_server_config.headers`: added to every answer. */
  headers?: Readonly<Record<string, string>>;
  /** user → bcrypt hash; undefined when no user is configured (no authentication). */
  basicAuthUsers?: Readonly<Record<string, string>>;
}

const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

const tlsSchema = z.strictObject({
  cert_file: z.string().min(1),
  key_file: z.string().min(1),
  client_ca_file: z.string().min(1).optional(),
  client_auth_type: z.enum(CLIENT_AUTH_TYPES).optional(),
  min_version: z.enum(TLS_VERSIONS).optional(),
});

const schema = z.strictObject({
  tls_server_config: tlsSchema.optional(),
  http_server_config: httpServerSchema.optional(),
  basic_auth_users: z
    .record(z.string(), z.string().regex(BCRYPT, { error: 'must be a bcrypt hash ($2y$...)' }))
    .nullish(),
});

/** exporter-toolkit keys this exporter does not implement: a clearer message than "unknown key". */
const TOOLKIT_ONLY: Record<string, readonly string[]> = {
  '': ['rate_limit'],
  tls_server_config: [
    'cert',
    'key',
    'client_ca',
    'client_allowed_sans',
    'max_version',
    'cipher_suites',
    'prefer_server_cipher_suites',
    'curve_preferences',
  ],
};

function toolkitOnly(path: KeyPath, key: string): string | undefined {
  return TOOLKIT_ONLY[path.join('.')]?.includes(key) ? 'not supported by this exporter' : undefined;
}

/**
 * Reads and validates a web configuration file; throws ConfigError (file:line: key: problem) with every
 * problem: TLS files are read and headers checked even when another key is wrong.
 */
export async function loadWebConfig(file: string): Promise<WebConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError([
      `${file}: cannot read web configuration file (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw syntaxError(doc.errors, lc, file, text);
  const problems = new Problems();
  const data = toData(doc, lc, file) ?? {};
  const parsed = schema.safeParse(data, { error: errorMap });
  if (!parsed.success) addIssues(problems, parsed.error.issues, [], { schema, unknown: toolkitOnly });
  const raw = (parsed.success ? parsed.data : lenient(schema).parse(data)) as Partial<z.output<typeof schema>>;
  const out = await webConfig(raw, path.dirname(path.resolve(file)), problems);
  if (problems.size > 0) throw problems.toError(file, (p: KeyPath) => lineOf(doc, lc, p));
  return out;
}

async function webConfig(raw: Partial<z.output<typeof schema>>, dir: string, problems: Problems): Promise<WebConfig> {
  const users = raw.basic_auth_users ?? {};
  const out: WebConfig = Object.keys(users).length > 0 ? { basicAuthUsers: users } : {};
  const t = raw.tls_server_config;
  if (t?.cert_file !== undefined && t.key_file !== undefined) out.tls = await readTls(t, dir, problems);
  const headers = checkHeaders(raw.http_server_config?.headers ?? {}, problems);
  if (Object.keys(headers).length > 0) out.headers = headers;
  return out;
}

type TlsRaw = z.output<typeof tlsSchema>;

/** Reads the PEM files; relative names are relative to the web config file, as in exporter-toolkit. */
async function readTls(t: TlsRaw, dir: string, problems: Problems): Promise<WebTlsConfig> {
  const read = async (key: string, name: string): Promise<string> => {
    try {
      return await readFile(path.resolve(dir, name), 'utf8');
    } catch (err) {
      problems.add(
        ['tls_server_config', key],
        `cannot read ${name} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
      return '';
    }
  };
  const tls: WebTlsConfig = {
    certFile: path.resolve(dir, t.cert_file),
    keyFile: path.resolve(dir, t.key_file),
    cert: await read('cert_file', t.cert_file),
    key: await read('key_file', t.key_file),
    clientAuthType: t.client_auth_type ?? 'NoClientCert',
    minVersion: t.min_version ?? 'TLS12',
  };
  if (t.client_ca_file !== undefined) {
    tls.clientCaFile = path.resolve(dir, t.client_ca_file);
    tls.clientCa = await read('client_ca_file', t.client_ca_file);
    // exporter-toolkit refuses this combination too: the CA would silently do nothing.
    if (tls.clientAuthType === 'NoClientCert') {
      problems.add(
        ['tls_server_config', 'client_ca_file'],
        'set client_auth_type too: a client CA without it has no effect',
      );
    }
  }
  if (tls.cert !== '' && tls.key !== '' && tls.clientCa !== '') checkKeyPair(tls, problems);
  return tls;
}

/** A broken certificate, key or CA is reported now, with the file, rather than when the listener starts. */
function checkKeyPair(tls: WebTlsConfig, problems: Problems): void {
  try {
    createSecureContext({ cert: tls.cert, key: tls.key });
  } catch (err) {
    problems.add(
      ['tls_server_config', 'cert_file'],
      `not a usable certificate and key_file pair (${opensslReason(err)})`,
    );
  }
  if (tls.clientCa === undefined) return;
  try {
    createSecureContext({ ca: tls.clientCa });
  } catch (err) {
    problems.add(['tls_server_config', 'client_ca_file'], `not a usable CA bundle (${opensslReason(err)})`);
  }
}

function opensslReason(err: unknown): string {
  return (err as Error).message.replace(/^error:[0-9A-F]+:/, '');
}
