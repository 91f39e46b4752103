// The v8.1 OpenAPI document's schemas of what the exporter reads, as zod (paths and schema names as in the
// document): the token, system/about, each policy family, policy/vnet, jobSessions, a session's log and the
// error bodies. Objects the document marks additionalProperties:false are strict: a property it does not list
// fails. Properties the exporter reads are typed; other documented ones are allowed with any value.
// Decided where the document is silent or implausible (and why):
// - `_links` hrefs are `format: uri`: absolute URLs (a relative reference is not a uri).
// - `format: uuid` is read as any 8-4-4-4-12 hex id (.NET Guids need not carry RFC version bits).
// - date-times carry an offset or `Z` (the document is UTC throughout; v1 is in schemas-v1.ts).
import { z } from 'zod';

export const int32 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);
export const int64 = z.number().int();
export const guid = z.guid();
export const dateTime = z.iso.datetime({ offset: true });
/** .NET TimeSpan `[-][d.]hh:mm:ss[.fffffff]` (`format: time-span`). */
export const timeSpan = z.string().regex(/^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/);
export const text = z.string();
export const link = z.strictObject({ href: z.url().nullable().optional() });
/** LinksDictionary: nullable, readOnly. */
export const links = z.record(z.string(), link).nullable().optional();
const any = z.unknown().optional();

export const JOB_STATUS = z.enum([
  'Canceled',
  'Canceling',
  'Error',
  'NeverExecuted',
  'Running',
  'RunningWithError',
  'RunningWithWarning',
  'Success',
  'Warning',
  'Pending',
  'Unknown',
]);
const POLICY_TYPE = z.enum([
  'VirtualMachines',
  'AzureSql',
  'FileShares',
  'Unknown',
  'CosmosDb',
  'ProtectionVmPolicy',
  'Vnet',
]);

/** Allowed properties whose values the exporter does not read. */
function allowed(...names: string[]): Record<string, typeof any> {
  return Object.fromEntries(names.map((n) => [n, any]));
}

/** `PageOf<X>`: offset and limit required; no additionalProperties:false on pages. */
export function pageOf(item: z.ZodType) {
  return z.object({
    offset: int32,
    limit: int32,
    totalCount: int32.nullable().optional(),
    _links: z.record(z.string(), link).optional(),
    results: z.array(item).optional(),
  });
}

// Properties every policy schema has; `isEnabled` is nullable in all but VnetPolicy.
const policyCommon = {
  id: guid,
  name: text.nullable().optional(),
  isEnabled: z.boolean().nullable().optional(),
  nextExecutionTime: dateTime.nullable().optional(),
  description: text.nullable().optional(),
  priority: int64.optional(),
  tenantId: text.nullable().optional(),
  serviceAccountId: guid.optional(),
  _links: links,
  ...allowed('retrySettings', 'policyNotificationSettings', 'backupType'),
};
const status = JOB_STATUS.optional();
const flag = z.boolean().optional();
const schedules = allowed(
  'dailySchedule',
  'weeklySchedule',
  'monthlySchedule',
  'yearlySchedule',
  'healthCheckSchedule',
);

/** Policy (`/policies/virtualMachines`): id, isBackupConfigured and serviceAccountId required. */
export const Policy = z.strictObject({
  ...policyCommon,
  serviceAccountId: guid,
  isBackupConfigured: z.boolean(),
  excludedItemsCount: int32.optional(),
  snapshotStatus: status,
  backupStatus: status,
  archiveStatus: status,
  healthCheckStatus: status,
  isArchiveBackupConfigured: flag,
  isScheduleConfigured: flag,
  ...schedules,
  ...allowed('convertedWithLoss', 'snapshotSettings', 'cbtResetTimeUtc'),
});

/** SqlPolicy (`/policies/sql`): no snapshotStatus, isBackupConfigured or isScheduleConfigured. */
export const SqlPolicy = z.strictObject({
  ...policyCommon,
  excludedItemsCount: int32.optional(),
  backupStatus: status,
  archiveStatus: status,
  healthCheckStatus: status,
  isArchiveBackupConfigured: flag,
  createPrivateEndpointToWorkloadAutomatically: flag,
  ...schedules,
});

/** FileSharePolicy (`/policies/fileShares`): snapshot and indexing statuses only, no excludedItemsCount. */
export const FileSharePolicy = z.strictObject({
  ...policyCommon,
  snapshotStatus: status,
  indexingStatus: status,
  isScheduleConfigured: flag,
  enableIndexing: z.boolean().nullable().optional(),
  ...allowed('dailySchedule', 'weeklySchedule', 'monthlySchedule'),
});

/** CosmosDbPolicy (`/policies/cosmosDb`): no snapshotStatus, isBackupConfigured or isScheduleConfigured. */
export const CosmosDbPolicy = z.strictObject({
  ...policyCommon,
  excludedItemsCount: int32.optional(),
  backupStatus: status,
  archiveStatus: status,
  healthCheckStatus: status,
  configurationStatus: status,
  isArchiveBackupConfigured: flag,
  createPrivateEndpointToWorkloadAutomatically: flag,
  ...schedules,
  ...allowed('backupWorkloads', 'continuousBackupType', 'defaultBackupAccountId', 'credentialsList'),
});

/** VmProtectionPolicy (`/policy/slaBased/virtualMachines`): no archive or health-check status, no schedule flag. */
export const VmProtectionPolicy = z.strictObject({
  ...policyCommon,
  serviceAccountId: guid,
  isBackupConfigured: z.boolean(),
  excludedItemsCount: int32.optional(),
  snapshotStatus: status,
  backupStatus: status,
  slaPolicyTemplateId: guid.optional(),
  storagePolicyTemplateId: guid.nullable().optional(),
  ...allowed('slaPolicyNotificationSettings', 'snapshotSettings', 'snapshotDestinations'),
});

/** VnetPolicy (`/policy/vnet`): one object, not a page; a non-null id and a non-null isEnabled. */
export const VnetPolicy = z.strictObject({
  id: guid,
  name: text.nullable().optional(),
  isEnabled: z.boolean().optional(),
  autoDiscoverSubscriptions: flag,
  nextExecutionTime: dateTime.nullable().optional(),
  isScheduleConfigured: flag,
  backupIntervalMinutes: int32.nullable().optional(),
  backupIntervalHours: int32.nullable().optional(),
  retentionPeriodDays: int32.nullable().optional(),
  retentionPeriodWeeks: int32.nullable().optional(),
  retentionPeriodMonths: int32.nullable().optional(),
  targetRepositoryId: text.nullable().optional(),
  _links: links,
  ...allowed('autoDiscoveredProtectedResources', 'additionalProtectedResources', 'policyNotificationSettings'),
});

/** BackupJobInfo: nullable; policyType is a PolicyType, which is not nullable. */
const BackupJobInfo = z
  .strictObject({
    policyId: guid.nullable().optional(),
    policyName: text.nullable().optional(),
    policyType: POLICY_TYPE.optional(),
    protectedInstancesCount: int32.optional(),
    policyRemoved: flag,
  })
  .nullable()
  .optional();

/** JobSession: status required; the schema itself is nullable (a results entry may be null). */
export const JobSession = z
  .strictObject({
    id: text.nullable().optional(),
    type: text.optional(),
    localizedType: text.nullable().optional(),
    executionStartTime: dateTime.nullable().optional(),
    executionStopTime: dateTime.nullable().optional(),
    executionDuration: timeSpan.nullable().optional(),
    status: JOB_STATUS,
    backupJobInfo: BackupJobInfo,
    _links: links,
    ...allowed('healthCheckJobInfo', 'restoreJobInfo', 'fileLevelRestoreJobInfo', 'fileShareFileLevelRestoreJobInfo'),
    ...allowed('repositoryJobInfo', 'restorePointDataRetrievalJobInfo', 'retentionJobInfo'),
  })
  .nullable();
