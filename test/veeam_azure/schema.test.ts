// Every answer the simulator gives to what the exporter reads, in every mode and version, checked against the
// vendor documents' schemas (schemas*.ts): a simulator cannot drift from the documents unnoticed.
import { z } from 'zod';
import {
  type AzureSimOptions,
  type AzureSimulator,
  startVeeamAzureSimulator,
} from '../../src/simulators/veeam_azure/server';
import {
  CosmosDbPolicy,
  FileSharePolicy,
  JobSession,
  Policy,
  pageOf,
  SqlPolicy,
  VmProtectionPolicy,
  VnetPolicy,
} from './schemas';
import {
  JobSessionLog,
  LicenseInfo,
  Login,
  ProblemDetails400,
  ProblemDetails401,
  ProblemDetails403,
  ProblemDetails404,
  ProblemDetailsTraceId,
  ProtectedWorkloadsReport,
  Repository,
  StorageUsageReport,
  SystemInfo,
} from './schemas-more';
import { V1About, V1License, V1Page, V1Policy, V1Session, V1SessionLog } from './schemas-v1';
import { NOW } from './helpers';

interface Reply {
  status: number;
  body: unknown;
}

/** A logged-in reader of one simulated appliance that collects every schema violation. */
class Reader {
  readonly problems: string[] = [];
  private token = '';
  constructor(
    readonly sim: AzureSimulator,
    readonly version: string,
  ) {}

  async login(password = 'secret-azure', grant = 'Password'): Promise<Reply> {
    const form = new URLSearchParams({ grant_type: grant, username: 'monitor', password });
    const res = await fetch(`${this.sim.url}/api/oauth2/token`, { method: 'POST', body: form });
    const reply = { status: res.status, body: await res.json() };
    if (res.status === 200) this.token = (reply.body as { access_token: string }).access_token;
    return reply;
  }

  async get(path: string, query: Record<string, string> = {}, version = this.version): Promise<Reply> {
    const q = new URLSearchParams(query).toString();
    const url = `${this.sim.url}/api/${version}${path}${q ? `?${q}` : ''}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${this.token}` } });
    return { status: res.status, body: await res.json() };
  }

  /** Checks `reply` is `status` with a body of `schema`; returns the body. */
  check(where: string, reply: Reply, schema: z.ZodType, status = 200): unknown {
    if (reply.status !== status) this.problems.push(`${where}: HTTP ${reply.status}, expected ${status}`);
    const r = schema.safeParse(reply.body);
    if (!r.success) this.problems.push(`${where}: ${z.prettifyError(r.error)}`);
    return reply.body;
  }

  /** Every page of a listing, each checked; returns every item. */
  async pages(path: string, page: z.ZodType): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let offset = 0; ; ) {
      const body = this.check(`${path}@${offset}`, await this.get(path, { Offset: String(offset) }), page) as {
        results?: unknown[];
        totalCount?: number;
      };
      const results = body.results ?? [];
      for (const r of results) items.push(r);
      offset += results.length;
      if (results.length === 0 || offset >= (body.totalCount ?? Number.POSITIVE_INFINITY)) return items;
    }
  }
}

async function withReader(o: AzureSimOptions, fn: (r: Reader) => Promise<void>): Promise<string[]> {
  const sim = await startVeeamAzureSimulator({ now: () => NOW, maxPageSize: 3, ...o });
  try {
    const r = new Reader(sim, sim.version);
    r.check('token', await r.login(), Login);
    await fn(r);
    return r.problems;
  } finally {
    await sim.close();
  }
}

const POLICY_LISTS: [string, z.ZodType][] = [
  ['/policies/virtualMachines', Policy],
  ['/policies/sql', SqlPolicy],
  ['/policies/fileShares', FileSharePolicy],
  ['/policies/cosmosDb', CosmosDbPolicy],
  ['/policy/slaBased/virtualMachines', VmProtectionPolicy],
];

/** Everything the exporter reads from a v8.1 appliance. */
async function readV81(r: Reader): Promise<void> {
  r.check('system/about', await r.get('/system/about'), SystemInfo);
  for (const [path, schema] of POLICY_LISTS) await r.pages(path, pageOf(schema));
  r.check('policy/vnet', await r.get('/policy/vnet'), VnetPolicy);
  const sessions = (await r.pages('/jobSessions', pageOf(JobSession))) as { id: string }[];
  for (const s of sessions) r.check(`log ${s.id}`, await r.get(`/jobSessions/${s.id}/log`), JobSessionLog);
  await r.pages('/repositories', pageOf(Repository));
  r.check('storageUsage', await r.get('/overview/storageUsage'), StorageUsageReport);
  r.check('license', await r.get('/license'), LicenseInfo);
  for (const PeriodFlag of ['Day', 'Week'])
    r.check(
      `workloads ${PeriodFlag}`,
      await r.get('/overview/protectedWorkloads', { PeriodFlag }),
      ProtectedWorkloadsReport,
    );
}

test.each<[string, AzureSimOptions]>([
  ['the demo appliance', {}],
  ['a metered licence', { license: 'metered' }],
  ['a VBR-managed licence', { license: 'external' }],
  ['no VNet policy set up', { vnetUnconfigured: true }],
  ['the benchmark estate', { scale: { policies: 24, sessions: 120 } }],
  ['pages without totalCount', { totalCount: false }],
  // No v8 document is at hand; the v8 reference's samples match these v8.1 shapes, which the simulator serves.
  ['a v8 appliance', { version: 'v8' }],
])('v8.1, %s: every answer matches the v8.1 document', async (_name, o) => {
  expect(await withReader(o, readV81)).toEqual([]);
});

test('v8.1 error answers: each in the shape of its status', async () => {
  const problems = await withReader({ forbidden: ['/license'] }, async (r) => {
    r.check('license 403', await r.get('/license'), ProblemDetails403, 403);
    r.check('log 404', await r.get('/jobSessions/nope/log'), ProblemDetails404, 404);
    r.check('workloads 400', await r.get('/overview/protectedWorkloads'), ProblemDetails400, 400);
    r.check('token 400', await r.login('x', 'Saml2'), ProblemDetails400, 400);
    r.check('token 401', await r.login('wrong'), ProblemDetailsTraceId, 401);
    r.sim.expireTokens();
    r.check('resource 401', await r.get('/system/about'), ProblemDetails401, 401);
  });
  expect(problems).toEqual([]);
});

test.each([
  [400, ProblemDetails400],
  [403, ProblemDetails403],
  [404, ProblemDetails404],
] as const)(
  "a v8 appliance answering %d for v8.1 (unservedStatus): the body is that status's shape",
  async (status, schema) => {
    const problems = await withReader({ version: 'v8', unservedStatus: status }, async (r) => {
      r.check('v8.1 about', await r.get('/system/about', {}, 'v8.1'), schema, status);
      r.check('v8 about', await r.get('/system/about'), SystemInfo);
    });
    expect(problems).toEqual([]);
  },
);

test('v1: every answer matches what the v1 documents say', async () => {
  const problems = await withReader({ version: 'v1' }, async (r) => {
    r.check('system/about', await r.get('/system/about'), V1About);
    const policies = await r.pages('/policies', V1Page);
    for (const p of policies) r.check('policy', { status: 200, body: p }, V1Policy);
    const sessions = (await r.pages('/jobSessions', V1Page)) as { id: string }[];
    for (const s of sessions) {
      r.check(`session ${s.id}`, { status: 200, body: s }, V1Session);
      r.check(`log ${s.id}`, await r.get(`/jobSessions/${s.id}/log`), V1SessionLog);
    }
    r.check('license', await r.get('/license'), V1License);
    expect(sessions.length).toBeGreaterThan(3);
  });
  expect(problems).toEqual([]);
});
