// The `license` collector (contract 4.5): the installed licence (`/License`) and each organization's licence use
// (`/Organizations/{id}/LicensingInformation`), kept for inventory_ttl. The two are independent: a read-only
// account refused the licence (403) fails the collector with that reason and leaves every other part intact.
import { settleLimit } from '../../common/pool';
import type { PartScope } from '../../core/module';
import { sample, type Sample } from '../../core/samples';
import { cachedOrAbsent, cachedPerOrg, type CapacityEnv } from './client-capacity';
import { licenseSamples } from './samples-capacity';

export async function collectLicense(env: CapacityEnv, scope: PartScope): Promise<Sample[]> {
  const out: Sample[] = [];
  try {
    const license = await cachedOrAbsent(env, 'license', () => env.api.license());
    if (license) for (const s of licenseSamples(license)) out.push(s);
  } catch (err) {
    scope.itemFailed('licence', err);
  }
  for (const s of await tenantLicenses(env, scope)) out.push(s);
  return out;
}

/** Per tenant; organizations sharing a name are summed, and left out when any of them failed. */
async function tenantLicenses(env: CapacityEnv, scope: PartScope): Promise<Sample[]> {
  const results = await settleLimit(env.orgs, env.concurrency, env.signal, (o) =>
    cachedPerOrg(env, 'licensing', o.id, () => env.api.licensedUsers(o.id)),
  );
  const byTenant = new Map<string, number | undefined>();
  env.orgs.forEach((org, i) => {
    const r = results[i]!;
    if (!r.ok) scope.itemFailed(`organization ${org.name}`, r.error);
    const known = byTenant.has(org.name) ? byTenant.get(org.name) : 0;
    byTenant.set(org.name, r.ok && r.value !== undefined && known !== undefined ? known + r.value : undefined);
  });
  return [...byTenant].flatMap(([tenant, used]) => sample('backup_tenant_license_used_units', { tenant }, used));
}
