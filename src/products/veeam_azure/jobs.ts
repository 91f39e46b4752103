// The inventory collector (`jobs`): the policies of every family the API version offers, reused for
// inventory_ttl. A family answering 404 is absent in this version (skipped); any other error fails the
// collector, and with it the target. Which policies are jobs: every one, except a VNet policy nobody uses.
import { type AzureApi, POLICY_FAMILIES } from './client';
import type { AzurePolicy, AzureSession } from './decode';

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

/**
 * `GET /policy/vnet` answers one object whether or not anybody set up a VNet policy (the document lists no 404
 * and a non-null id), so every appliance would show a VNet job that never runs. A VNet policy is a job only
 * when it is enabled or has a run that started at or after `fromSeconds` (the lookback). `runs` undefined (the
 * sessions part failed or is not selected): a disabled VNet policy is left out rather than shown without runs.
 */
export function isJob(p: AzurePolicy, runs: readonly AzureSession[] | undefined, fromSeconds: number): boolean {
  if (p.type !== 'Vnet' || p.enabled === true) return true;
  return (runs ?? []).some((s) => s.start !== undefined && s.start >= fromSeconds);
}
