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

test("http_server_config as exporter-toolkit's own good example: headers kept, http2 accepted", async () => {
  const yaml = `http_server_config:
  http2: false
  headers:
    X-Frame-Options: deny
    Strict-Transport-Security: max-age=31536000; includeSubDomains
    X-Content-Type-Options: nosniff
    X-XSS-Protection: 1
    Content-Security-Policy: "default-src 'self' *.test.example.net"
`;
  const web = await loadWebConfig(tmp.write('web.yml', yaml));
  expect(web.headers).toEqual({
    'X-Frame-Options': 'deny',
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'X-XSS-Protection': '1',
    'Content-Security-Policy': "default-src 'self' *.test.example.net",
  });
  const blank = await loadWebConfig(
    tmp.write('web.yml', 'http_server_config:\n  http2: true\n  headers:\n    X-XSS-Protection:\n'),
  );
  expect(blank).toEqual({});
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
      'web.yml:1: rate_limit: not supported by this exporter',
      'web.yml:6: tls_server_config.max_version: not supported by this exporter',
    ],
  ],
  [
    'headers exporter-toolkit does not allow, or with values it does not allow (its testdata)',
    'http_server_config:\n  headers:\n    Content-Type: foo\n    X-Content-Type-Options: sniff\n    X-Frame-Options: foo\n    x-frame-options: deny\n    Server: x\n',
    [
      'web.yml:3: http_server_config.headers.Content-Type: cannot be configured (only Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection, Content-Security-Policy)',
      'web.yml:4: http_server_config.headers.X-Content-Type-Options: must be one of: nosniff',
      'web.yml:5: http_server_config.headers.X-Frame-Options: must be one of: deny, sameorigin',
      'web.yml:6: http_server_config.headers.x-frame-options: cannot be configured (did you mean X-Frame-Options?) (only Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection, Content-Security-Policy)',
      'web.yml:7: http_server_config.headers.Server: cannot be configured (only Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection, Content-Security-Policy)',
    ],
  ],
  [
    'every problem of the file in one run: keys, values, files, headers',
    'tls_server_config:\n  cert_file: nope.crt\n  key_file: server.key\n  min_versoin: TLS13\nhttp_server_config:\n  http2: maybe\n  headers: { X-Frame-Options: allow }\nbasic_auth_users:\n  alice: plain\nbasic_auth_user: {}\n',
    [
      'web.yml:2: tls_server_config.cert_file: cannot read nope.crt (ENOENT)',
      'web.yml:4: tls_server_config.min_versoin: unknown key (did you mean min_version?)',
      'web.yml:6: http_server_config.http2: expected true or false, got a string',
      'web.yml:7: http_server_config.headers.X-Frame-Options: must be one of: deny, sameorigin',
      'web.yml:9: basic_auth_users.alice: must be a bcrypt hash ($2y$...)',
      'web.yml:10: basic_auth_user: unknown key (did you mean basic_auth_users?)',
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
