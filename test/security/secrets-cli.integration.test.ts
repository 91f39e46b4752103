// The program as users run it (`node dist/main.js`, built by `npm test`): what it prints on stdout and stderr
// for `--config.check` errors and while running against upstreams that echo credentials back never contains a
// configured secret.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { startSimulator, type Simulator } from '../../src/simulators/common';

const MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'secrets-cli-'));
const PW = 'Qx9-cli-password-LIT';
const ENV_PW = 'Qx9-cli-password-ENV';
const FILE_TOKEN = 'Qx9-cli-token-FILE';
const SECRETS = [PW, ENV_PW, FILE_TOKEN];
const env = { ...process.env, SECRETS_CLI_PW: ENV_PW };

writeFileSync(path.join(dir, 'token'), `${FILE_TOKEN}\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(url: string): string {
  return `global: { timeout: 3s, min_interval: 0s }
targets:
  - name: m365
    product: veeam_m365
    url: ${url}
    auth: { username: monitor, password: ${PW} }
  - name: m365-env
    product: veeam_m365
    url: ${url}
    api_version: v8
    auth: { username: monitor, password: \${SECRETS_CLI_PW} }
  - name: dc
    product: huawei_clouddc
    url: ${url}
    project_id: p1
    auth: { token_file: ${path.join(dir, 'token')} }
`;
}

const expectClean = (text: string): void => {
  for (const s of SECRETS) expect(text.includes(s) ? text : '').toBe('');
};

test.each([
  ['YAML error on the secret line', (c: string) => c.replace(`password: ${PW} }`, `password: ${PW} ]`)],
  ['unknown key next to a secret', (c: string) => c.replace(`password: ${PW} }`, `password: ${PW}, passwd: ${PW} }`)],
  ['wrong type of a secret', (c: string) => c.replace(`password: ${PW} }`, `password: [${PW}] }`)],
  ['secret in a bad url', (c: string) => c.replace('url: http://127.0.0.1:1', `url: ftp://monitor:${PW}@127.0.0.1:1`)],
  ['missing env var next to secrets', (c: string) => c.replace('SECRETS_CLI_PW', 'SECRETS_CLI_UNSET')],
])('--config.check: %s', (_name, breakIt) => {
  const file = path.join(dir, 'bad.yaml');
  writeFileSync(file, breakIt(config('http://127.0.0.1:1')));
  const r = spawnSync(process.execPath, [MAIN, '--config.check', `--config.file=${file}`], {
    encoding: 'utf8',
    env,
    timeout: 20_000,
  });
  expect(r.status).toBe(1);
  expect(r.stdout + r.stderr).toMatch(/bad\.yaml/);
  expectClean(r.stdout + r.stderr);
});

describe('running against upstreams that echo the request', () => {
  let echo: Simulator;
  beforeAll(async () => {
    echo = await startSimulator({
      handler: (req) => ({ status: 401, json: { headers: req.headers, body: req.body, query: req.query.toString() } }),
    });
  });
  afterAll(() => echo?.close());

  test('stdout, stderr and every served body stay clean at debug level', async () => {
    const file = path.join(dir, 'run.yaml');
    writeFileSync(file, config(echo.url));
    const child = spawn(
      process.execPath,
      [MAIN, `--config.file=${file}`, '--web.listen-address=127.0.0.1:0', '--log.level=debug'],
      { env },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    try {
      const port = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 15_000);
        const check = (): void => {
          const m = /listening.*?address"?[=:]"?[^"\s]*:(\d+)/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          } else setTimeout(check, 50);
        };
        check();
      });
      const bodies: string[] = [];
      for (const p of [
        '/metrics',
        '/probe?target=m365&debug=true',
        '/probe?target=m365-env&debug=true',
        '/probe?target=dc&debug=true',
        '/',
      ]) {
        const r = await request(`http://127.0.0.1:${port}${p}`);
        bodies.push(await r.body.text());
      }
      expect(echo.requests.length).toBeGreaterThanOrEqual(3);
      expect(bodies.join('\n')).toContain('target down: auth');
      expectClean(bodies.join('\n'));
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(out).toMatch(/target down/);
    expectClean(out);
  });
});
