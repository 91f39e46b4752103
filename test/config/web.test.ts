// The exporter-toolkit web configuration: TLS files, basic-auth users, strict keys with line numbers.
import * as path from 'node:path';
import bcrypt from 'bcryptjs';
import { ConfigError } from '../../src/config/load';
import { loadWebConfig } from '../../src/config/web';
import { selfSignedCert } from '../../src/simulators/common';
import { TempDir } from './helpers';

const tmp = new TempDir();
afterAll(() => tmp.remove());

const HASH = bcrypt.hashSync('right-password', 4);

async function problems(yaml: string): Promise<string[]> {
  const file = tmp.write('web.yml', yaml);
  try {
    await loadWebConfig(file);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.message.split('\n').map((l) => l.replace(`${tmp.dir}${path.sep}`, ''));
  }
  throw new Error('the web configuration loaded without error');
}

beforeAll(async () => {
  const a = await selfSignedCert();
  const b = await selfSignedCert();
  tmp.write('server.crt', a.cert);
  tmp.write('server.key', a.key);
  tmp.write('other.key', b.key);
  tmp.write('ca.crt', b.cert);
});

test('a full web config loads with the PEM files read (relative to the file)', async () => {
  const yaml = `tls_server_config:\n  cert_file: server.crt\n  key_file: ${path.join(tmp.dir, 'server.key')}\n  client_ca_file: ca.crt\n  client_auth_type: RequireAndVerifyClientCert\n  min_version: TLS13\nbasic_auth_users:\n  alice: ${HASH}\n`;
  const web = await loadWebConfig(tmp.write('web.yml', yaml));
  expect(web.basicAuthUsers).toEqual({ alice: HASH });
  expect(web.tls).toMatchObject({
    certFile: path.join(tmp.dir, 'server.crt'),
    keyFile: path.join(tmp.dir, 'server.key'),
    clientCaFile: path.join(tmp.dir, 'ca.crt'),
    clientAuthType: 'RequireAndVerifyClientCert',
    minVersion: 'TLS13',
  });
  expect(web.tls?.cert).toContain('BEGIN CERTIFICATE');
  expect(web.tls?.key).toContain('PRIVATE KEY');
  expect(web.tls?.clientCa).toContain('BEGIN CERTIFICATE');
});

test('defaults: no client certificate, TLS 1.2; an empty file means plain HTTP without authentication', async () => {
  const web = await loadWebConfig(
    tmp.write('web.yml', 'tls_server_config: { cert_file: server.crt, key_file: server.key }\n'),
  );
  expect(web.tls).toMatchObject({ clientAuthType: 'NoClientCert', minVersion: 'TLS12' });
  expect(web.basicAuthUsers).toBeUndefined();
  expect(await loadWebConfig(tmp.write('web.yml', ''))).toEqual({});
  expect(await loadWebConfig(tmp.write('web.yml', 'basic_auth_users:\n'))).toEqual({});
});

const bad: Array<[string, string, string[]]> = [
  [
    'unsupported keys',
    'rate_limit: { interval: 1s }\nhttp_server_config: { http2: false }\ntls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  max_version: TLS13\n',
    [
      'web.yml:1: rate_limit: unknown or unsupported key',
      'web.yml:2: http_server_config: unknown or unsupported key',
      'web.yml:6: tls_server_config.max_version: unknown or unsupported key',
    ],
  ],
  [
    'missing files and bad enums',
    'tls_server_config:\n  client_auth_type: Always\n  min_version: TLS14\n',
    [
      'web.yml:1: tls_server_config.cert_file: missing required key',
      'web.yml:1: tls_server_config.key_file: missing required key',
      'web.yml:2: tls_server_config.client_auth_type: must be one of: NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert',
      'web.yml:3: tls_server_config.min_version: must be one of: TLS10, TLS11, TLS12, TLS13',
    ],
  ],
  [
    'not a bcrypt hash',
    'basic_auth_users:\n  alice: plain-password\n  bob: 12\n',
    [
      'web.yml:2: basic_auth_users.alice: must be a bcrypt hash ($2y$...)',
      'web.yml:3: basic_auth_users.bob: expected a string, got a number (put the value in quotes)',
    ],
  ],
  [
    'unreadable files',
    'tls_server_config:\n  cert_file: nope.crt\n  key_file: server.key\n',
    ['web.yml:2: tls_server_config.cert_file: cannot read nope.crt (ENOENT)'],
  ],
  [
    'client CA without client_auth_type',
    'tls_server_config: { cert_file: server.crt, key_file: server.key, client_ca_file: ca.crt }\n',
    ['web.yml:1: tls_server_config.client_ca_file: set client_auth_type too: a client CA without it has no effect'],
  ],
  ['YAML syntax error', 'basic_auth_users:\n  alice: "x\n', ['web.yml:3: YAML syntax error: Missing closing "quote']],
];

test.each(bad)('%s', async (_name, yaml, expected) => {
  expect(await problems(yaml)).toEqual(expected);
});

test('a key that does not match the certificate is reported on cert_file', async () => {
  const lines = await problems('tls_server_config:\n  cert_file: server.crt\n  key_file: other.key\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^web\.yml:2: tls_server_config\.cert_file: not a usable certificate and key_file pair \(.+\)$/,
  );
});
