// Upstreams that echo the login back, in every encoding a server may use, next to a healthy target; secrets
// with `"`, `\`, `%`, `+`, spaces and non-ASCII characters. No form of any secret (nor a cut-off beginning
// of one) may appear in the logs (logfmt and JSON, debug level), /metrics, /probe?debug=true, the landing
// page or a failed reload's answer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { request } from 'undici';
import { createLogger, type LogFormat, SecretRedactor } from '../../src/common/log';
import { createRegistry } from '../../src/core/registry';
import { PRODUCTS } from '../../src/products';
import { type Running, startExporter } from '../../src/server/run';
import { startSimulator, type Simulator } from '../../src/simulators/common';
import { type M365Simulator, startM365Simulator } from '../../src/simulators/veeam_m365/server';
import { upOf } from '../faults/helpers';
import { HOSTILE, leaks, STYLES } from './encodings';

const dir = mkdtempSync(path.join(os.tmpdir(), 'secrets-echo-'));
let echo: Simulator;
let healthy: M365Simulator;
afterAll(async () => {
  await Promise.all([echo?.close(), healthy?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  echo = await startSimulator({
    handler: (req) => {
      const style = STYLES[req.path.split('/')[1] ?? ''];
      const pw = req.form().get('password') ?? '';
      if (!style) return undefined;
      const r = style(pw, req.body);
      return { status: r.status, headers: { 'content-type': r.type }, body: r.body };
    },
  });
  healthy = await startM365Simulator({ version: 'v8', password: HOSTILE[0], scale: { orgs: 1, jobs: 2 } });
});

function target(name: string, url: string, secret: string): string {
  const file = path.join(dir, `${name}.pw`);
  writeFileSync(file, `${secret}\n`);
  return `  - name: ${name}\n    product: veeam_m365\n    url: ${url}\n    api_version: v8\n    auth: { username: monitor, password_file: ${file} }\n`;
}

function config(): string {
  const targets = [target('healthy', healthy.url, HOSTILE[0] as string)];
  HOSTILE.forEach((secret, i) => {
    for (const style of Object.keys(STYLES)) targets.push(target(`${style}-${i}`, `${echo.url}/${style}`, secret));
  });
  return `global: { timeout: 5s, min_interval: 0s }\ntargets:\n${targets.join('')}`;
}

interface Run {
  running: Running;
  configFile: string;
  /** Everything logged and served so far. */
  seen: string[];
}

/** The exporter on `config()`, logging at debug level in `format`; the object is filled in by `beforeAll`. */
function useExporter(format: LogFormat): Run {
  const run = { seen: [] as string[], configFile: path.join(dir, `config-${format}.yaml`) } as Run;
  beforeAll(async () => {
    writeFileSync(run.configFile, config());
    const out = new Writable({
      write(chunk: Buffer, _e, done) {
        run.seen.push(chunk.toString());
        done();
      },
    });
    const redactor = new SecretRedactor();
    const log = createLogger({ level: 'debug', format, redactor, out });
    const products = createRegistry(PRODUCTS);
    const { configFile } = run;
    run.running = await startExporter({ configFile, listenAddresses: ['127.0.0.1:0'], products, log, redactor });
  });
  afterAll(() => run.running?.close());
  return run;
}

describe.each<LogFormat>(['logfmt', 'json'])('logs as %s', (format) => {
  const run = useExporter(format);
  const configFile = run.configFile;
  async function serve(p: string, method: 'GET' | 'POST' = 'GET'): Promise<string> {
    const r = await request(`${run.running.url}${p}`, { method });
    const text = await r.body.text();
    run.seen.push(`${method} ${p} ${r.statusCode}\n${text}`);
    return text;
  }

  test('the healthy target is up, every echoing one down with its reason', async () => {
    const metrics = await serve('/metrics');
    expect(upOf(metrics, 'healthy')).toBe(1);
    for (const style of Object.keys(STYLES)) expect(upOf(metrics, `${style}-1`)).toBe(0);
    expect(echo.requests.length).toBeGreaterThanOrEqual(HOSTILE.length * Object.keys(STYLES).length);
  });

  test('debug probes of every target, the landing page', async () => {
    for (const style of Object.keys(STYLES)) {
      for (let i = 0; i < HOSTILE.length; i++) {
        const text = await serve(`/probe?target=${style}-${i}&debug=true`);
        expect(text).toMatch(/# errors\ntarget down: /);
      }
    }
    expect(await serve('/probe?target=healthy&debug=true')).toContain('backup_target_up{target="healthy"');
    await serve('/');
  });

  test('failed reloads answer 500 with the problems, hiding the secrets of the running and the new file', async () => {
    const good = config();
    const bad = [
      `${good}  - name: broken\n    product: veeam_m365\n    url: ${echo.url}?pw=${encodeURIComponent(HOSTILE[1] as string)}\n    auth: { username: u, password: x }\n`,
      good.replace('global: {', `global: { pasword: "${(HOSTILE[2] as string).replace(/[\\"]/g, '\\$&')}",`),
    ];
    for (const text of bad) {
      writeFileSync(configFile, text);
      expect(await serve('/-/reload', 'POST')).toMatch(/config-\w+\.yaml:\d+: /);
    }
    writeFileSync(configFile, good);
    expect(await serve('/-/reload', 'POST')).toBe('OK\n');
  });

  test('no form of any secret in anything served or logged', () => {
    const everything = run.seen.join('\n');
    expect(everything).toMatch(/msg"?[=:]"target down"/);
    expect(leaks(everything)).toEqual([]);
  });
});
