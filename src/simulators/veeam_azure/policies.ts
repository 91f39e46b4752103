// Policy bodies of the simulated appliance, one shape per family as the v8.1 document defines them (each schema
// forbids the properties it does not list), the VNet policy the appliance answers when none was set up, and
// v1's older VM policy.
import type { SimPolicy } from './data';
import { href, type LinkBase } from './shapes';

/** The list (or, for VNet, the single object) each family is served at in v2+; v1 serves VM policies at `/policies`. */
export const FAMILY_PATHS: Record<string, string> = {
  virtualMachines: '/policies/virtualMachines',
  sql: '/policies/sql',
  fileShares: '/policies/fileShares',
  cosmosDb: '/policies/cosmosDb',
  vnet: '/policy/vnet',
  slaBased: '/policy/slaBased/virtualMachines',
};

const NEVER = 'NeverExecuted';

/** What each family adds to the common properties (Policy, SqlPolicy, FileSharePolicy, CosmosDbPolicy, VmProtectionPolicy). */
const FAMILY_FIELDS: Record<string, Record<string, unknown>> = {
  virtualMachines: {
    excludedItemsCount: 0,
    isBackupConfigured: true,
    isArchiveBackupConfigured: false,
    isScheduleConfigured: true,
    snapshotStatus: 'Success',
    backupStatus: 'Success',
    archiveStatus: NEVER,
    healthCheckStatus: NEVER,
  },
  sql: {
    excludedItemsCount: 0,
    isArchiveBackupConfigured: false,
    createPrivateEndpointToWorkloadAutomatically: false,
    backupStatus: 'Success',
    archiveStatus: NEVER,
    healthCheckStatus: NEVER,
  },
  fileShares: { isScheduleConfigured: true, enableIndexing: false, snapshotStatus: 'Success', indexingStatus: NEVER },
  cosmosDb: {
    excludedItemsCount: 0,
    isArchiveBackupConfigured: false,
    createPrivateEndpointToWorkloadAutomatically: false,
    backupStatus: 'Success',
    archiveStatus: NEVER,
    healthCheckStatus: NEVER,
    configurationStatus: 'Success',
  },
  slaBased: {
    excludedItemsCount: 0,
    isBackupConfigured: true,
    snapshotStatus: 'Success',
    backupStatus: 'Success',
    slaPolicyTemplateId: '51a00000-0000-4000-a000-000000000001',
  },
};

export function policyBody(p: SimPolicy, v1: boolean, base: LinkBase): unknown {
  const path = v1 ? '/policies' : FAMILY_PATHS[p.family]!;
  const common = {
    id: p.id,
    name: p.name,
    isEnabled: p.isEnabled,
    nextExecutionTime: p.nextExecutionTime,
    _links: { self: href(base, p.family === 'vnet' ? path : `${path}/${p.id}`) },
  };
  if (p.family === 'vnet') {
    return { ...common, autoDiscoverSubscriptions: true, isScheduleConfigured: true, ...vnetSchedule(6, 30) };
  }
  const owner = { description: null, priority: 1, tenantId: 'tenant-1', serviceAccountId: SERVICE_ACCOUNT };
  if (v1) return { ...common, ...owner, excludedItemsCount: 0, isBackupConfigured: true, isScheduleConfigured: true };
  return { ...common, ...owner, ...FAMILY_FIELDS[p.family] };
}

const SERVICE_ACCOUNT = '5e0b0000-0000-4000-a000-000000000001';

/** The id of the VNet policy object an appliance answers before anyone set one up. */
export const UNCONFIGURED_VNET_ID = '7e700000-0000-4000-a000-000000000000';

/**
 * `GET /policy/vnet` on an appliance where nobody set up a VNet policy. The document lists no 404 and a
 * non-null `id`, so a real appliance answers an object: disabled, no schedule, no resources.
 */
export function unconfiguredVnet(base: LinkBase): unknown {
  return {
    id: UNCONFIGURED_VNET_ID,
    name: null,
    isEnabled: false,
    autoDiscoverSubscriptions: false,
    autoDiscoveredProtectedResources: null,
    additionalProtectedResources: null,
    nextExecutionTime: null,
    isScheduleConfigured: false,
    ...vnetSchedule(null, null),
    targetRepositoryId: null,
    _links: { self: href(base, '/policy/vnet') },
  };
}

function vnetSchedule(hours: number | null, days: number | null): Record<string, number | null> {
  return {
    backupIntervalMinutes: null,
    backupIntervalHours: hours,
    retentionPeriodDays: days,
    retentionPeriodWeeks: null,
    retentionPeriodMonths: null,
  };
}
