import { startSimulator, type SimRequest, type Simulator } from '../../src/simulators/common';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import { TokenManager, type Token } from '../../src/http/token';
import { SelfMetrics } from '../../src/core/self-metrics';
import { UpstreamError } from '../../src/common/errors';
import type { HttpClient } from '../../src/http/types';
import { caught, inSeconds, quietLog, target } from './helpers';

// A login server: password and refresh grants, tokens that the server can forget (a restart), a data route.
const server = {
  valid: new Set<string>(),
  issued: 0,
  lifetimeMs: 3_600_000,
  rejectLogin: false,
  grants: [] as string[],
};
let sim: Simulator;
let http: TargetHttp;
let metrics: SelfMetrics;

function route(req: SimRequest) {
  if (req.path === '/token') {
    const form = req.form();
    server.grants.push(form.get('grant_type') ?? '');
    if (server.rejectLogin) return { status: 400, json: { error: 'invalid_grant' } };
    const token = `tok${++server.issued}`;
    server.valid.add(token);
    return { json: { access_token: token, refresh_token: `r-${token}`, expires_in: server.lifetimeMs / 1000 } };
  }
  if (req.path === '/always401') return { status: 401, json: { message: 'token rejected' } };
  if (req.path === '/data') {
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    return server.valid.has(bearer) ? { json: { token: bearer } } : { status: 401, json: { message: 'unauthorized' } };
  }
  return undefined;
}

const login = (client: HttpClient): Promise<Token> =>
  grant(client, { grant_type: 'password', username: 'monitor', password: 'secret' });
const refresh = (client: HttpClient, refreshToken: string): Promise<Token> =>
  grant(client, { grant_type: 'refresh_token', refresh_token: refreshToken });

async function grant(client: HttpClient, form: Record<string, string>): Promise<Token> {
  const res = await client.request({ method: 'POST', path: '/token', form, accept: [400] });
  if (res.status === 400) throw new UpstreamError('auth', 'POST /token: login rejected', { status: 400 });
  const body = res.json<{ access_token: string; refresh_token: string; expires_in: number }>();
  return { value: body.access_token, refreshToken: body.refresh_token, expiresAt: Date.now() + body.expires_in * 1000 };
}

const manager = (o: Partial<ConstructorParameters<typeof TokenManager>[0]> = {}) =>
  new TokenManager({
    onLogin: (result) => metrics.logins.inc({ target: 't1', product: 'veeam_m365', result }),
    log: quietLog,
    login,
    refresh,
    ...o,
  });

const getData = (client: HttpClient) => (t: Token) =>
  client
    .request({ path: '/data', headers: { authorization: `Bearer ${t.value}` } })
    .then((r) => r.json<{ token: string }>());

async function logins(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const v of (await metrics.logins.get()).values) out[String(v.labels.result)] = v.value;
  return out;
}

beforeAll(async () => {
  sim = await startSimulator({ handler: route });
  http = createTargetHttp(target(sim.url), { log: quietLog });
});
afterAll(async () => {
  await http.close();
  await sim.close();
});
beforeEach(() => {
  Object.assign(server, { issued: 0, lifetimeMs: 3_600_000, rejectLogin: false, grants: [] });
  server.valid.clear();
  sim.requests.length = 0;
  sim.faults = [];
  metrics = new SelfMetrics({ defaultMetrics: false });
});

describe('TokenManager', () => {
  it('caches the token and refreshes it before expiry with the refresh token', async () => {
    server.lifetimeMs = 1_000; // the 60 s margin is capped at half of it: refresh after 500 ms
    const tokens = manager();
    const client = http.background();
    expect((await tokens.get(client)).value).toBe('tok1');
    expect((await tokens.get(client)).value).toBe('tok1');
    await new Promise((r) => setTimeout(r, 600));
    expect((await tokens.get(client)).value).toBe('tok2');
    expect(server.grants).toEqual(['password', 'refresh_token']);
  });

  it('shares one login among concurrent callers', async () => {
    const tokens = manager();
    const got = await Promise.all(Array.from({ length: 10 }, () => tokens.get(http.background())));
    expect(new Set(got.map((t) => t.value))).toEqual(new Set(['tok1']));
    expect(server.grants).toHaveLength(1);
    expect(await logins()).toEqual({ success: 1 });
  });

  it('logs in again once on 401 and retries', async () => {
    const tokens = manager();
    const client = http.forCollection(inSeconds(5));
    expect(await tokens.withToken(client, getData(client))).toEqual({ token: 'tok1' });
    server.valid.clear(); // the server restarted and forgot its sessions
    expect(await tokens.withToken(client, getData(client))).toEqual({ token: 'tok2' });
    expect(server.grants).toEqual(['password', 'password']);
    expect(await logins()).toEqual({ success: 2 });
  });
});

describe('TokenManager on 401 and failures', () => {
  it('re-logs in exactly once per request in a 401 storm and lets the error through', async () => {
    const tokens = manager();
    const client = http.forCollection(inSeconds(5));
    const rejectedOn = (c: HttpClient) => (t: Token) =>
      c.request({ path: '/always401', headers: { authorization: `Bearer ${t.value}` } });
    const err = await caught(() => tokens.withToken(client, rejectedOn(client)));
    expect(err.kind).toBe('auth');
    expect(err.details.status).toBe(401);
    expect(server.grants).toHaveLength(2);
    expect(sim.requests.filter((r) => r.path === '/always401')).toHaveLength(2);
    // Concurrent requests (of the next collection) that all see the same rejected token share one new login.
    const next = http.forCollection(inSeconds(5));
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => tokens.withToken(next, rejectedOn(next))));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    expect(sim.requests.filter((r) => r.path === '/always401')).toHaveLength(12);
    expect(server.grants).toHaveLength(3);
    expect(await logins()).toEqual({ success: 3 });
  });

  it('does not re-login on other errors', async () => {
    const tokens = manager();
    const client = http.forCollection(inSeconds(5));
    sim.faults = [{ kind: 'status', status: 403, match: /^\/data$/, count: 1 }];
    expect((await caught(() => tokens.withToken(client, getData(client)))).details.status).toBe(403);
    sim.faults = [{ kind: 'status', status: 500, match: /^\/data$/, count: 1 }];
    expect((await caught(() => tokens.withToken(client, getData(client)))).kind).toBe('http');
    expect(server.grants).toHaveLength(1);
  });

  it('counts failed logins and does not cache them', async () => {
    server.rejectLogin = true;
    const tokens = manager();
    metrics.initLogins('t1', 'veeam_m365');
    expect((await caught(() => tokens.get(http.background()))).kind).toBe('auth');
    expect((await caught(() => tokens.get(http.background()))).kind).toBe('auth');
    server.rejectLogin = false;
    expect((await tokens.get(http.background())).value).toBe('tok1');
    expect(server.grants).toHaveLength(3);
    expect(await logins()).toEqual({ success: 1, failure: 2 });
  });

  it('invalidates only the current token, and clear() forgets everything', async () => {
    const tokens = manager();
    const first = await tokens.get(http.background());
    tokens.invalidate(first);
    const second = await tokens.get(http.background());
    tokens.invalidate(first); // stale: the newer token stays
    expect(await tokens.get(http.background())).toBe(second);
    tokens.clear();
    expect((await tokens.get(http.background())).value).toBe('tok3');
  });
});

describe('TokenManager across collections', () => {
  it("a login that ran out of another collection's deadline is done again under the caller's own", async () => {
    const tokens = manager();
    sim.latencyMs = 200;
    try {
      // A scrape with a short timeout header starts the login; a normal scrape needs a token meanwhile.
      const short = tokens.get(http.forCollection(Date.now() + 100));
      const normal = tokens.get(http.forCollection(inSeconds(5)));
      expect((await caught(() => short)).kind).toBe('timeout');
      expect((await normal).value).toBe('tok2');
      const grants = (): number => sim.requests.filter((r) => r.path === '/token').length;
      expect(grants()).toBe(2);
      // A caller on the same client shares the login and its outcome.
      const same = http.forCollection(Date.now() + 100);
      tokens.clear();
      const both = await Promise.allSettled([tokens.get(same), tokens.get(same)]);
      expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(grants()).toBe(3);
    } finally {
      sim.latencyMs = 0;
    }
  });
});
