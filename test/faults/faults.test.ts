// Every upstream fault we know of, against the simulators, through the whole exporter: the faulty target ends
// down with its reason in the log and in /probe?debug=true, the other targets stay up with their series, the
// answer comes within the scrape header's budget and the process keeps serving.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selfSignedCert, startSimulator, type Fault, type Simulator } from '../../src/simulators/common';
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { startHuaweiSimulator, type HuaweiSimulator } from '../../src/simulators/huawei_clouddc/server';
import { startVeeamAzureSimulator, type AzureSimulator } from '../../src/simulators/veeam_azure/server';
import { startAhsaySimulator, type AhsaySimulator } from '../../src/simulators/ahsay/server';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { configYaml, huaweiYaml, m365Yaml } from '../helpers/two-targets';
import { BUDGET_SECONDS, downLines, seriesOf, timedGet, upOf } from './helpers';

let m365: M365Simulator;
let huawei: HuaweiSimulator;
let azure: AzureSimulator;
let ahsay: AhsaySimulator;
let wrongHost: Simulator;
let ex: TestExporter;

// Series that only exist when a target was really collected.
const INVENTORY: Record<string, string> = {
  m365: 'backup_job_status',
  clouddc: 'backup_server_health',
  azure: 'backup_job_status',
  cbs: 'backup_job_status',
};
type Healthy = 'm365' | 'clouddc' | 'azure' | 'cbs';
const HEALTHY: Healthy[] = ['m365', 'clouddc', 'azure', 'cbs'];

beforeAll(async () => {
  // All four products, over plain HTTP: the faults are injected into the simulators, not the transport.
  [m365, huawei, azure, ahsay] = await Promise.all([
    startM365Simulator({ tls: false, scale: { orgs: 1, jobs: 3 } }),
    startHuaweiSimulator({ tls: false, scale: { servers: 3 } }),
    startVeeamAzureSimulator({ tls: false }),
    startAhsaySimulator({ tls: false }),
  ]);
  // HTTPS with a certificate for another name: the CA is trusted, the name is not.
  const material = await selfSignedCert(['wrong.example']);
  wrongHost = await startSimulator({ tls: material, handler: () => ({ json: {} }) });
  ex = await startTestExporter(
    configYaml('timeout: 10s, min_interval: 0s, inventory_ttl: 0s', [
      m365Yaml(m365.url),
      huaweiYaml(huawei, 'iam'),
      `  - name: azure
    product: veeam_azure
    url: ${azure.url}
    auth: { username: monitor, password: secret-azure }
  - name: cbs
    product: ahsay
    url: ${ahsay.url}
    timezone: Asia/Hong_Kong
    auth: { username: api, password: secret-cbs }
  - name: wronghost
    product: veeam_m365
    url: https://localhost:${wrongHost.port}
    api_version: v8
    tls: { ca_file: CA_FILE }
    auth: { username: monitor, password: secret-m365 }
  - name: nodns
    product: huawei_clouddc
    url: http://backup-exporter-test.invalid:8443
    project_id: p1
    auth: { token: tok-nodns }
`.replace('CA_FILE', caFile(material.cert)),
    ]),
  );
});

afterAll(async () => {
  await ex?.close();
  await Promise.all([m365, huawei, azure, ahsay, wrongHost].map((s) => s?.close()));
  rmSync(dir, { recursive: true, force: true });
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'faults-test-'));
function caFile(pem: string): string {
  const file = path.join(dir, 'ca.pem');
  writeFileSync(file, pem);
  return file;
}

const sims = (): Record<Healthy, { faults: Fault[] }> => ({ m365, clouddc: huawei, azure, cbs: ahsay });

/** Scrapes /metrics and /probe?debug=true under the budget; checks every invariant of a failed target. */
async function expectDown(target: string, kinds: string[], healthy: string[]): Promise<string> {
  const from = ex.logs().length;
  const metrics = await timedGet(ex, '/metrics');
  expect(metrics.status).toBe(200);
  expect(metrics.ms).toBeLessThan(BUDGET_SECONDS * 1000);
  expect(upOf(metrics.text, target)).toBe(0);
  expect(seriesOf(metrics.text, INVENTORY[target] ?? 'backup_job_status', target)).toBe(0);
  for (const h of healthy) {
    expect(upOf(metrics.text, h)).toBe(1);
    expect(seriesOf(metrics.text, INVENTORY[h]!, h)).toBeGreaterThan(0);
  }
  const probe = await timedGet(ex, `/probe?target=${target}&debug=true`);
  expect(probe.status).toBe(200);
  expect(probe.ms).toBeLessThan(BUDGET_SECONDS * 1000);
  const reason = /^target down: (\w+): (.+)$/m.exec(probe.text);
  expect(reason).not.toBeNull();
  expect(kinds).toContain(reason![1]);
  expect(reason![2]!.length).toBeGreaterThan(10);
  const logged = downLines(ex.logs(), target, from);
  expect(logged.length).toBeLessThanOrEqual(1); // logged once when it goes down, not on every scrape
  expect((await ex.get('/-/healthy')).status).toBe(200);
  return reason![0];
}

async function expectUp(target: string): Promise<void> {
  const r = await timedGet(ex, `/probe?target=${target}`);
  expect(upOf(r.text, target)).toBe(1);
}

const cases: Array<[string, Healthy, Fault, string[]]> = [
  ['401 storm', 'm365', { kind: 'status', status: 401 }, ['auth']],
  ['429 with Retry-After', 'm365', { kind: 'status', status: 429, retryAfter: '1' }, ['http', 'timeout']],
  ['429 without Retry-After', 'clouddc', { kind: 'status', status: 429 }, ['http', 'timeout']],
  ['500', 'm365', { kind: 'status', status: 500 }, ['http']],
  ['502', 'clouddc', { kind: 'status', status: 502 }, ['http']],
  ['503', 'm365', { kind: 'status', status: 503 }, ['http', 'timeout']],
  ['connection reset', 'clouddc', { kind: 'reset' }, ['unreachable']],
  ['accepts and never answers', 'm365', { kind: 'hang' }, ['timeout']],
  ['body stops halfway', 'clouddc', { kind: 'half-body' }, ['unreachable', 'decode']],
  ['malformed JSON', 'm365', { kind: 'malformed' }, ['decode']],
  ['200 with an HTML error page', 'clouddc', { kind: 'html' }, ['decode']],
  ['401 storm (IAM)', 'clouddc', { kind: 'status', status: 401 }, ['auth']],
  ['never answers (IAM)', 'clouddc', { kind: 'hang' }, ['timeout']],
  ['malformed JSON (IAM)', 'clouddc', { kind: 'malformed' }, ['decode']],
  ['connection reset (VB365)', 'm365', { kind: 'reset' }, ['unreachable']],
  ['HTML error page (VB365)', 'm365', { kind: 'html' }, ['decode']],
  ['401 storm', 'azure', { kind: 'status', status: 401 }, ['auth']],
  ['503', 'azure', { kind: 'status', status: 503, retryAfter: '0' }, ['http', 'timeout']],
  ['connection reset', 'azure', { kind: 'reset' }, ['unreachable']],
  ['accepts and never answers', 'azure', { kind: 'hang' }, ['timeout']],
  ['malformed JSON', 'azure', { kind: 'malformed' }, ['decode']],
  ['body stops halfway', 'azure', { kind: 'half-body' }, ['unreachable', 'decode']],
  ['500', 'cbs', { kind: 'status', status: 500 }, ['http']],
  ['429 without Retry-After', 'cbs', { kind: 'status', status: 429 }, ['http', 'timeout']],
  ['connection reset', 'cbs', { kind: 'reset' }, ['unreachable']],
  ['accepts and never answers', 'cbs', { kind: 'hang' }, ['timeout']],
  ['200 with an HTML error page', 'cbs', { kind: 'html' }, ['decode']],
  ['body stops halfway', 'cbs', { kind: 'half-body' }, ['unreachable', 'decode']],
];

describe.each(cases)('%s on %s', (_name, target, fault, kinds) => {
  const others = HEALTHY.filter((t) => t !== target);
  test('target down with its reason, others intact, answer within budget, then recovers', async () => {
    await expectUp(target);
    sims()[target].faults = [{ ...fault }];
    try {
      await expectDown(target, kinds, others);
      const line = downLines(ex.logs(), target).at(-1) ?? '';
      expect(line).toMatch(new RegExp(`kind=(${kinds.join('|')}) `));
    } finally {
      sims()[target].faults = [];
    }
    // A rejected login is not tried again for a minute (contract section 2); a reload clears the wait.
    if (kinds.includes('auth')) expect((await ex.post('/-/reload')).status).toBe(200);
    await expectUp(target);
  });
});

test('a certificate for the wrong host: tls, named as such', async () => {
  const text = await expectDown('wronghost', ['tls'], HEALTHY);
  expect(text).toMatch(/altname|does not match|hostname/i);
});

test('a name that does not resolve: unreachable, named as such', async () => {
  const text = await expectDown('nodns', ['unreachable'], HEALTHY);
  expect(text).toMatch(/ENOTFOUND|EAI_AGAIN/);
});
