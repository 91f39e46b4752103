// The `repositories` collector (contract 4.4): state and kind of each repository, every page, bad records.
import { repositoryState } from '../../src/products/veeam_azure/repositories';
import { harness, type Harness } from './helpers';
import { stateIn, value } from '../helpers/samples';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const stateOf = (samples: Parameters<typeof stateIn>[0], name: string) =>
  stateIn(samples, 'backup_repository_status', { repository_name: name }, 'state');

test('each status maps to its state; type, tier and immutability are snake_case labels; no capacity series', async () => {
  h = await harness();
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  const states = ['repo-hot', 'repo-vault', 'repo-archive', 'repo-broken', 'repo-new', 'repo-orphan'].map((n) =>
    stateOf(out.samples, n),
  );
  expect(states).toEqual(['ok', 'ok', 'warning', 'failed', 'warning', 'unknown']);
  const vault = out.samples.find(
    (s) => s.name === 'backup_repository_info' && s.labels.repository_name === 'repo-vault',
  );
  expect(vault?.labels).toEqual({
    repository_id: h.sim.data.capacity.repositories[1]!.id,
    repository_name: 'repo-vault',
    repository_type: 'veeam_vault',
    storage_tier: 'cool',
    immutable: 'true',
  });
  expect(out.samples.filter((s) => s.name === 'backup_repository_status')).toHaveLength(6 * 4);
  const names = new Set(out.samples.map((s) => s.name as string));
  for (const n of ['backup_repository_capacity_bytes', 'backup_repository_free_bytes', 'backup_repository_used_bytes'])
    expect(names.has(n)).toBe(false);
});

test.each([
  ['Ready', 'ok'],
  ['READONLY', 'warning'],
  ['Creating', 'warning'],
  ['Importing', 'warning'],
  ['Failed', 'failed'],
  ['Unknown', 'unknown'],
  ['Exploded', 'unknown'],
  ['constructor', 'unknown'],
  [undefined, 'unknown'],
])('RepositoryStatus %p → %s', (status, state) => {
  expect(repositoryState(status)).toBe(state);
});

test('every page is read', async () => {
  h = await harness({ maxPageSize: 4 });
  const out = await h.collect();
  expect(h.sim.hits(/\/repositories$/)).toBe(2);
  expect(out.samples.filter((s) => s.name === 'backup_repository_info')).toHaveLength(6);
});

test('a record without id fails the collector for that item; the others keep their series', async () => {
  h = await harness();
  const repos = h.sim.data.capacity.repositories;
  repos[0]!.id = null;
  delete repos[1]!.repositoryType;
  repos[2]!.immutabilityEnabled = 'maybe';
  const out = await h.collect();
  expect(out.failed.map((f) => [f.collector, f.reason])).toEqual([
    ['repositories', 'decode: 1 of the repositories: /api/v8.1/repositories: a record without an id'],
  ]);
  expect(stateOf(out.samples, 'repo-hot')).toBeUndefined();
  const info = (n: string) =>
    out.samples.find((s) => s.name === 'backup_repository_info' && s.labels.repository_name === n)?.labels;
  expect(info('repo-vault')).not.toHaveProperty('repository_type');
  expect(info('repo-archive')).not.toHaveProperty('immutable');
  expect(stateOf(out.samples, 'repo-broken')).toBe('failed');
});

test('a page that is not a page fails the collector only', async () => {
  h = await harness();
  h.sim.faults.push({ kind: 'html', match: /\/repositories$/ });
  const out = await h.collect();
  expect(out.failed.map((f) => f.collector)).toEqual(['repositories']);
  expect(value(out.samples, 'backup_license_capacity_units', {})).toBe(50);
  expect(out.samples.some((s) => s.name === 'backup_job_status')).toBe(true);
});
