// The `repositories` collector (contract 4.4): each backup repository's state and kind, from
// `GET /api/vN/repositories` (every page), reused for inventory_ttl. Blob storage has no fixed capacity, and
// the document gives no free or used space per repository: those series do not exist for this product. A
// version without the endpoint (404) has no such data: no series, the collector succeeds, and the answer is kept.
import { decodeError } from '../../common/errors';
import type { TtlCache } from '../../core/cache';
import { REPOSITORY_STATES, type RepositoryState } from '../../core/families';
import type { CollectContext } from '../../core/module';
import { labels, type Sample, stateSet } from '../../core/samples';
import type { AzureApi } from './client';
import type { AzureRepository } from './decode-capacity';

/** `RepositoryStatus` → state (keys lower-case); anything else, `Unknown` included, is unknown. */
const STATUS: Record<string, RepositoryState> = {
  ready: 'ok',
  readonly: 'warning',
  creating: 'warning',
  importing: 'warning',
  failed: 'failed',
};

export function repositoryState(status: string | undefined): RepositoryState {
  const key = status?.toLowerCase() ?? '';
  return Object.hasOwn(STATUS, key) ? STATUS[key]! : 'unknown';
}

export async function collectRepositories(ctx: CollectContext, api: AzureApi, cache: TtlCache): Promise<Sample[]> {
  const list = await ctx.part('repositories', async (scope) => {
    const found = await cache.get(`repositories:${api.version}`, () => api.repositories(), ctx.now);
    // A record without an id cannot be labelled: the others keep their series, the collector reports it.
    if (found && found.skipped > 0) {
      const path = `/api/${api.version}/repositories`;
      scope.itemFailed(`${found.skipped} of the repositories`, decodeError(`${path}: a record without an id`, path));
    }
    return found?.repositories;
  });
  const out: Sample[] = [];
  for (const r of list ?? []) for (const s of repositorySamples(r)) out.push(s);
  return out;
}

export function repositorySamples(r: AzureRepository): Sample[] {
  const identity = labels({ repository_id: r.id, repository_name: r.name });
  const immutable = r.immutable === undefined ? undefined : String(r.immutable);
  const info = labels({ ...identity, repository_type: r.type, storage_tier: r.tier, immutable });
  return [
    ...stateSet('backup_repository_status', identity, 'state', REPOSITORY_STATES, repositoryState(r.status)),
    { name: 'backup_repository_info', labels: info, value: 1 },
  ];
}
