// The inventory collector (`jobs`): backup and copy jobs with their organization (the `tenant` label),
// reused for inventory_ttl.
import { mapLimit } from '../../common/pool';
import { sortedByText } from '../../common/order';
import type { Vb365Client } from './client';
import type { Vb365Job } from './decode';

export interface InventoryJob extends Vb365Job {
  /** Organization name; absent when no organization claims the job. */
  tenant?: string;
}

/**
 * v8 jobs carry `organizationId`. Before v8 a job's organization is the one whose `/Organizations/{id}/Jobs`
 * lists it; copy jobs (v6/v7) belong to the organization of the backup job they copy.
 */
export async function loadJobs(api: Vb365Client, concurrency: number): Promise<InventoryJob[]> {
  const [jobs, listed] = await Promise.all([api.jobs(), api.organizations()]);
  // Sorted so that a job claimed by two organizations always gets the same one, whatever the list order.
  const orgs = sortedByText(listed, (o) => o.id);
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  const tenantOf = new Map<string, string>();
  if (api.version >= 8) {
    for (const j of jobs) {
      const name = j.organizationId ? orgNames.get(j.organizationId) : undefined;
      if (name !== undefined) tenantOf.set(j.id, name);
    }
  } else {
    const lists = await mapLimit(orgs, concurrency, (o) => api.organizationJobIds(o.id));
    orgs.forEach((o, i) => {
      for (const id of lists[i] ?? []) if (!tenantOf.has(id)) tenantOf.set(id, o.name);
    });
  }
  return jobs.map((j) => {
    const tenant = tenantOf.get(j.id) ?? (j.backupJobId ? tenantOf.get(j.backupJobId) : undefined);
    return tenant === undefined ? { ...j } : { ...j, tenant };
  });
}
