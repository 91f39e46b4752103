// Every answer the exporter reads from VB365 (token, ServiceInstance, Organizations, Organizations/{id}/Jobs,
// Jobs, CopyJobs, JobSessions with each filter it sends, JobSessions/{id}, Jobs/{id}/JobSessions, LogItems), from a simulator of
// each version v3–v8 in each mode, checked against the documents' schemas (schemas.ts).
import type { z } from 'zod';
import { startM365Simulator, type M365SimOptions, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { NOW } from './helpers';
import * as S from './schemas';

let sim: M365Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

type Answer = { what: string; status: number; body: unknown; schema: z.ZodType };

const VERSIONS = [3, 4, 5, 6, 7, 8];
const MODES: Array<[string, M365SimOptions]> = [
  ['default', {}],
  ['copy sessions filed under the backup job', { copySessionJob: 'backup' }],
  ['copy sessions naming no job', { copySessionJob: 'none' }],
  ['sessions without job links', { sessionJobLinks: false }],
  ['a running v3–v6 session without endTime', { runningEnd: 'absent' }],
  ['time bounds filtering by end time', { boundFilters: 'end' }],
  ['jobId=<copy job id> answering the backup runs', { copyJobIdQuery: 'backup' }],
  ['tokens dying after 10000 uses', { tokenUses: 10_000 }],
  ['no ServiceInstance, no CopyJobs', { lacks: ['ServiceInstance', 'CopyJobs'] }],
];

async function login(v: number): Promise<{ token: string; answer: Answer }> {
  const body = new URLSearchParams({ grant_type: 'password', username: 'monitor', password: 'secret-m365' });
  if (v >= 7) body.set('disable_antiforgery_token', 'true');
  const res = await fetch(`${sim!.url}/v${v}/token`, { method: 'POST', body });
  const json = (await res.json()) as { access_token: string };
  return { token: json.access_token, answer: { what: 'token', status: res.status, body: json, schema: S.token(v) } };
}

/** The requests the exporter makes, with the schema of each answer. */
function requests(v: number): Array<[string, z.ZodType]> {
  const data = sim!.data;
  const bound = new Date(NOW - 7 * 86_400_000).toISOString();
  const sessions = S.listOf(S.session(v), v, 5);
  const backup = data.jobs.filter((j) => j.kind === 'Backup');
  const out: Array<[string, z.ZodType]> = [
    ['ServiceInstance', S.serviceInstance],
    ['Organizations', S.listOf(S.organization(v), v, 8)],
    ['Jobs', S.listOf(S.job(v), v, 8)],
  ];
  if (v <= 7) for (const o of data.orgs) out.push([`Organizations/${o.id}/Jobs`, S.listOf(S.job(v), v, 99)]);
  if (v >= 6) out.push(['CopyJobs', S.listOf(S.copyJob(v), v, 8)]);
  if (v <= 6) for (const j of backup) out.push([`Jobs/${j.id}/JobSessions`, sessions]);
  const filters: Record<number, string[]> = {
    6: [`jobType=Backup&endTimeLowerBound=${bound}`, `jobType=Copy&endTimeLowerBound=${bound}`, 'jobType=Copy'],
    7: [`endTimeLowerBound=${bound}`, `jobId=${backup[0]!.id}`, 'jobType=Copy'],
    8: [`endTimeLowerBound=${bound}`, 'status=Running', `jobId=${backup[0]!.id}`],
  };
  for (const f of filters[v] ?? []) out.push([`JobSessions?${f}`, sessions]);
  const running = data.sessions.find((s) => s.end === null)!;
  const finished = data.sessions.find((s) => s.status === 'Failed')!;
  for (const s of [running, finished]) out.push([`JobSessions/${s.id}/LogItems`, S.listOf(S.logItem(v), v, 5)]);
  if (v >= 8) for (const s of [running, finished]) out.push([`JobSessions/${s.id}`, S.session(v)]);
  return out;
}

async function answers(v: number): Promise<Answer[]> {
  const { token, answer } = await login(v);
  const out = [answer];
  for (const [path, schema] of requests(v)) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await fetch(`${sim!.url}/v${v}/${path}${sep}offset=0&limit=10000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    out.push({ what: path, status: res.status, body: await res.json(), schema });
  }
  return out;
}

function problems(list: readonly Answer[], lacking: readonly string[] = []): string[] {
  return list.flatMap((a) => {
    if (lacking.includes(a.what)) return a.status === 404 ? [] : [`${a.what}: ${a.status} where 404 was expected`];
    if (a.status !== 200) return [`${a.what}: status ${a.status}`];
    const r = a.schema.safeParse(a.body);
    return r.success ? [] : [`${a.what}: ${r.error.message}`];
  });
}

describe.each(MODES)('%s', (_name, modes) => {
  test.each(VERSIONS)('v%i: every answer read matches the documents', async (v) => {
    sim = await startM365Simulator({ version: `v${v}`, now: () => NOW, ...modes });
    expect(problems(await answers(v), modes.lacks)).toEqual([]);
  });
});

test('the demo estate has what the checks need: running and failed sessions, copy jobs from v6', async () => {
  sim = await startM365Simulator({ version: 'v8', now: () => NOW });
  expect(sim.data.sessions.some((s) => s.end === null)).toBe(true);
  expect(sim.data.jobs.filter((j) => j.kind === 'Copy').length).toBe(2);
  const all = await answers(8);
  expect(all.filter((a) => a.status === 200).length).toBe(all.length);
});

describe('modes that depart from the documents on purpose', () => {
  test('tokenTimes rfc1123: only .issued and .expires break the documented date-time', async () => {
    sim = await startM365Simulator({ version: 'v7', now: () => NOW, tokenTimes: 'rfc1123' });
    const { answer } = await login(7);
    expect((answer.body as Record<string, string>)['.issued']).toMatch(/^\w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT$/);
    expect(problems([answer]).join('\n')).toMatch(/\.issued[\s\S]*\.expires|\.expires[\s\S]*\.issued/);
    const { '.issued': _i, '.expires': _e, ...rest } = answer.body as Record<string, string>;
    expect(S.token(7).safeParse({ ...rest, '.issued': NOW_ISO, '.expires': NOW_ISO }).success).toBe(true);
  });

  test('runningEnd null (v6): only the running sessions break the non-nullable endTime', async () => {
    sim = await startM365Simulator({ version: 'v6', now: () => NOW, runningEnd: 'null' });
    const found = problems(await answers(6));
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) expect(p).toMatch(/endTime/);
  });
});

const NOW_ISO = new Date(NOW).toISOString();
