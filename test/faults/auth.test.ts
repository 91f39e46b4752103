// Token expiry in the middle of a scrape and 401 storms: a forgotten token costs one login shared by every
// request that saw the 401, and a server that rejects everything never drives the exporter into a login loop.
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { startHuaweiSimulator, type HuaweiSimulator } from '../../src/simulators/huawei_clouddc/server';
import { startTestExporter, type TestExporter } from '../helpers/exporter';
import { timedGet, upOf } from './helpers';

let m365: M365Simulator;
let huawei: HuaweiSimulator;
let ex: TestExporter;

beforeAll(async () => {
  m365 = await startM365Simulator({ version: 'v8', scale: { orgs: 1, jobs: 4 } });
  huawei = await startHuaweiSimulator({ scale: { servers: 4 }, maxLimit: 2 });
  ex = await startTestExporter(`
global: { timeout: 10s, min_interval: 0s, inventory_ttl: 0s }
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
    auth:
      iam: { url: ${huawei.url}, domain: acme, username: monitor, password: secret-iam }
`);
  const first = await timedGet(ex, '/metrics');
  expect(upOf(first.text, 'm365')).toBe(1);
  expect(upOf(first.text, 'clouddc')).toBe(1);
});

afterAll(async () => {
  await ex?.close();
  await Promise.all([m365?.close(), huawei?.close()]);
});

const m365Logins = (): number => m365.count(/^\/v8\/token/);
const iamLogins = (): number => huawei.requests.filter((r) => r.path.startsWith('/v3/auth/tokens')).length;

/** Expires every token once the scrape has sent its first requests (each request takes `latencyMs`). */
async function scrapeExpiringMidway(expire: () => void): Promise<string> {
  m365.latencyMs = 40;
  huawei.latencyMs = 40;
  try {
    const scrape = timedGet(ex, '/metrics');
    await new Promise((r) => setTimeout(r, 60));
    expire();
    return (await scrape).text;
  } finally {
    m365.latencyMs = 0;
    huawei.latencyMs = 0;
  }
}

test.each([
  ['m365', () => m365.expireTokens(), m365Logins],
  ['clouddc', () => huawei.expireTokens(), iamLogins],
] as const)('%s: token expiry mid-scrape costs exactly one login and the target stays up', async (target, expire, logins) => {
  const before = logins();
  const from = ex.logs().length;
  const text = await scrapeExpiringMidway(expire);
  // The expiry really hit requests of this scrape: the token manager saw a 401 and logged in again.
  expect(ex.logs().slice(from)).toMatch(new RegExp(`token rejected with 401.*target=${target}|target=${target}.*token rejected with 401`));
  expect(upOf(text, target)).toBe(1);
  expect(text).not.toMatch(new RegExp(`backup_target_collector_success\\{target="${target}",[^}]*\\} 0`));
  expect(logins() - before).toBe(1);
  // The new token is kept: the next scrape logs in no more.
  const again = await timedGet(ex, '/metrics');
  expect(upOf(again.text, target)).toBe(1);
  expect(logins() - before).toBe(1);
});

test.each([
  ['m365', () => m365, m365Logins],
  ['clouddc', () => huawei, iamLogins],
] as const)('%s: a 401 storm costs at most one login per scrape, never a loop', async (target, sim, logins) => {
  const before = logins();
  const requestsBefore = sim().requests.length;
  sim().faults = [{ kind: 'status', status: 401 }];
  try {
    for (let i = 0; i < 5; i++) {
      const r = await timedGet(ex, '/metrics');
      expect(upOf(r.text, target)).toBe(0);
    }
  } finally {
    sim().faults = [];
  }
  expect(logins() - before).toBeLessThanOrEqual(5);
  // Every scrape gave up after the first rejected login: a handful of requests, not a storm of our own.
  expect(sim().requests.length - requestsBefore).toBeLessThanOrEqual(10);
  expect(ex.logs()).toMatch(new RegExp(`msg="target down" target=${target} kind=auth `));
  const back = await timedGet(ex, '/metrics');
  expect(upOf(back.text, target)).toBe(1);
});

test('a 401 only on data calls: the token is renewed once per request, then the failure is reported', async () => {
  const before = m365Logins();
  m365.faults = [{ kind: 'status', status: 401, match: /^\/v8\/(?!token)/ }];
  try {
    const r = await timedGet(ex, '/probe?target=m365&debug=true');
    expect(r.text).toMatch(/^target down: auth: .*401/m);
  } finally {
    m365.faults = [];
  }
  // The inventory call is the first: it sees 401, logs in once more, sees 401 again and gives up.
  expect(m365Logins() - before).toBe(1);
});
