// The `coverage` collector (contract 4.6): protected and unprotected VMs, SQL databases and file shares during
// the past week, counts only and without tenant.
import { harness, type Harness } from './helpers';
import type { Sample } from '../../src/core/samples';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const objects = (samples: readonly Sample[]) =>
  Object.fromEntries(
    samples
      .filter((s) => s.name === 'backup_objects')
      .map((s) => [`${s.labels.object_type}/${s.labels.protection}`, s.value]),
  );

test('PeriodFlag=Week: protected as reported, unprotected = total − protected, no tenant label', async () => {
  h = await harness();
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  // The simulator halves the protected counts for Day: these are the week's.
  expect(objects(out.samples)).toEqual({
    'virtual_machine/protected': 31,
    'virtual_machine/unprotected': 9,
    'sql_database/protected': 4,
    'sql_database/unprotected': 8,
    'file_share/protected': 6,
    'file_share/unprotected': 0,
  });
  const q = h.sim.requests.find((r) => r.path.startsWith('/api/v8.1/overview/protectedWorkloads'))!;
  expect(new URL(q.path, 'http://x').searchParams.get('PeriodFlag')).toBe('Week');
  expect(out.samples.some((s) => s.name === 'backup_objects' && 'tenant' in s.labels)).toBe(false);
});

test('protected above total leaves unprotected out; a missing figure leaves out what depends on it', async () => {
  h = await harness();
  const w = h.sim.data.capacity.workloads;
  w.virtualMachinesProtectedCount = 50;
  delete w.sqlDatabasesTotalCount;
  w.fileSharesProtectedCount = -3;
  w.fileSharesTotalCount = 'six';
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  expect(objects(out.samples)).toEqual({ 'virtual_machine/protected': 50, 'sql_database/protected': 4 });
});

test('a 400 (the report refuses the request) fails `coverage` only', async () => {
  h = await harness();
  h.sim.faults.push({ kind: 'status', status: 400, match: /\/overview\/protectedWorkloads$/ });
  const out = await h.collect();
  expect(out.failed.map((f) => f.collector)).toEqual(['coverage']);
  expect(out.samples.some((s) => s.name === 'backup_storage_used_bytes')).toBe(true);
});
