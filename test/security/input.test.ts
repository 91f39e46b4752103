// Hostile requests and broken files: /probe only ever collects configured names (no URL from a request is
// fetched), and a reload with any kind of broken file keeps the running configuration, its tokens included.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { startSimulator, type Simulator } from '../../src/simulators/common';
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { configYaml, m365Yaml } from '../helpers/two-targets';
import { upOf } from '../faults/helpers';

let m365: M365Simulator;
let canary: Simulator;
let ex: TestExporter;
let config: string;

beforeAll(async () => {
  m365 = await startM365Simulator({ version: 'v8', scale: { orgs: 1, jobs: 2 } });
  // Anything that reaches this server came from a URL in a request: it must stay untouched.
  canary = await startSimulator({ handler: () => ({ json: {} }) });
  config = configYaml('timeout: 5s, min_interval: 0s', [m365Yaml(m365.url)]);
  ex = await startTestExporter(config);
});
afterAll(async () => {
  await ex?.close();
  await Promise.all([m365?.close(), canary?.close()]);
});

describe('/probe?target= refuses anything that is not a configured name', () => {
  const refused = (): string[] => [
    canary.url,
    `${canary.url}/v8/Jobs`,
    `127.0.0.1:${canary.port}`,
    `//127.0.0.1:${canary.port}`,
    'file:///etc/passwd',
    '/etc/passwd',
    '../m365',
    'm365/../m365',
    './m365',
    'M365',
    ' m365',
    'm365 ',
    'm365\n',
    'm365\u0000',
    'm365%',
    'x'.repeat(5000),
    'ｍ365',
    '__proto__',
    'constructor',
    'toString',
  ];

  test('each with 400 and a plain-text reason', async () => {
    for (const name of refused()) {
      const r = await ex.get(`/probe?target=${encodeURIComponent(name)}`);
      expect([name.slice(0, 40), r.status]).toEqual([name.slice(0, 40), 400]);
      expect(r.headers['content-type']).toMatch(/^text\/plain/);
      expect(r.text).toMatch(/unknown target|missing parameter/);
    }
    expect(canary.requests).toEqual([]);
  });

  test('a repeated parameter is not a way around the check', async () => {
    const r = await ex.get(`/probe?target=m365&target=${encodeURIComponent(canary.url)}`);
    expect(r.status).toBe(400);
    expect(canary.requests).toEqual([]);
  });

  test('log exports refuse the same way', async () => {
    for (const name of refused().slice(0, 6)) {
      expect((await ex.post(`/-/log-exports?target=${encodeURIComponent(name)}&server=s1`)).status).toBe(400);
    }
    expect(canary.requests).toEqual([]);
  });
});

test('a reload with a broken file keeps the running configuration, its token and its last result', async () => {
  const first = await ex.get('/probe?target=m365');
  expect(upOf(first.text, 'm365')).toBe(1);
  const logins = m365.count(/\/token/);
  const broken: Array<[string, () => void]> = [
    ['empty file', () => writeFileSync(ex.configFile, '')],
    ['binary garbage', () => writeFileSync(ex.configFile, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b, 0x5b, 0x0a]))],
    ['YAML syntax error', () => writeFileSync(ex.configFile, `${config}\n  - name: [unclosed\n`)],
    ['duplicate target name', () => writeFileSync(ex.configFile, config + config.split('targets:\n')[1])],
    [
      'a YAML bomb',
      () =>
        writeFileSync(
          ex.configFile,
          `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
        ),
    ],
    ['deleted file', () => rmSync(ex.configFile)],
    [
      'a directory',
      () => {
        rmSync(ex.configFile);
        mkdirSync(ex.configFile);
      },
    ],
  ];
  for (const [what, breakIt] of broken) {
    rmSync(ex.configFile, { recursive: true, force: true });
    writeFileSync(ex.configFile, config);
    breakIt();
    const r = await ex.post('/-/reload');
    expect([what, r.status]).toEqual([what, 500]);
    expect(r.text.length).toBeGreaterThan(5);
    expect((await ex.get('/-/ready')).status).toBe(200);
    const probe = await ex.get('/probe?target=m365');
    expect([what, upOf(probe.text, 'm365')]).toEqual([what, 1]);
  }
  rmSync(ex.configFile, { recursive: true, force: true });
  writeFileSync(ex.configFile, config);
  expect((await ex.post('/-/reload')).status).toBe(200);
  expect(m365.count(/\/token/)).toBe(logins);
  expect((await ex.get('/metrics')).text).toContain('backup_exporter_config_last_reload_successful 1');
});
