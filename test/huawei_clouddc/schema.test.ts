// Every answer the simulator gives to what the exporter reads (IAM token, server list and show, export create,
// status and content), in every mode, checked against schemas.ts: the simulator cannot drift from the vendor
// facts unnoticed. Error answers are in schema-errors.test.ts.
import type { z } from 'zod';
import { ODD_IDS } from '../../src/simulators/huawei_clouddc/data';
import type { HuaweiSimOptions } from '../../src/simulators/huawei_clouddc/server';
import { BASE, type Reader, withReader } from './schema-reader';
import { ExportStatus, HEALTH_STATES, ListServers, PhysicalServer, POWER_STATES, uuid } from './schemas';

/** Values outside the SDK enums that the simulator sends on purpose (the exporter maps them to `unknown`). */
const ODDITIES = { health_state: ['Degraded'], power_state: ['ON'] };
const EXPORT_STATUSES = ['processing', 'completed', 'Running', 'failed'];

/** The list, page by page (at most `pages`), each page checked; returns the servers. */
async function list(r: Reader, pages = 100): Promise<Array<Record<string, unknown>>> {
  const servers: Array<Record<string, unknown>> = [];
  let marker: string | undefined;
  for (let i = 0; i < pages; i++) {
    const q = new URLSearchParams({ limit: '1000', ...(marker ? { marker } : {}) });
    const page = r.check(`list page ${i}`, await r.send('GET', `${BASE}?${q}`), ListServers, 200) as z.infer<
      typeof ListServers
    >;
    for (const s of page.servers ?? []) servers.push(s);
    marker = page.page_info?.next_marker;
    if (marker === undefined) break;
  }
  return servers;
}

function checkValues(r: Reader, s: Record<string, unknown>, odd: boolean): void {
  const id = String(s.id);
  r.expect(`server ${id}: id is no UUID`, uuid.safeParse(id).success || (odd && ODD_IDS.some((x) => x === id)));
  for (const [field, states] of [
    ['health_state', HEALTH_STATES],
    ['power_state', POWER_STATES],
  ] as const) {
    const v = s[field];
    const known = v === undefined || (states as readonly unknown[]).includes(v) || ODDITIES[field].includes(String(v));
    r.expect(`server ${id}: ${field} ${String(v)} is outside the SDK enum`, known);
  }
}

/** Every server listed and shown; exports started, polled to the end and fetched for the first six. */
async function readAll(r: Reader, o: HuaweiSimOptions): Promise<void> {
  const servers = await list(r);
  for (const s of servers) {
    checkValues(r, s, o.oddIds === true);
    const id = String(s.id);
    if (id === '.' || id === '..') continue;
    const shown = await r.send('GET', `${BASE}/${encodeURIComponent(id)}`);
    r.check(
      `show ${id}`,
      o.showWrapped ? { ...shown, body: (shown.body as { server: unknown }).server } : shown,
      PhysicalServer,
      200,
    );
  }
  for (const s of servers.filter((x) => x.id !== '.' && x.id !== '..').slice(0, 6))
    await exportOf(r, String(s.id), String((s.hardware_attributes as { sn: string }).sn));
}

async function exportOf(r: Reader, id: string, sn: string): Promise<void> {
  const path = `${BASE}/${encodeURIComponent(id)}/logs/exports`;
  const created = r.check(`create ${id}`, await r.send('POST', path, {}), ExportStatus, 202) as {
    export_id: string;
    status: string;
  };
  let status = created.status;
  for (let i = 0; i < 5 && status !== 'completed' && status !== 'failed'; i++) {
    status = (
      r.check(`status ${id}`, await r.send('GET', `${path}/${created.export_id}`), ExportStatus, 200) as {
        status: string;
      }
    ).status;
    r.expect(`status ${id}: ${status} is not a known export status`, EXPORT_STATUSES.includes(status));
  }
  if (status !== 'completed') return;
  const content = await r.send('GET', `${path}/${created.export_id}/content`);
  r.expect(`content ${id}: HTTP ${content.status}`, content.status === 200);
  r.expect(
    `content ${id}: content-type`,
    content.headers.get('content-type') === 'application/octet-stream;charset=UTF-8',
  );
  r.expect(`content ${id}: transfer encoding`, content.headers.get('content-transfer-encoding') === 'binary');
  r.expect(
    `content ${id}: disposition`,
    content.headers.get('content-disposition') === `attachment; filename=${sn}-dump.tar.gz`,
  );
  r.expect(`content ${id}: empty`, Buffer.isBuffer(content.body) && content.body.length > 0);
}

test.each<[string, HuaweiSimOptions]>([
  ['the demo estate', {}],
  ['small pages', { maxLimit: 10 }],
  ['another list order', { orderSeed: 99, maxLimit: 10 }],
  ['the benchmark estate', { scale: { servers: 500 } }],
  ['ShowServer wrapped', { showWrapped: true }],
  ['a slow link', { contentPace: { chunkBytes: 16_384, everyMs: 1 } }],
  ['ids hostile in URL paths', { oddIds: true }],
])('%s: every answer matches the vendor facts', async (_name, o) => {
  expect(await withReader(o, (r) => readAll(r, o))).toEqual([]);
});

test.each<[string, HuaweiSimOptions]>([
  ['the first page repeated', { paging: 'repeat-first', maxLimit: 10 }],
  ['a stuck next_marker', { paging: 'stuck-marker', maxLimit: 10 }],
])('paging ignored (%s): each page still matches', async (_name, o) => {
  expect(await withReader(o, async (r) => void (await list(r, 4)))).toEqual([]);
});
