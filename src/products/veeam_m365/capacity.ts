// The collectors of what makes the next backup fail (contract 4.4 to 4.7): `repositories`, `license`,
// `coverage` and `proxies`, each a part of its own, run side by side with the sessions.
import { sortedByText } from '../../common/order';
import type { TtlCache } from '../../core/cache';
import type { CollectContext } from '../../core/module';
import type { Sample } from '../../core/samples';
import { CapacityApi, type CapacityEnv } from './client-capacity';
import type { Vb365Client } from './client';
import { collectCoverage } from './coverage';
import type { Vb365Org } from './decode';
import { collectLicense } from './license';
import { collectProxies } from './proxies';
import { collectRepositories } from './repositories';

export interface CapacityInput {
  api: Vb365Client;
  orgs: readonly Vb365Org[];
  cache: TtlCache;
  concurrency: number;
}

/** The samples of the four parts; a part that fails or is not selected adds none (the engine reports it). */
export async function collectCapacity(ctx: CollectContext, input: CapacityInput): Promise<Sample[]> {
  const env: CapacityEnv = {
    api: new CapacityApi(input.api, ctx.log),
    orgs: sortedByText(input.orgs, (o) => `${o.name}\u0000${o.id}`),
    cache: input.cache,
    now: ctx.now,
    log: ctx.log,
    concurrency: input.concurrency,
    signal: ctx.signal,
  };
  const parts = await Promise.all([
    ctx.part('repositories', (scope) => collectRepositories(env, scope)),
    ctx.part('license', (scope) => collectLicense(env, scope)),
    ctx.part('coverage', () => collectCoverage(env)),
    ctx.part('proxies', () => collectProxies(env)),
  ]);
  const out: Sample[] = [];
  for (const part of parts) for (const s of part ?? []) out.push(s);
  return out;
}
