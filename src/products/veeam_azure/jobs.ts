// The inventory collector (`jobs`): the policies of every family the API version offers, reused for
// inventory_ttl. A family answering 404 is absent in this version (skipped); any other error fails the
// collector, and with it the target.
import { type AzureApi, POLICY_FAMILIES } from './client';
import type { AzurePolicy } from './decode';

/**
 * Every policy, once per id, in family order; undefined when every policy list answered 404 (the appliance
 * may no longer serve this API version: contract section 2 then detects it again).
 */
export async function loadPolicies(api: AzureApi): Promise<AzurePolicy[] | undefined> {
  const lists = await Promise.all(POLICY_FAMILIES.map((f) => api.policies(f)));
  if (lists.every((l) => l === undefined)) return undefined;
  const seen = new Map<string, AzurePolicy>();
  for (const p of lists.flatMap((l) => l ?? [])) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}
