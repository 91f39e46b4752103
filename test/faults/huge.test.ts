// A 1 GiB response body: the HTTP layer stops reading at its cap (64 MiB) and drops the connection, so the
// target is down with a `decode` reason and memory stays bounded whatever the upstream sends.
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { startHuaweiSimulator, type HuaweiSimulator } from '../../src/simulators/huawei_clouddc/server';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { upOf } from './helpers';

let m365: M365Simulator;
let huawei: HuaweiSimulator;
let ex: TestExporter;

beforeAll(async () => {
  m365 = await startM365Simulator({ version: 'v8', scale: { orgs: 1, jobs: 2 } });
  huawei = await startHuaweiSimulator({ scale: { servers: 2 } });
  ex = await startTestExporter(`
global: { timeout: 20s, min_interval: 0s, inventory_ttl: 0s }
targets:
  - name: m365
    product: veeam_m365
    url: ${m365.url}
    api_version: v8
    auth: { username: monitor, password: secret-m365 }
  - name: clouddc
    product: huawei_clouddc
    url: ${huawei.url}
    project_id: ${huawei.projectId}
    auth: { token: secret-token }
`);
});

afterAll(async () => {
  await ex?.close();
  await Promise.all([m365?.close(), huawei?.close()]);
});

const MB = 1024 * 1024;

test.each([
  ['m365', () => m365 as { faults: unknown[] }, 'clouddc'],
  ['clouddc', () => huawei as { faults: unknown[] }, 'm365'],
] as const)('%s: a 1 GiB body is capped, the target is down with decode, memory stays bounded', async (target, sim, other) => {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  // Every data call streams 1 GiB; the login (VB365) is left alone so the big body is what fails.
  sim().faults = [{ kind: 'huge', match: /^\/(v8\/Jobs|v1\/)/i }];
  let peak = rssBefore;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  try {
    const r = await ex.get(`/probe?target=${target}&debug=true`, { 'X-Prometheus-Scrape-Timeout-Seconds': '15' });
    expect(r.text).toMatch(/^target down: decode: .*response body exceeds 67108864 bytes/m);
    const metrics = await ex.get('/metrics', { 'X-Prometheus-Scrape-Timeout-Seconds': '15' });
    expect(upOf(metrics.text, target)).toBe(0);
    expect(upOf(metrics.text, other)).toBe(1);
  } finally {
    clearInterval(sampler);
    sim().faults = [];
  }
  // Each scrape holds at most 64 MiB of the 1 GiB stream (about 110 MB peak measured), never the body.
  expect((peak - rssBefore) / MB).toBeLessThan(200);
  expect(ex.logs()).toMatch(new RegExp(`msg="target down" target=${target} kind=decode `));
  const back = await ex.get(`/probe?target=${target}`);
  expect(upOf(back.text, target)).toBe(1);
}, 60_000);
