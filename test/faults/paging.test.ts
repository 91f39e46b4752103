// A server that ignores `offset` and returns the same full page forever: the listing ends at the repeated page
// with a decode reason naming the endpoint, memory stays where it was, and the other target keeps its series.
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { startHuaweiSimulator, type HuaweiSimulator } from '../../src/simulators/huawei_clouddc/server';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { configYaml, huaweiYaml, m365Yaml } from '../helpers/two-targets';
import { upOf } from './helpers';

let bad: M365Simulator;
let healthy: HuaweiSimulator;
let ex: TestExporter;

beforeAll(async () => {
  bad = await startM365Simulator({ tls: false, ignoreOffset: true, maxLimit: 50, scale: { jobs: 200, orgs: 1 } });
  healthy = await startHuaweiSimulator({ tls: false, scale: { servers: 3 } });
  const global = 'timeout: 10s, min_interval: 0s, inventory_ttl: 0s';
  ex = await startTestExporter(configYaml(global, [m365Yaml(bad.url), huaweiYaml(healthy, 'token')]));
});

afterAll(async () => {
  await ex?.close();
  await Promise.all([bad?.close(), healthy?.close()]);
});

test('the repeated page ends the listing at once, the target is down with the endpoint named', async () => {
  const rss = process.memoryUsage().rss;
  const metrics = await ex.get('/metrics');
  expect(upOf(metrics.text, 'm365')).toBe(0);
  expect(upOf(metrics.text, 'clouddc')).toBe(1);
  // Two pages of /v8/Jobs: the first, and the repetition that ends it.
  expect(bad.count(/^\/v8\/Jobs\?/)).toBe(2);
  const debug = await ex.get('/probe?target=m365&debug=true');
  expect(debug.text).toMatch(/^target down: decode: \/v8\/Jobs: a page repeats an earlier one/m);
  expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
});
