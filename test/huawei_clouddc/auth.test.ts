// The three ways of authenticating against CloudDC, over real HTTPS: an IAM password login (a login through
// the token manager and the target's login gate), AK/SK request signing, and the messages of their failures.
import path from 'node:path';
import { isLoginRejection, type UpstreamError } from '../../src/common/errors';
import { realNow, useFakeDate } from './clock';
import { downloaded, type Harness, harness, until } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  jest.useRealTimers();
});
/** The simulator on the real clock: token expiry and X-Sdk-Date are judged by the wall clock. */
const realClock = () => ({ clock: { now: Date.now() } });

const iam = (url: string) => ({
  kind: 'iam' as const,
  url,
  domain: 'acme',
  username: 'monitor',
  password: 'secret-iam',
});

describe('IAM password auth: tokens', () => {
  test('logs in once, project-scoped, reuses the token, and logs in again after the token is rejected', async () => {
    h = await harness({}, (sim) => ({ auth: iam(sim.url), inventoryTtlMs: 0 }), realClock());
    await h.main.collect();
    await h.main.collect();
    expect(h.sim.counters.logins).toBe(1);
    h.sim.expireTokens();
    const out = await h.main.collect();
    expect(h.sim.counters.logins).toBe(2);
    expect(out.samples.length).toBeGreaterThan(0);
    const logins = await h.metrics.logins.get();
    expect(logins.values.find((v) => v.labels.result === 'success')?.value).toBe(2);
  });

  test('a token close to expires_at is renewed before use', async () => {
    h = await harness({ tokenLifetimeMs: 200 }, (sim) => ({ auth: iam(sim.url), inventoryTtlMs: 0 }), realClock());
    h.clock.now = Date.now();
    await h.main.collect();
    await new Promise((r) => setTimeout(r, 250));
    h.clock.now = Date.now();
    await h.main.collect();
    expect(h.sim.counters.logins).toBe(2);
    expect(h.sim.counters.rejected).toBe(0);
  });
});

describe('IAM password auth: refused', () => {
  test('a wrong password fails the target with an auth error', async () => {
    h = await harness({}, (sim) => ({ auth: { ...iam(sim.url), password: 'nope' } }), realClock());
    const err = (await h.main.collect().catch((e: unknown) => e)) as UpstreamError;
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(
      /POST \/v3\/auth\/tokens: HTTP 401: The username or password is wrong\. \(X-Request-Id req-/,
    );
    expect(err.message).not.toContain('nope');
    expect((await h.metrics.logins.get()).values.find((v) => v.labels.result === 'failure')?.value).toBe(1);
    // A rejected login: the next collection within the wait tries none (contract section 2).
    expect(isLoginRejection(err)).toBe(true);
    await expect(h.main.collect()).rejects.toMatchObject({ kind: 'auth' });
    expect(h.sim.requests.filter((r) => r.path.startsWith('/v3/auth/tokens'))).toHaveLength(1);
  });

  test.each([
    ['403', { status: 403, body: { error: { code: 403, message: 'The user is disabled.' } } }],
    ['400 1103', { status: 400, body: { error_code: '1103', error_msg: 'Incorrect password.' } }],
  ])('IAM refusing the credentials with %s is a login rejection', async (_name, iamRejection) => {
    h = await harness({ iamRejection }, (sim) => ({ auth: { ...iam(sim.url), password: 'nope' } }), realClock());
    const err = (await h.main.collect().catch((e: unknown) => e)) as UpstreamError;
    expect(err).toMatchObject({ kind: 'auth', details: { status: iamRejection.status, login: true } });
    expect(err.message).toContain('check the IAM domain, username and password');
  });

  test('an IAM answer that is not about the credentials (a wrong project) is no login rejection', async () => {
    h = await harness({}, (sim) => ({ auth: iam(sim.url), projectId: 'other' }), realClock());
    const err = (await h.main.collect().catch((e: unknown) => e)) as UpstreamError;
    expect(err).toMatchObject({ kind: 'http', details: { status: 400 } });
    expect(err.message).toContain('project scope invalid');
    expect(isLoginRejection(err)).toBe(false);
  });
});

describe('AK/SK signing', () => {
  const aksk = { accessKey: 'AKEXAMPLE', secretKey: 'SKEXAMPLE-secret' };

  test('signed requests are accepted by the simulator, which recomputes the signature', async () => {
    h = await harness({ aksk, maxLimit: 10 }, () => ({ auth: { kind: 'aksk', ...aksk } }), realClock());
    const out = await h.main.collect();
    expect(new Set(out.samples.map((s) => s.labels.server_id)).size).toBe(24);
    expect(h.sim.counters.rejected).toBe(0);
  });

  test('signed POST (create export), status polls and the archive download all pass verification', async () => {
    const logExports = (dir: string) => ({
      everyMs: 86_400_000,
      downloadDir: path.join(dir, 'dl'),
      keep: 1,
      stateFile: path.join(dir, 'state.json'),
    });
    const auth = { kind: 'aksk' as const, ...aksk };
    h = await harness({ aksk }, (_sim, dir) => ({ auth, logExports: logExports(dir) }), realClock());
    expect(await h.main.state.startLogExport(h.sim.servers[0]!.id)).toMatchObject({ status: 202 });
    for (let i = 0; i < 3; i++) await h.main.collect();
    await until(() => downloaded(h!) === 1, 5000, 'the download');
    expect(h.sim.counters.downloads).toBe(1);
    expect(h.sim.counters.rejected).toBe(0);
  });

  test('a wrong secret key is rejected: auth error naming the signature', async () => {
    const auth = { kind: 'aksk' as const, accessKey: aksk.accessKey, secretKey: 'wrong-secret' };
    h = await harness({ aksk }, () => ({ auth }), realClock());
    const err = (await h.main.collect().catch((e: unknown) => e)) as UpstreamError;
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('verify aksk signature fail');
    expect(err.message).toContain('check access_key and secret_key');
    expect(err.message).not.toContain('wrong-secret');
  });

  test('clock skew is named as such', async () => {
    // The exporter's clock is an hour ahead of the API (whose Date header is the real time).
    h = await harness({ aksk, now: realNow }, () => ({ auth: { kind: 'aksk', ...aksk } }));
    useFakeDate(Date.now() + 3_600_000);
    const err = (await h.main.collect().catch((e: unknown) => e)) as UpstreamError;
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/X-Sdk-Date expired/);
    expect(err.message).toMatch(/clock skew: the local clock is 3[56]\d\d s off/);
  });
});
