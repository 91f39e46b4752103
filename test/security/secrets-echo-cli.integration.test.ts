// The program as users run it (`node dist/main.js`): against upstreams that echo the password grant back in
// every encoding, and for --config.check of a broken file, neither stdout nor stderr (logfmt or JSON, debug
// level) nor any served body contains a form of a configured secret.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { startSimulator, type Simulator } from '../../src/simulators/common';
import { HOSTILE, leaks, STYLES } from './encodings';

const MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'secrets-echo-cli-'));
let echo: Simulator;

beforeAll(async () => {
  echo = await startSimulator({
    handler: (req) => {
      const style = STYLES[req.path.split('/')[1] ?? ''];
      if (!style) return undefined;
      const r = style(req.form().get('password') ?? '', req.body);
      return { status: r.status, headers: { 'content-type': r.type }, body: r.body };
    },
  });
});
afterAll(async () => {
  await echo?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(url: string): string {
  const targets = HOSTILE.flatMap((secret, i) => {
    const file = path.join(dir, `pw-${i}`);
    writeFileSync(file, `${secret}\n`);
    return Object.keys(STYLES).map(
      (style) =>
        `  - name: ${style}-${i}\n    product: veeam_m365\n    url: ${url}/${style}\n    api_version: v8\n    auth: { username: monitor, password_file: ${file} }\n`,
    );
  });
  return `global: { timeout: 5s, min_interval: 0s }\ntargets:\n${targets.join('')}`;
}

async function runAndScrape(format: string): Promise<string> {
  const file = path.join(dir, `run-${format}.yaml`);
  writeFileSync(file, config(echo.url));
  const args = [MAIN, `--config.file=${file}`, '--web.listen-address=127.0.0.1:0', '--log.level=debug'];
  const child = spawn(process.execPath, [...args, `--log.format=${format}`]);
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  try {
    // logfmt writes the message first, JSON last.
    const listening = /^(?=.*listening).*address"?[=:]"?[^"\s]*:(\d+)/m;
    const port = await waitFor(() => listening.exec(out)?.[1]);
    for (const p of ['/metrics', ...Object.keys(STYLES).map((s) => `/probe?target=${s}-1&debug=true`), '/']) {
      const r = await request(`http://127.0.0.1:${port}${p}`);
      out += await r.body.text();
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  return out;
}

test.each(['logfmt', 'json'])(
  'running, logs as %s: stdout, stderr and answers stay clean',
  async (format) => {
    const out = await runAndScrape(format);
    expect(out).toMatch(/target down/);
    expect(out).toMatch(/# errors\ntarget down: /);
    expect(leaks(out)).toEqual([]);
  },
  60_000,
);

test('--config.check of a broken file names the problems, never a secret', () => {
  const file = path.join(dir, 'bad.yaml');
  const broken = config('http://127.0.0.1:1')
    .replace('global: {', `global: { pasword: '${(HOSTILE[3] as string).replace(/'/g, "''")}',`)
    .replace('url: http://127.0.0.1:1/form', `url: ftp://127.0.0.1:1/?p=${encodeURIComponent(HOSTILE[0] as string)}`);
  writeFileSync(file, broken);
  const r = spawnSync(process.execPath, [MAIN, '--config.check', `--config.file=${file}`], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/bad\.yaml:\d+: global\.pasword/);
  expect(leaks(r.stdout + r.stderr)).toEqual([]);
});

async function waitFor<T>(get: () => T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
