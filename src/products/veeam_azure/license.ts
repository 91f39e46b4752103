// The `license` collector (contract 4.5): the installed licence from `GET /api/vN/license`, reused for
// inventory_ttl. The document has no licence status and no grace-period end, so `vendor_status` and the grace
// series do not exist for this product. A read-only account may get 403 here: the collector fails with that
// reason, everything else is collected, and the next collection asks again (or exclude `license`).
import type { TtlCache } from '../../core/cache';
import type { CollectContext } from '../../core/module';
import { labels, type Sample, sample } from '../../core/samples';
import type { AzureApi } from './client';
import type { AzureLicense } from './decode-capacity';

export async function collectLicense(ctx: CollectContext, api: AzureApi, cache: TtlCache): Promise<Sample[]> {
  const license = await ctx.part('license', () => cache.get(`license:${api.version}`, () => api.license(), ctx.now));
  return license ? licenseSamples(license) : [];
}

export function licenseSamples(l: AzureLicense): Sample[] {
  return [
    ...sample('backup_license_expiry_timestamp_seconds', {}, l.expires),
    ...sample('backup_license_capacity_units', {}, l.instances),
    ...sample('backup_license_used_units', {}, l.used),
    ...(l.type === undefined ? [] : sample('backup_license_info', labels({ license_type: l.type }), 1)),
  ];
}
