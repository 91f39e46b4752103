// Repositories, storage usage, licence and protected workloads of the simulated appliance, as the v8.1 document
// describes them: `repositories` is a page, the other three are bare objects. The records are kept as sent so
// tests can break single fields. Sizes are far above the document's int32 on purpose: real estates are.
// v1 serves only `license`, in its older shape (`instancesUses`, a time without offset, per the v1 reference);
// the other endpoints answer 404 there, as on any appliance whose API version lacks them.
import type { SimReply, SimRequest } from '../common';
import { uuid } from './data';
import { href, type LinkBase, type PageOptions, page, problem } from './shapes';

export type LicenseMode = 'subscription' | 'metered' | 'external';

export interface SimCapacity {
  /** Repository bodies without `_links`. */
  repositories: Record<string, unknown>[];
  /** StorageUsageReport. */
  storage: Record<string, unknown>;
  /** LicenseInfo (v8.1 names). */
  license: Record<string, unknown>;
  /** ProtectedWorkloadsReport for PeriodFlag=Week. */
  workloads: Record<string, unknown>;
}

const DAY = 86_400_000;
const TIB = 2 ** 40;

export function demoCapacity(now: number, license: LicenseMode = 'subscription'): SimCapacity {
  return {
    repositories: [
      repository(1, 'repo-hot', 'Ready', 'Backup', 'Hot', false),
      repository(2, 'repo-vault', 'Ready', 'VeeamVault', 'Cool', true),
      repository(3, 'repo-archive', 'ReadOnly', 'Backup', 'Archive', true),
      repository(4, 'repo-broken', 'Failed', 'Backup', 'Cool', false),
      repository(5, 'repo-new', 'Creating', 'Backup', 'Inferred', false),
      repository(6, 'repo-orphan', 'Unknown', 'Unknown', 'Cold', false),
    ],
    storage: {
      snapshotsCount: 148,
      archivesCount: 2 * TIB,
      backupCount: 6.5 * TIB,
      totalUsage: 8.5 * TIB,
      hotUsage: 5 * TIB,
      coolUsage: 1.5 * TIB,
      archiveUsage: 2 * TIB,
    },
    license: licenseBody(now, license),
    workloads: {
      virtualMachinesTotalCount: 40,
      virtualMachinesProtectedCount: 31,
      sqlDatabasesTotalCount: 12,
      sqlDatabasesProtectedCount: 4,
      fileSharesTotalCount: 6,
      fileSharesProtectedCount: 6,
    },
  };
}

function repository(n: number, name: string, status: string, type: string, tier: string, immutable: boolean) {
  const vault = type === 'VeeamVault';
  return {
    id: uuid(n, 4),
    name,
    description: null,
    azureStorageAccountId: uuid(n, 5),
    azureStorageAccountName: `vbazstore${n}`,
    azureStorageContainer: {
      name: `backups-${n}`,
      supportsVersioning: immutable,
      ImmutabilityPolicyState: immutable ? 'Unlocked' : 'NotPresent',
    },
    enableEncryption: true,
    hint: null,
    regionId: 'westeurope',
    regionName: 'West Europe',
    azureAccountId: uuid(1, 6),
    repositoryType: type,
    environment: 'Global',
    status,
    storageTier: tier,
    isStorageTierInferred: tier === 'Inferred',
    immutabilityEnabled: immutable,
    repositoryOwnership: { hasAnotherOwner: false, currentOwnerIdentifier: null, currentOwnerName: null },
    concurrencyLimit: null,
    storageConsumptionLimit: vault ? { limitValue: 10, limitType: 'TB' } : null,
    veeamVaultId: vault ? 4711 : null,
  };
}

/** A subscription 20 days from expiry; metered billing and a VBR-managed licence have no units and no expiry. */
function licenseBody(now: number, mode: LicenseMode): Record<string, unknown> {
  const uses = { vmsInstancesUses: 30, sqlInstancesUses: 8.5, fileShareInstancesUses: 3, cosmosDbInstancesUses: 1 };
  const common = { isFreeEdition: false, totalInstancesUses: 42.5, ...uses, gracePeriodDays: 30 };
  const owner = { company: 'Example Corp', email: 'backup-admins@example.com', veeamOnlineStoreUrl: null };
  if (mode === 'metered') return { licenseType: 'MeteredBilling', ...common, instances: 0, licenseExpires: null };
  if (mode === 'external') {
    const server = { id: uuid(9, 7), hostname: 'vbr.example.com', status: 'Available', isExpired: false };
    const lastConnectionTime = new Date(now - 3_600_000).toISOString();
    return {
      licenseType: 'ExternalVbr',
      ...common,
      instances: 0,
      licenseExpires: null,
      licensingServer: { ...server, lastConnectionTime },
    };
  }
  return {
    licenseType: 'Subscription',
    ...common,
    instances: 50,
    ...owner,
    licenseExpires: new Date(now + 20 * DAY).toISOString(),
    licenseId: uuid(3, 7),
    supportId: '01234567',
  };
}

/** Answers the capacity endpoints (path below `/api/<version>`); undefined for "no such route". */
export function capacityRoute(path: string, req: SimRequest, c: SimCapacity, o: PageOptions, base: LinkBase) {
  const v1 = base.version === 'v1';
  if (path === '/license') return { json: v1 ? v1License(c.license) : c.license };
  if (v1) return undefined;
  if (path === '/repositories') {
    const items = c.repositories.map((r) => ({ ...r, _links: { self: href(base, `/repositories/${r.id}`) } }));
    return { json: page(req, items, o, base) };
  }
  if (path === '/overview/storageUsage') return { json: c.storage };
  if (path === '/overview/protectedWorkloads') return workloads(req, c.workloads);
  return undefined;
}

/** The protected counts of the past day are half the week's; other periods are the week's. */
const PERIOD_SHARE: Record<string, number> = { Day: 0.5, Week: 1, Month: 1, Year: 1, Unknown: 1 };

function workloads(req: SimRequest, week: Record<string, unknown>): SimReply {
  const period = req.query.get('PeriodFlag') ?? '';
  const share = PERIOD_SHARE[period];
  if (share === undefined) {
    const errors = {
      PeriodFlag: [period ? `The value '${period}' is not valid.` : 'The PeriodFlag field is required.'],
    };
    return problem(400, 'One or more validation errors occurred.', undefined, { errors });
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(week)) {
    out[k] = k.endsWith('ProtectedCount') && typeof v === 'number' ? Math.floor(v * share) : v;
  }
  return { json: out };
}

/** v1's LicenseInfo: `instancesUses` (an integer), and `licenseExpires` without an offset. */
function v1License(l: Record<string, unknown>): Record<string, unknown> {
  const keep = ['licenseType', 'instances', 'company', 'email', 'licenseId', 'supportId', 'gracePeriodDays'];
  const out: Record<string, unknown> = {};
  for (const k of keep) if (k in l) out[k] = l[k];
  if (typeof l.totalInstancesUses === 'number') out.instancesUses = Math.round(l.totalInstancesUses);
  if (typeof l.licenseExpires === 'string') out.licenseExpires = l.licenseExpires.replace(/(\.\d+)?Z$/, '');
  else if ('licenseExpires' in l) out.licenseExpires = l.licenseExpires;
  return out;
}
