// Lookups in the simulator's storage, licence, coverage and proxy data, and in the series made of them.
import type { Sample } from '../../src/core/samples';
import type { SimProxy, SimRepository } from '../../src/simulators/veeam_m365/capacity-data';
import type { M365Simulator } from '../../src/simulators/veeam_m365/server';

export const GIB = 2 ** 30;

/** Families of contract sections 4.4 to 4.7 that veeam_m365 exports. */
export const CAPACITY_FAMILIES = [
  'backup_repository_capacity_bytes',
  'backup_repository_free_bytes',
  'backup_repository_used_bytes',
  'backup_repository_status',
  'backup_repository_info',
  'backup_tenant_used_bytes',
  'backup_license_expiry_timestamp_seconds',
  'backup_license_grace_expiry_timestamp_seconds',
  'backup_license_capacity_units',
  'backup_license_used_units',
  'backup_license_info',
  'backup_tenant_license_used_units',
  'backup_objects',
  'backup_component_status',
  'backup_component_cpu_ratio',
  'backup_component_memory_ratio',
];

export function repo(sim: M365Simulator, name: string): SimRepository {
  const r = sim.capacity.repositories.find((x) => x.name === name);
  if (!r) throw new Error(`no repository ${name}`);
  return r;
}

export function proxy(sim: M365Simulator, name: string): SimProxy {
  const p = sim.capacity.proxies.find((x) => x.hostName.startsWith(name));
  if (!p) throw new Error(`no proxy ${name}`);
  return p;
}

/** The series of these families only. */
export function capacitySeries(samples: readonly Sample[], families = CAPACITY_FAMILIES): Sample[] {
  return samples.filter((s) => families.includes(s.name));
}

/** The simulator's licensed users per tenant (inventory name) and protection. */
export function expectedCoverage(sim: M365Simulator): Map<string, { protected: number; unprotected: number }> {
  const out = new Map(sim.data.orgs.map((o) => [o.name, { protected: 0, unprotected: 0 }]));
  for (let i = 0; i < sim.capacity.userCount; i++) {
    const u = sim.capacity.user(i);
    const c = out.get(u.org.name)!;
    if (u.backedUp) c.protected++;
    else c.unprotected++;
  }
  return out;
}

/** Paths (with query) of the requests whose path matches. */
export function requested(sim: M365Simulator, match: RegExp): string[] {
  return sim.requests.map((r) => r.path).filter((p) => match.test(p));
}

/** The new endpoints of contract 4.4 to 4.7. */
export const CAPACITY_PATHS =
  /\/(BackupRepositories|objectstoragerepositories|usedRepositories|License|LicensedUsers|LicensingInformation|Proxies)\b/;
