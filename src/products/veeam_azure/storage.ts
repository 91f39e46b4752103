// The `storage` collector (contract 4.4): bytes stored per storage tier, from `GET /api/vN/overview/storageUsage`,
// reused for inventory_ttl. The document has no `coldUsage`, although a repository may use the Cold tier: no
// cold series. A version without the report (404) has no such data: no series, the collector succeeds.
import type { TtlCache } from '../../core/cache';
import type { CollectContext } from '../../core/module';
import type { Sample } from '../../core/samples';
import type { AzureApi } from './client';
import type { StorageUsage } from './decode-capacity';

export async function collectStorage(ctx: CollectContext, api: AzureApi, cache: TtlCache): Promise<Sample[]> {
  const usage = await ctx.part('storage', () => cache.get(`storage:${api.version}`, () => api.storageUsage(), ctx.now));
  return usage ? storageSamples(usage) : [];
}

export function storageSamples(usage: StorageUsage): Sample[] {
  return Object.entries(usage).map(([tier, bytes]) => ({
    name: 'backup_storage_used_bytes',
    labels: { storage_tier: tier },
    value: bytes,
  }));
}
