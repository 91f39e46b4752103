// The `proxies` collector (contract 4.7) against the simulator, per API version.
import { stateIn } from '../helpers/samples';
import { proxy, requested } from './capacity-helpers';
import { harness, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const P = (sim: Harness['sim'], name: string) => ({ component_type: 'proxy', component_id: proxy(sim, name).id });
const stateOf = (samples: Parameters<typeof stateIn>[0], l: Record<string, string>) =>
  stateIn(samples, 'backup_component_status', l, 'state');

describe.each(['v6', 'v7', 'v8'])('%s', (version) => {
  const n = Number(version.slice(1));

  test('maintenance (v8), online and offline; CPU and memory (v8) as ratios', async () => {
    h = await harness({ version });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    const one = P(h.sim, 'vb365-proxy01');
    expect(stateOf(samples, one)).toBe('online');
    // Before v8 there is no maintenance mode: a proxy in maintenance reads as its status.
    expect(stateOf(samples, P(h.sim, 'vb365-proxy02'))).toBe(n >= 8 ? 'maintenance' : 'online');
    expect(stateOf(samples, P(h.sim, 'vb365-proxy03'))).toBe('offline');
    expect(samples.find((s) => s.name === 'backup_component_status')?.labels.component_name).toBe(
      'vb365-proxy01.contoso.local',
    );
    expect(value(samples, 'backup_component_cpu_ratio', one)).toBe(n >= 8 ? 0.375 : undefined);
    expect(value(samples, 'backup_component_memory_ratio', one)).toBe(n >= 8 ? 0.6125 : undefined);
    // An offline proxy reports no figures.
    expect(value(samples, 'backup_component_cpu_ratio', P(h.sim, 'vb365-proxy03'))).toBeUndefined();
  });

  test('v6/v7 are asked for the short view (extendedView=false); v8 has no such parameter', async () => {
    h = await harness({ version });
    await h.collect();
    const query = n >= 8 ? 'offset=0&limit=10000' : 'extendedView=false&offset=0&limit=10000';
    expect(requested(h.sim, /Proxies/)).toEqual([`/${version}/Proxies?${query}`]);
  });
});

test('a proxy without status is unknown; its other series stay', async () => {
  h = await harness({ capacityModes: ['missing-fields'] });
  const { samples } = await h.collect();
  const one = P(h.sim, 'vb365-proxy01');
  expect(stateOf(samples, one)).toBe('unknown');
  expect(value(samples, 'backup_component_cpu_ratio', one)).toBe(0.375);
});

test('Proxies answering 500: proxies fails and is asked again at the next collection', async () => {
  h = await harness();
  h.sim.faults = [{ kind: 'status', status: 500, match: /Proxies/, count: 1 }];
  const first = await h.collect();
  expect(first.failed.map((f) => f.collector)).toEqual(['proxies']);
  expect(first.samples.some((s) => s.name.startsWith('backup_component_'))).toBe(false);
  expect(first.samples.some((s) => s.name === 'backup_repository_info')).toBe(true);
  const second = await h.collect();
  expect(second.failed).toEqual([]);
  expect(second.samples.some((s) => s.name === 'backup_component_status')).toBe(true);
});

test('a proxy or repository with id null cannot be labelled: left out and logged, the others kept', async () => {
  h = await harness({ capacityModes: ['null-ids'] });
  const { samples, failed } = await h.collect();
  expect(failed).toEqual([]);
  const lastProxy = h.sim.capacity.proxies[h.sim.capacity.proxies.length - 1]!;
  const lastRepo = h.sim.capacity.repositories[h.sim.capacity.repositories.length - 1]!;
  const names = (family: string, label: string) =>
    new Set(samples.filter((s) => s.name === family).map((s) => s.labels[label]));
  expect(names('backup_component_status', 'component_name').has(lastProxy.hostName)).toBe(false);
  expect(names('backup_component_status', 'component_name').size).toBe(h.sim.capacity.proxies.length - 1);
  expect(names('backup_repository_info', 'repository_name').has(lastRepo.name)).toBe(false);
  expect(names('backup_repository_info', 'repository_name').size).toBe(h.sim.capacity.repositories.length - 1);
  expect(h.logs()).toMatch(/"path":"\/v8\/Proxies","skipped":1.*items without an id/);
});
