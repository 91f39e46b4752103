// The inventory collector (`servers`): the physical servers of the project, or the configured ones, reused
// for inventory_ttl by collections, the export scheduler and POST /-/log-exports alike.
import type { Logger } from 'pino';
import { mapLimit } from '../../common/pool';
import type { Caches } from '../../core/cache';
import type { HttpClient } from '../../http/types';
import type { CloudDcClient } from './client';
import type { HuaweiTarget } from './config';
import type { PhysicalServer } from './decode';

export interface InventoryDeps {
  client: CloudDcClient;
  caches: Caches;
  log: Logger;
}

/** The selected servers, from the inventory cache when it is younger than inventory_ttl at `now` (ms). */
export function inventory(
  d: InventoryDeps,
  target: HuaweiTarget,
  http: HttpClient,
  now: number,
): Promise<PhysicalServer[]> {
  return d.caches.inventory.get('servers', () => loadServers(d, target, http), now);
}

/** The configured servers one by one, or the whole list; an unknown configured id is left out and logged. */
async function loadServers(d: InventoryDeps, target: HuaweiTarget, http: HttpClient): Promise<PhysicalServer[]> {
  if (target.servers.length === 0) return d.client.listServers(http);
  const found = await mapLimit(target.servers, target.concurrency, async (id) => {
    const s = await d.client.showServer(http, id);
    if (!s) d.log.warn({ server: id }, 'configured server is unknown to CloudDC');
    return s;
  });
  return found.filter((s): s is PhysicalServer => s !== undefined);
}
