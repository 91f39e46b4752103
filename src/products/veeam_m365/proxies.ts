// The `proxies` collector (contract 4.7): state, CPU and memory use of every backup proxy, kept for
// inventory_ttl. Before v8 a proxy is only online or offline (no maintenance mode, no CPU or memory figures).
import type { Sample } from '../../core/samples';
import { cachedOrAbsent, type CapacityEnv } from './client-capacity';
import { proxySamples, sortedUnique } from './samples-capacity';

export async function collectProxies(env: CapacityEnv): Promise<Sample[]> {
  const proxies = (await cachedOrAbsent(env, 'proxies', () => env.api.proxies())) ?? [];
  return sortedUnique(proxies, (p) => p.hostName).flatMap(proxySamples);
}
