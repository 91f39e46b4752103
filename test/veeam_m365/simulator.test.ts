// The simulator answers like the vendor: version sets, shapes, paging defaults, tokens and antiforgery.
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { NOW } from './helpers';

let sim: M365Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function login(version: number, extra: Record<string, string> = {}): Promise<Response> {
  const body = new URLSearchParams({ grant_type: 'password', username: 'monitor', password: 'secret-m365', ...extra });
  return fetch(`${sim!.url}/v${version}/token`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read whatever the simulator answered.
async function get(path: string, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim!.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

test('a v8 server serves v6, v7 and v8 only, with v8 pages and v6 bare arrays', async () => {
  sim = await startM365Simulator({ version: 'v8', now: () => NOW });
  expect((await login(5)).status).toBe(404);
  const { access_token: token, expires_in } = (await (
    await login(8, { disable_antiforgery_token: 'true' })
  ).json()) as { access_token: string; expires_in: number };
  expect(expires_in).toBe(3600);
  expect((await get('/v5/Jobs', token)).status).toBe(404);
  expect(Array.isArray((await get('/v6/Jobs', token)).body)).toBe(true);
  const page = (await get('/v8/JobSessions', token)).body;
  expect([page.offset, page.limit, page.results.length, page._links.next.href]).toEqual([
    0,
    30,
    30,
    expect.stringMatching(/^\/v8\/JobSessions\?offset=30&limit=30/),
  ]);
  expect(page.results[0].jobId).toEqual(expect.any(String));
  expect(page.results[0].creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+01:00$/);
  const item = (await get(`/v8/JobSessions/${page.results[0].id}/LogItems`, token)).body.results[0];
  expect(Object.keys(item)).toEqual(expect.arrayContaining(['type', 'message']));
  expect(item.title).toBeUndefined();
});

test('before v7 a running session ends at 0001-01-01T00:00:00; from v7 its end is null', async () => {
  sim = await startM365Simulator({ version: 'v7', now: () => NOW });
  const token = ((await (await login(7, { disable_antiforgery_token: 'true' })).json()) as { access_token: string })
    .access_token;
  const running = sim.data.sessions.find((s) => s.end === null)!;
  const v6 = (await get(`/v6/Jobs/${running.jobId}/JobSessions?limit=10000`, token)).body.results.find(
    (s: { id: string }) => s.id === running.id,
  );
  expect(v6.endTime).toBe('0001-01-01T00:00:00');
  expect(v6.jobId).toBeUndefined();
  expect(v6._links.job.href).toBe(`/v6/Jobs/${running.jobId}`);
  const v7 = (await get(`/v7/JobSessions?jobId=${running.jobId}&limit=10000`, token)).body.results.find(
    (s: { id: string }) => s.id === running.id,
  );
  expect(v7.endTime).toBeNull();
  expect((await get(`/v7/Jobs/${running.jobId}/JobSessions`, token)).status).toBe(404);
});

test('v7+ antiforgery: a refresh needs the antiforgery token unless the login disabled it', async () => {
  sim = await startM365Simulator({ version: 'v7' });
  const res = await login(7);
  const xsrf = res.headers.get('x-xsrf-token')!;
  expect(res.headers.get('set-cookie')).toMatch(/Antiforgery/);
  const { refresh_token } = (await res.json()) as { refresh_token: string };
  const refresh = (headers: Record<string, string>) =>
    fetch(`${sim!.url}/v7/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  expect((await refresh({})).status).toBe(400);
  expect((await refresh({ 'x-xsrf-token': xsrf })).status).toBe(200);
  const disabled = await login(7, { disable_antiforgery_token: 'true' });
  expect(disabled.headers.get('set-cookie')).toBeNull();
  expect(sim.logins.map((l) => l.antiforgeryDisabled)).toEqual([false, true]);
});

test('v3 answers bare arrays with absolute links, tokens expire on demand, bad passwords get OAuth errors', async () => {
  sim = await startM365Simulator({ version: 'v3', now: () => NOW });
  expect(await (await login(3, { password: 'nope' })).json()).toEqual({
    error: 'invalid_grant',
    error_description: expect.any(String),
  });
  const token = ((await (await login(3)).json()) as { access_token: string }).access_token;
  const sessions = (await get(`/v3/Jobs/${sim.data.jobs[0]!.id}/JobSessions`, token)).body;
  expect(Array.isArray(sessions)).toBe(true);
  expect(sessions[0]._links.job.href).toBe(`${sim.url}/v3/Jobs/${sim.data.jobs[0]!.id}`);
  expect((await get(`/v3/JobSessions/${sessions[0].id}/LogItems`, token)).body[0].title).toMatch(
    /^\[Success\] Job started/,
  );
  sim.expireTokens();
  expect((await get('/v3/Jobs', token)).status).toBe(401);
});
