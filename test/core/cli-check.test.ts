// --config.check: the configuration and the web config are both checked, and every problem of both is printed
// in one run, each as file:line: key: what; exit 1. Valid files print `config OK`, exit 0.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/main';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

async function check(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((c) => {
    out += String(c);
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((c) => {
    err += String(c);
    return true;
  });
  try {
    const code = await main(['--config.check', ...args]);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

test('both files valid: config OK', async () => {
  const config = file('ok.yaml', 'targets: []\n');
  const web = file('ok-web.yaml', 'http_server_config:\n  headers: { X-Frame-Options: deny }\n');
  expect(await check([`--config.file=${config}`, `--web.config.file=${web}`])).toEqual({
    code: 0,
    out: 'config OK\n',
    err: '',
  });
});

test('every problem of both files in one run, each with file, line and key', async () => {
  const config = file(
    'bad.yaml',
    `global:
  inventory_tll: 5m
targets:
  - name: m365
    product: veeam_m365
    url: ftp://x
    timeout: 5
    jobs: { include: ['('] }
    auth: { username: u, password_file: missing-pw }
`,
  );
  const web = file(
    'bad-web.yaml',
    'tls_server_config:\n  cert_file: none.crt\n  key_file: none.key\nbasic_auth_users:\n  alice: plain\nhttp_server_config: { headers: { Server: x } }\n',
  );
  const r = await check([`--config.file=${config}`, `--web.config.file=${web}`]);
  expect(r.code).toBe(1);
  expect(r.out).toBe('');
  expect(r.err.trimEnd().split('\n')).toEqual([
    `${config}:2: global.inventory_tll: unknown key (did you mean inventory_ttl?)`,
    `${config}:6: targets[0].url: must start with http:// or https://`,
    `${config}:7: targets[0].timeout: expected a duration (use e.g. 500ms, 30s, 5m, 1h, 7d, 1w, 1y or 1h30m)`,
    `${config}:8: targets[0].jobs.include[0]: invalid regular expression: Unterminated group`,
    `${config}:9: targets[0].auth.password_file: cannot read missing-pw (ENOENT)`,
    `${web}:2: tls_server_config.cert_file: cannot read none.crt (ENOENT)`,
    `${web}:3: tls_server_config.key_file: cannot read none.key (ENOENT)`,
    `${web}:5: basic_auth_users.alice: must be a bcrypt hash ($2y$...)`,
    `${web}:6: http_server_config.headers.Server: cannot be configured (only Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection, Content-Security-Policy)`,
  ]);
});
