// The `coverage` collector (contract 4.6): how many VMs, SQL databases and file shares the appliance knows and
// how many a backup protected during the past week, from `GET /api/vN/overview/protectedWorkloads?PeriodFlag=Week`,
// reused for inventory_ttl. Counts only, with no tenant: the report is appliance-wide. Unprotected is total −
// protected, left out when that is negative (the two figures disagree) or either is missing.
import type { TtlCache } from '../../core/cache';
import type { CollectContext } from '../../core/module';
import { type Sample, sample } from '../../core/samples';
import type { AzureApi } from './client';
import type { WorkloadType, Workloads } from './decode-capacity';

export async function collectCoverage(ctx: CollectContext, api: AzureApi, cache: TtlCache): Promise<Sample[]> {
  const report = await ctx.part('coverage', () =>
    cache.get(`coverage:${api.version}`, () => api.protectedWorkloads(), ctx.now),
  );
  return report ? coverageSamples(report) : [];
}

export function coverageSamples(report: Workloads): Sample[] {
  const out: Sample[] = [];
  for (const [type, c] of Object.entries(report) as [WorkloadType, { total?: number; protected?: number }][]) {
    const unprotected = c.total === undefined || c.protected === undefined ? undefined : c.total - c.protected;
    const l = (protection: string) => ({ object_type: type, protection });
    out.push(...sample('backup_objects', l('protected'), c.protected));
    if (unprotected !== undefined && unprotected >= 0)
      out.push(...sample('backup_objects', l('unprotected'), unprotected));
  }
  return out;
}
