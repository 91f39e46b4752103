// The simulator's storage, licence, coverage and proxy answers checked against the documents' schemas
// (capacity-schemas.ts), in every version and every capacity mode, every page included.
import type { z } from 'zod';
import { startM365Simulator, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import { CAPACITY_MODES, type CapacityMode } from '../../src/simulators/veeam_m365/capacity-shapes';
import * as S from './capacity-schemas';
import { NOW } from './helpers';

type Mode = CapacityMode | 'default';
const MODES: Mode[] = ['default', ...CAPACITY_MODES];

async function login(sim: M365Simulator, v: number): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'password', username: 'monitor', password: 'secret-m365' });
  if (v >= 7) body.set('disable_antiforgery_token', 'true');
  const res = await fetch(`${sim.url}/v${v}/token`, { method: 'POST', body });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function get(sim: M365Simulator, token: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

/** The first issues of a failed check, or [] when the body conforms. */
function issues(schema: z.ZodType, body: unknown): unknown[] {
  const r = schema.safeParse(body);
  return r.success ? [] : r.error.issues.slice(0, 3);
}

const options = (mode: Mode): S.Options => ({
  numbers: mode === 'string-numbers' ? 'string' : 'number',
  nullObjectStorage: mode === 'null-object-storage',
});

/** A bare array before `pagedFrom`, else every page of the listing (pages of `limit`). */
async function expectListing(read: (q: string) => Promise<unknown>, item: z.ZodType, v: number, pagedFrom: number) {
  if (v < pagedFrom) {
    expect(issues(item.array(), await read(''))).toEqual([]);
    return;
  }
  for (let offset = 0; ; offset += 1000) {
    const body = (await read(`offset=${offset}&limit=1000`)) as { results: unknown[] };
    expect(issues(S.page(item, v), body)).toEqual([]);
    if (body.results.length < 1000) return;
  }
}

describe.each([3, 4, 5, 6, 7, 8])('v%s answers as the documents say', (v) => {
  let sim: M365Simulator;
  let token: string;
  beforeAll(async () => {
    // A VB365 8 server serves v6–v8, a VB365 5 server v3–v5.
    sim = await startM365Simulator({ version: v >= 6 ? 'v8' : 'v5', now: () => NOW });
    token = await login(sim, v);
  });
  afterAll(() => sim.close());

  test.each(MODES)('mode %s', async (mode) => {
    sim.capacityModes.clear();
    if (mode !== 'default') sim.capacityModes.add(mode);
    const o = options(mode);
    const read = (path: string) => async (q: string) =>
      (await get(sim, token, `/v${v}/${path}${q ? `?${q}` : ''}`)).body;
    await expectListing(read('BackupRepositories'), S.repository(v, o), v, 8);
    await expectListing(read('Proxies'), S.proxy(v, o), v, 8);
    await expectListing(read('Proxies?extendedView=false&'), S.proxy(v, o), v, 8);
    await expectListing(read('LicensedUsers'), S.licensedUser, v, 0);
    const storages = await get(sim, token, `/v${v}/objectstoragerepositories`);
    if (v >= 8) expect(storages.status).toBe(404);
    else expect(issues(S.objectStorage(v, o).array(), storages.body)).toEqual([]);
    for (const org of sim.data.orgs) {
      await expectListing(read(`Organizations/${org.id}/usedRepositories`), S.usage(v, o), v, 0);
      const info = await get(sim, token, `/v${v}/Organizations/${org.id}/LicensingInformation`);
      const infoSchema = mode === 'license-forbidden' ? S.exceptionInfo(v) : S.licensingInformation(o);
      expect([info.status, issues(infoSchema, info.body)]).toEqual([mode === 'license-forbidden' ? 403 : 200, []]);
    }
    const license = await get(sim, token, `/v${v}/License`);
    const licenseSchema = mode === 'license-forbidden' ? S.exceptionInfo(v) : S.license(v, o);
    expect([license.status, issues(licenseSchema, license.body)]).toEqual([
      mode === 'license-forbidden' ? 403 : 200,
      [],
    ]);
  });
});

describe('the odd modes really break the documents where they claim to', () => {
  let sim: M365Simulator;
  let token: string;
  beforeAll(async () => {
    sim = await startM365Simulator({ version: 'v8', now: () => NOW });
    token = await login(sim, 8);
  });
  afterAll(() => sim.close());

  test('string-numbers: sizes are strings, which the documents do not allow', async () => {
    sim.capacityModes.clear();
    sim.capacityModes.add('string-numbers');
    const { body } = await get(sim, token, '/v8/BackupRepositories');
    expect(issues(S.page(S.repository(8), 8), body)).not.toEqual([]);
  });

  test('null-object-storage: objectStorage null, which the v8 document does not declare', async () => {
    sim.capacityModes.clear();
    sim.capacityModes.add('null-object-storage');
    const { body } = await get(sim, token, '/v8/BackupRepositories');
    expect(issues(S.page(S.repository(8), 8), body)).not.toEqual([]);
  });

  test('the documents name v8-only fields: a v8 repository is not a v7 one', async () => {
    sim.capacityModes.clear();
    const { body } = (await get(sim, token, '/v8/BackupRepositories')) as { body: { results: unknown[] } };
    expect(issues(S.repository(7).array(), body.results)).not.toEqual([]);
  });
});
