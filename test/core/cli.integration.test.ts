// The program as users run it: `node dist/main.js` (built by `npm test` before jest runs).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-exporter-cli-'));
const good = path.join(dir, 'good.yaml');
const bad = path.join(dir, 'bad.yaml');
writeFileSync(good, 'targets: []\n');
writeFileSync(
  bad,
  'targets:\n  - name: x\n    product: veeam_m365\n    url: ftp://nope\n    auth: { username: u, password: hunter2hunter2 }\n',
);

function run(args: string[]) {
  return spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 20_000 });
}

describe('command line', () => {
  test('--version prints version, revision and Node version', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^backup-exporter, version \d+\.\d+\.\d+ \(revision: \S+\)\n {2}node: v\d+/);
  });

  test('--help lists every flag', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const f of [
      '--config.file',
      '--config.check',
      '--web.listen-address',
      '--web.config.file',
      '--log.level',
      '--log.format',
    ]) {
      expect(r.stdout).toContain(f);
    }
  });

  test.each([
    [['--nope'], /--nope/],
    [['--log.level=verbose'], /--log\.level/],
    [['--log.format', 'xml'], /--log\.format/],
    [['--web.listen-address=nowhere'], /--web\.listen-address/],
  ])('an unusable flag %p exits 1 naming it', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('command line: configuration and exit codes', () => {
  test('--config.check prints config OK, or the errors with file and line, never the secret', () => {
    const ok = run([`--config.file=${good}`, '--config.check']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('config OK\n');
    const ko = run(['--config.file', bad, '--config.check']);
    expect(ko.status).toBe(1);
    expect(ko.stderr).toContain(`${bad}:4: targets[0].url:`);
    expect(ko.stderr).not.toContain('hunter2');
  });

  test('an invalid configuration at start exits 1', () => {
    const r = run([`--config.file=${bad}`, '--web.listen-address=127.0.0.1:0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/invalid configuration/);
  });

  test('a busy port exits 2', async () => {
    const blocker = net.createServer();
    await new Promise<void>((res) => blocker.listen(0, '127.0.0.1', res));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = run([`--config.file=${good}`, `--web.listen-address=127.0.0.1:${port}`]);
    blocker.close();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot listen/);
  });

  test('logs the picked port, reloads on SIGHUP and stops with 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [
      MAIN,
      `--config.file=${good}`,
      '--web.listen-address=127.0.0.1:0',
      '--log.format=json',
    ]);
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    await waitFor(() => /"msg":"listening"/.test(err));
    expect(err).toMatch(/"address":"127\.0\.0\.1:\d+"/);
    child.kill('SIGHUP');
    await waitFor(() => /configuration reloaded/.test(err));
    const code = await new Promise<number | null>((res) => {
      child.on('exit', res);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
});

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
