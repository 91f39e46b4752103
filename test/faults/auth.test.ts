// Token expiry in the middle of a scrape and 401 storms: a forgotten token costs one login shared by every
// request that saw the 401, and a server that rejects everything never drives the exporter into a login loop.
import { useTwoTargets } from '../helpers/two-targets';
import { timedGet, upOf } from './helpers';

const env = useTwoTargets({
  global: 'timeout: 10s, min_interval: 0s, inventory_ttl: 0s',
  jobs: 4,
  servers: 4,
  huawei: { maxLimit: 2 },
  huaweiAuth: 'iam',
});

beforeAll(async () => {
  const first = await timedGet(env.ex, '/metrics');
  expect(upOf(first.text, 'm365')).toBe(1);
  expect(upOf(first.text, 'clouddc')).toBe(1);
});

const m365Logins = (): number => env.m365.count(/^\/v8\/token/);
const iamLogins = (): number => env.huawei.requests.filter((r) => r.path.startsWith('/v3/auth/tokens')).length;

/** Expires every token once the scrape has sent its first requests (each request takes `latencyMs`). */
async function scrapeExpiringMidway(expire: () => void): Promise<string> {
  env.m365.latencyMs = 40;
  env.huawei.latencyMs = 40;
  try {
    const scrape = timedGet(env.ex, '/metrics');
    await new Promise((r) => setTimeout(r, 60));
    expire();
    return (await scrape).text;
  } finally {
    env.m365.latencyMs = 0;
    env.huawei.latencyMs = 0;
  }
}

test.each([
  ['m365', () => env.m365.expireTokens(), m365Logins],
  ['clouddc', () => env.huawei.expireTokens(), iamLogins],
] as const)(
  '%s: token expiry mid-scrape costs exactly one login and the target stays up',
  async (target, expire, logins) => {
    const before = logins();
    const from = env.ex.logs().length;
    const text = await scrapeExpiringMidway(expire);
    // The expiry really hit requests of this scrape: the token manager saw a 401 and logged in again.
    expect(env.ex.logs().slice(from)).toMatch(
      new RegExp(`token rejected with 401.*target=${target}|target=${target}.*token rejected with 401`),
    );
    expect(upOf(text, target)).toBe(1);
    expect(text).not.toMatch(new RegExp(`backup_target_collector_success\\{target="${target}",[^}]*\\} 0`));
    expect(logins() - before).toBe(1);
    // The new token is kept: the next scrape logs in no more.
    const again = await timedGet(env.ex, '/metrics');
    expect(upOf(again.text, target)).toBe(1);
    expect(logins() - before).toBe(1);
  },
);

test.each([
  ['m365', () => env.m365, m365Logins],
  ['clouddc', () => env.huawei, iamLogins],
] as const)('%s: a 401 storm costs at most one login per scrape, never a loop', async (target, sim, logins) => {
  const before = logins();
  const requestsBefore = sim().requests.length;
  sim().faults = [{ kind: 'status', status: 401 }];
  try {
    for (let i = 0; i < 5; i++) {
      const r = await timedGet(env.ex, '/metrics');
      expect(upOf(r.text, target)).toBe(0);
    }
  } finally {
    sim().faults = [];
  }
  expect(logins() - before).toBeLessThanOrEqual(5);
  // After the rejected login no other is tried for a minute (contract section 2): one login in all.
  expect(logins() - before).toBe(1);
  // Every scrape gave up after the first rejected login: a handful of requests, not a storm of our own.
  expect(sim().requests.length - requestsBefore).toBeLessThanOrEqual(10);
  expect(env.ex.logs()).toMatch(new RegExp(`msg="target down" target=${target} kind=auth `));
  const waiting = await timedGet(env.ex, '/metrics');
  expect(upOf(waiting.text, target)).toBe(0);
  // A reload clears the wait: the next scrape logs in again.
  expect((await env.ex.post('/-/reload')).status).toBe(200);
  const back = await timedGet(env.ex, '/metrics');
  expect(upOf(back.text, target)).toBe(1);
});

test('a 401 only on data calls: the token is renewed once per request, then the failure is reported', async () => {
  const before = m365Logins();
  env.m365.faults = [{ kind: 'status', status: 401, match: /^\/v8\/(?!token)/ }];
  try {
    const r = await timedGet(env.ex, '/probe?target=m365&debug=true');
    expect(r.text).toMatch(/^target down: auth: .*401/m);
  } finally {
    env.m365.faults = [];
  }
  // The inventory call is the first: it sees 401, logs in once more, sees 401 again and gives up.
  expect(m365Logins() - before).toBe(1);
});
