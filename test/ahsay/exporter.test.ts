// The whole exporter against the simulated CBS server: /probe through promtool, target health series, a
// failing report endpoint reported as that collector only, and bad credentials as a down target.
import { startAhsaySimulator, type AhsaySimulator } from '../../src/simulators/ahsay/server';
import type { TestExporter } from '../helpers/exporter';
import { promtoolCheckMetrics, requireBinary } from '../helpers/promtool';
import { startExporterWithCa, type SimExporter } from '../helpers/sim-exporter';

let sim: AhsaySimulator;
let run: SimExporter;
let ex: TestExporter;

beforeAll(async () => {
  sim = await startAhsaySimulator({ tls: true });
  run = await startExporterWithCa(
    sim,
    'ahsay-test-',
    (caFile) => `
global: { timeout: 10s, min_interval: 0s }
targets:
  - name: cbs
    product: ahsay
    url: ${sim.url}
    timezone: Asia/Hong_Kong
    tls: { ca_file: ${caFile} }
    auth: { username: api, password: secret-cbs }
`,
  );
  ex = run.ex;
});
afterAll(async () => {
  await run?.close();
  await sim?.close();
});

const collectors = ['jobs', 'runs', 'reports', 'progress'];
const health = (c: string, v: number): string =>
  `backup_target_collector_success{target="cbs",product="ahsay",collector="${c}"} ${v}`;

test('/probe: up, collectors, info, job series; promtool finds nothing; the password never shows', async () => {
  const r = await ex.get('/probe?target=cbs');
  expect(r.status).toBe(200);
  const t = r.text;
  expect(t).toContain('backup_target_up{target="cbs",product="ahsay"} 1');
  for (const c of collectors) expect(t).toContain(health(c, 1));
  expect(t).toContain('backup_target_info{target="cbs",product="ahsay",api_version="json"} 1');
  expect(t).toContain(
    'backup_job_status{target="cbs",product="ahsay",tenant="bob",job_id="1700000000011",job_name="Exchange Online",job_type="Office 365 Exchange Online",destination_id="-1700000000101",status="running"} 1',
  );
  expect(t).toContain('backup_job_last_run_progress_ratio{');
  expect(t).not.toContain('secret-cbs');
  expect(ex.logs()).not.toContain('secret-cbs');
  if (requireBinary('promtool')) expect(promtoolCheckMetrics(t)).toBe('');
});

test('/probe with the report endpoint failing: reports 0, others 1, no report series', async () => {
  sim.faults.push({ kind: 'status', status: 500, match: /GetBackupJobReport/ });
  try {
    // Finished runs' reports are cached from the first probe: only the running job's report is asked again.
    const t = (await ex.get('/probe?target=cbs')).text;
    expect(t).toContain(health('reports', 0));
    for (const c of ['jobs', 'runs', 'progress']) expect(t).toContain(health(c, 1));
    expect(t).not.toMatch(/backup_job_last_run_warnings\{[^}]*job_id="1700000000011"/);
    expect(t).toMatch(/backup_job_last_run_warnings\{[^}]*job_id="1700000000001"/);
  } finally {
    sim.faults = [];
  }
});

test('wrong credentials: the target is down with every collector 0', async () => {
  sim.password = 'rotated';
  try {
    const t = (await ex.get('/probe?target=cbs')).text;
    expect(t).toContain('backup_target_up{target="cbs",product="ahsay"} 0');
    for (const c of collectors) expect(t).toContain(health(c, 0));
    expect(t).not.toContain('backup_job_status{');
  } finally {
    sim.password = 'secret-cbs';
  }
});
