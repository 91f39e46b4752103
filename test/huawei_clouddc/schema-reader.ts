// A reader of one CloudDC simulator for the schema tests: plain HTTP, an IAM token, and every violation of the
// schemas collected as a line of text.
import { z } from 'zod';
import {
  type HuaweiSimOptions,
  type HuaweiSimulator,
  startHuaweiSimulator,
} from '../../src/simulators/huawei_clouddc/server';
import { NOW } from './helpers';
import { IamToken } from './schemas';

export const BASE = '/v1/proj1/physicalservers';

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A reader of one simulator with a token, collecting every violation. */
export class Reader {
  readonly problems: string[] = [];
  token = '';
  constructor(readonly sim: HuaweiSimulator) {}

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const token: Record<string, string> = this.token === '' ? {} : { 'x-auth-token': this.token };
    const init = { method, headers: { ...token, ...headers }, body: JSON.stringify(body) };
    const res = await fetch(`${this.sim.url}${path}`, body === undefined ? { ...init, body: undefined } : init);
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body: parsed };
  }

  check(where: string, reply: Reply, schema: z.ZodType, status: number): unknown {
    if (reply.status !== status) this.problems.push(`${where}: HTTP ${reply.status}, expected ${status}`);
    const r = schema.safeParse(reply.body);
    if (!r.success) this.problems.push(`${where}: ${z.prettifyError(r.error)}`);
    return reply.body;
  }

  expect(where: string, ok: boolean): void {
    if (!ok) this.problems.push(where);
  }

  async login(password = 'secret-iam', project = 'proj1'): Promise<Reply> {
    const user = { name: 'monitor', password, domain: { name: 'acme' } };
    const auth = { identity: { methods: ['password'], password: { user } }, scope: { project: { id: project } } };
    return this.send('POST', '/v3/auth/tokens?nocatalog=true', { auth });
  }
}

export async function withReader(o: HuaweiSimOptions, fn: (r: Reader) => Promise<void>): Promise<string[]> {
  const sim = await startHuaweiSimulator({ tls: false, now: () => NOW, ...o });
  try {
    const r = new Reader(sim);
    const login = await r.login();
    r.check('IAM token', login, IamToken, 201);
    r.token = login.headers.get('x-subject-token') ?? '';
    r.expect('IAM token: no X-Subject-Token header', r.token !== '');
    await fn(r);
    return r.problems;
  } finally {
    await sim.close();
  }
}
