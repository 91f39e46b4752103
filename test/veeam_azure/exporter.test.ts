// The whole exporter against the simulated appliance: /probe through promtool, target health series, and a
// failing logs endpoint reported as that collector only.
import { startVeeamAzureSimulator, type AzureSimulator } from '../../src/simulators/veeam_azure/server';
import type { TestExporter } from '../helpers/exporter';
import { promtoolCheckMetrics, requireBinary } from '../helpers/promtool';
import { startExporterWithCa, type SimExporter } from '../helpers/sim-exporter';

let sim: AzureSimulator;
let run: SimExporter;
let ex: TestExporter;

beforeAll(async () => {
  sim = await startVeeamAzureSimulator({ tls: true, maxPageSize: 5 });
  run = await startExporterWithCa(
    sim,
    'azure-test-',
    (caFile) => `
global: { timeout: 5s, min_interval: 0s }
targets:
  - name: azure
    product: veeam_azure
    url: ${sim.url}
    tls: { ca_file: ${caFile} }
    auth: { username: monitor, password: secret-azure }
`,
  );
  ex = run.ex;
});
afterAll(async () => {
  await run?.close();
  await sim?.close();
});

test('/probe: up, collectors, info, job series; promtool finds nothing; the password never shows', async () => {
  const r = await ex.get('/probe?target=azure');
  expect(r.status).toBe(200);
  const t = r.text;
  expect(t).toContain('backup_target_up{target="azure",product="veeam_azure"} 1');
  const collectors = ['jobs', 'sessions', 'logs', 'repositories', 'license', 'coverage', 'storage'];
  for (const c of collectors)
    expect(t).toContain(`backup_target_collector_success{target="azure",product="veeam_azure",collector="${c}"} 1`);
  // The contract's order (section 4.1).
  expect([...t.matchAll(/collector_success\{[^}]*collector="(\w+)"/g)].map((m) => m[1])).toEqual(collectors);
  expect(t).toContain(
    'backup_target_info{target="azure",product="veeam_azure",api_version="v8.1",server_version="8.1.0.16"} 1',
  );
  expect(t).toMatch(
    /backup_job_last_run_errors\{target="azure",product="veeam_azure",job_id="[^"]+",job_name="sql-main",job_type="AzureSql"\} 3/,
  );
  expect(t).not.toContain('secret-azure');
  if (requireBinary('promtool')) expect(promtoolCheckMetrics(t)).toBe('');
});

// Contract section 2: a failed log leaves out that job's counts only. The finished runs' counts are kept from the
// first probe (immutable cache); only the running run's log is read again, and it fails.
test('/probe with the logs endpoint failing: logs 0, others 1, the failed log has no warnings/errors series', async () => {
  sim.faults.push({ kind: 'status', status: 500, match: /\/log$/ });
  try {
    const t = (await ex.get('/probe?target=azure')).text;
    expect(t).toContain('backup_target_collector_success{target="azure",product="veeam_azure",collector="logs"} 0');
    expect(t).toContain('backup_target_collector_success{target="azure",product="veeam_azure",collector="sessions"} 1');
    expect(t).not.toMatch(/backup_job_last_run_(errors|warnings)\{[^}]*job_name="files-share"/);
    expect(t).toMatch(/backup_job_last_run_errors\{[^}]*job_name="sql-main"[^}]*\} 3/);
    expect(t).toContain('backup_job_status{');
  } finally {
    sim.faults = [];
  }
});
