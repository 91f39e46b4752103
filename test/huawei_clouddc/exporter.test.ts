// The whole exporter against the CloudDC simulator: /probe output through promtool, and POST /-/log-exports.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startHuaweiSimulator, type HuaweiSimulator } from '../../src/simulators/huawei_clouddc/server';
import type { TestExporter } from '../helpers/exporter';
import { promtoolCheckMetrics, requireBinary } from '../helpers/promtool';
import { startExporterWithCa, type SimExporter } from '../helpers/sim-exporter';
import { until } from './helpers';

let sim: HuaweiSimulator;
let run: SimExporter;
let ex: TestExporter;
// Sorted ids: the scheduler (which starts right after load) begins with the first and then waits 10 s.
let first: string;
let second: string;

beforeAll(async () => {
  sim = await startHuaweiSimulator({ tls: true, scale: { servers: 6 } });
  [first, second] = sim.servers
    .slice(0, 2)
    .map((s) => s.id)
    .sort() as [string, string];
  const { iam } = sim.credentials;
  run = await startExporterWithCa(
    sim,
    'huawei-clouddc-test-',
    (caFile, dir) => `
global: { timeout: 5s, min_interval: 0s }
targets:
  - name: clouddc
    product: huawei_clouddc
    url: ${sim.url}
    project_id: ${sim.projectId}
    tls: { ca_file: ${caFile} }
    auth:
      iam: { url: ${sim.url}, domain: ${iam.domain}, username: ${iam.username}, password: ${iam.password} }
    servers: [${first}, ${second}]
    log_exports:
      every: 24h
      state_file: ${path.join(dir, 'state.json')}
  - name: plain
    product: huawei_clouddc
    url: ${sim.url}
    project_id: ${sim.projectId}
    tls: { ca_file: ${caFile} }
    auth: { token: ${sim.credentials.tokens[0]} }
  - name: quiet
    product: huawei_clouddc
    url: ${sim.url}
    project_id: ${sim.projectId}
    tls: { ca_file: ${caFile} }
    auth: { token: ${sim.credentials.tokens[0]} }
    collectors: { exclude: [log_exports] }
    log_exports:
      state_file: ${path.join(dir, 'quiet-state.json')}
`,
  );
  ex = run.ex;
});
afterAll(async () => {
  await run?.close();
  await sim?.close();
});

test('POST /-/log-exports: 202 with the id, 409 while processing, 400 for unselected servers and targets without log_exports', async () => {
  const ok = await ex.post(`/-/log-exports?target=clouddc&server=${second}`);
  expect(ok.status).toBe(202);
  expect(JSON.parse(ok.text)).toEqual({ target: 'clouddc', server: second, export_id: '1' });
  expect((await ex.post(`/-/log-exports?target=clouddc&server=${second}`)).status).toBe(409);
  const other = sim.servers.map((s) => s.id).find((id) => id !== first && id !== second)!;
  expect((await ex.post(`/-/log-exports?target=clouddc&server=${other}`)).status).toBe(400);
  expect((await ex.post(`/-/log-exports?target=plain&server=${first}`)).status).toBe(400);
});

test('POST /-/log-exports: 400 without a server, and for a target whose log_exports collector is excluded', async () => {
  const missing = await ex.post('/-/log-exports?target=clouddc');
  expect(missing).toEqual({ status: 400, text: 'missing parameter "server"\n' });
  const excluded = await ex.post(`/-/log-exports?target=quiet&server=${first}`);
  expect(excluded).toEqual({ status: 400, text: 'target quiet has no log_exports (excluded by its collectors)\n' });
  // Neither the action nor a scheduler of that target wrote its state file.
  expect(existsSync(path.join(run.dir, 'quiet-state.json'))).toBe(false);
});

test('/probe shows servers and export series, passes promtool, and never leaks the password', async () => {
  const r = await ex.get('/probe?target=clouddc');
  expect(r.status).toBe(200);
  expect(r.text).toContain('backup_target_up{target="clouddc",product="huawei_clouddc"} 1');
  expect(r.text).toContain(
    'backup_target_collector_success{target="clouddc",product="huawei_clouddc",collector="log_exports"} 1',
  );
  expect(r.text).toContain('backup_target_info{target="clouddc",product="huawei_clouddc",api_version="v1"} 1');
  expect(r.text).toMatch(
    new RegExp(`backup_log_export_status\\{[^}]*server_id="${second}"[^}]*state="processing"\\} 1`),
  );
  expect(r.text).not.toContain(sim.credentials.iam.password);
  if (requireBinary('promtool')) expect(promtoolCheckMetrics(r.text)).toBe('');
  const debug = await ex.get('/probe?target=clouddc&debug=true');
  expect(debug.text).not.toContain(sim.credentials.iam.password);
});

test('log export lines all carry the target; scheduled and manual starts are logged at info with the server', async () => {
  const started = (server: string, trigger: string) =>
    new RegExp(`level=info msg="log export started" target=clouddc server=${server} export_id=\\S+ trigger=${trigger}`);
  await until(() => started(first, 'scheduled').test(ex.logs()), 5000, 'the scheduled start');
  expect(ex.logs()).toMatch(started(second, 'manual'));
  const product = ex
    .logs()
    .split('\n')
    .filter((l) => /msg="[^"]*(export|CloudDC|IAM)/i.test(l));
  expect(product.length).toBeGreaterThanOrEqual(2);
  for (const line of product) expect(line).toMatch(/ target=(clouddc|plain|quiet) /);
});
