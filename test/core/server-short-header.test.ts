// Contract section 2: a collection whose deadline a caller's short X-Prometheus-Scrape-Timeout-Seconds cut below
// the target's timeout is neither joined by nor, once it ran out of time, served to a request whose deadline is
// later. One caller's short header must not make a slow target read as down for everyone else.
import { writeFileSync } from 'node:fs';
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { upOf } from '../faults/helpers';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { configYaml, m365Yaml } from '../helpers/two-targets';

let sim: M365Simulator;
let ex: TestExporter;

beforeAll(async () => {
  // Each upstream answer takes 300 ms: far more than the 0.1 s that a 0.55 s header leaves.
  sim = await startM365Simulator({ version: 'v8', scale: { orgs: 1, jobs: 2 } });
  sim.latencyMs = 300;
  ex = await startTestExporter(configYaml('timeout: 10s, min_interval: 5m', [m365Yaml(sim.url)]));
});
afterAll(async () => {
  await ex?.close();
  await sim?.close();
});

const SHORT = { 'X-Prometheus-Scrape-Timeout-Seconds': '0.55' };
const timeoutOf = (text: string): number =>
  Number(/^backup_target_scrape_timeout_seconds\{[^}]*\} (\S+)$/m.exec(text)?.[1]);

test('a short-header scrape times out; a normal one right after, within min_interval, collects afresh', async () => {
  const short = await ex.get('/probe?target=m365', SHORT);
  expect(upOf(short.text, 'm365')).toBe(0);
  expect(timeoutOf(short.text)).toBe(0.1);
  const before = sim.requests.length;
  const normal = await ex.get('/probe?target=m365');
  expect(upOf(normal.text, 'm365')).toBe(1);
  expect(timeoutOf(normal.text)).toBe(10);
  expect(sim.requests.length).toBeGreaterThan(before);
  // That good collection is what min_interval now reuses, for short headers too.
  const again = await ex.get('/probe?target=m365', SHORT);
  expect(upOf(again.text, 'm365')).toBe(1);
  expect(timeoutOf(again.text)).toBe(10);
});

test('a normal scrape arriving while a short one is in flight does not join it', async () => {
  // A fresh target name, so that nothing is reused from the test above.
  const config = configYaml('timeout: 10s, min_interval: 5m', [m365Yaml(sim.url, { name: 'other' })]);
  writeFileSync(ex.configFile, config);
  expect((await ex.post('/-/reload')).status).toBe(200);
  const short = ex.get('/probe?target=other', SHORT);
  await new Promise((r) => setTimeout(r, 30));
  const normal = await ex.get('/probe?target=other');
  expect(upOf((await short).text, 'other')).toBe(0);
  expect(upOf(normal.text, 'other')).toBe(1);
  expect(timeoutOf(normal.text)).toBe(10);
});
