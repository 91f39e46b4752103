// More v8.1 schemas (see schemas.ts for the conventions): a session's log, the token, system/about, the error
// bodies, and the capacity endpoints (repositories, storage usage, licence, protected workloads).
// Decided where the document is silent or implausible (and why):
// - StorageUsageReport sizes are declared int32 but are bytes: they are checked as non-negative integers
//   without the int32 bound, because real estates pass 2 GiB and the simulator sends such sizes on purpose.
// - ProtectedWorkloadsReport counts stay int32 (counts of VMs, databases and shares fit).
import { z } from 'zod';
import { dateTime, guid, int32, JOB_STATUS, links, text, timeSpan } from './schemas';

const any = z.unknown().optional();
const size = z.number().int().nonnegative();

/** Login (200 of `POST /api/oauth2/token`). */
export const Login = z.strictObject({
  access_token: text.nullable().optional(),
  token_type: text.nullable().optional(),
  refresh_token: text.nullable().optional(),
  expires_in: int32.optional(),
  '.issued': dateTime.nullable().optional(),
  '.expires': dateTime.nullable().optional(),
  userId: guid.optional(),
  username: text.nullable().optional(),
  roleName: text.nullable().optional(),
  userType: z.enum(['Internal', 'IdentityProvider', 'Unknown']).optional(),
  latestNewsShown: z.boolean().optional(),
  mfa_enabled: z.boolean().optional(),
  mfa_token: text.nullable().optional(),
  redirectTo: text.nullable().optional(),
  shortLived: z.boolean().optional(),
});

/** SystemInfo (`/system/about`). */
export const SystemInfo = z.strictObject({
  serverVersion: text.nullable().optional(),
  workerVersion: text.nullable().optional(),
  flrVersion: text.nullable().optional(),
  databaseId: guid.optional(),
  copyright: text.nullable().optional(),
  deploymentSubscriptionId: text.optional(),
});

const s = text.nullable().optional();
const status = int32.optional();
export const ProblemDetails400 = z.strictObject({
  detail: s,
  errors: z.record(z.string(), z.array(z.string())).nullable().optional(),
  status,
  title: s,
  traceId: s,
  type: s,
});
export const ProblemDetails401 = z.strictObject({ extensions: any, status, title: s, detail: s, type: s });
export const ProblemDetails403 = z.strictObject({
  extensions: any,
  status,
  title: s,
  type: s,
  licenseAgreementAcceptanceRequired: z.boolean().nullable().optional(),
});
export const ProblemDetails404 = z.strictObject({ detail: s, instance: s, status, title: s, traceId: s, type: s });
/** The token endpoint's 401: `type` is not nullable here. */
export const ProblemDetailsTraceId = ProblemDetails404.extend({ type: text.optional() });

/** Repository: enableEncryption and storageTier required. */
export const Repository = z.strictObject({
  id: text.nullable().optional(),
  name: text.nullable().optional(),
  enableEncryption: z.boolean(),
  repositoryType: z.enum(['Backup', 'VeeamVault', 'Unknown']).optional(),
  status: z.enum(['Creating', 'Importing', 'Ready', 'Failed', 'Unknown', 'ReadOnly']).optional(),
  storageTier: z.enum(['Inferred', 'Hot', 'Cool', 'Archive', 'Unknown', 'Cold']),
  isStorageTierInferred: z.boolean().optional(),
  immutabilityEnabled: z.boolean().optional(),
  environment: z.enum(['Global', 'Germany', 'China', 'USGovernment', 'Unknown']).nullable().optional(),
  azureStorageFolder: any,
  azureStorageContainer: z
    .strictObject({
      name: s,
      supportsVersioning: z.boolean().nullable().optional(),
      ImmutabilityPolicyState: z.enum(['NotPresent', 'Unlocked', 'Locked']).optional(),
      _links: links,
    })
    .optional(),
  storageConsumptionLimit: z
    .strictObject({ limitValue: int32.min(1).optional(), limitType: z.enum(['MB', 'GB', 'TB', 'Unknown']).optional() })
    .nullable()
    .optional(),
  concurrencyLimit: int32.min(1).nullable().optional(),
  veeamVaultId: z.number().int().nullable().optional(),
  _links: links,
  ...Object.fromEntries(
    ['description', 'azureStorageAccountId', 'azureStorageAccountName', 'hint', 'regionId', 'regionName'].map((k) => [
      k,
      s,
    ]),
  ),
  azureAccountId: s,
  repositoryOwnership: any,
});

/** StorageUsageReport: a bare object, no additionalProperties:false. */
export const StorageUsageReport = z.object({
  snapshotsCount: size.optional(),
  archivesCount: size.optional(),
  backupCount: size.optional(),
  totalUsage: size.optional(),
  hotUsage: size.optional(),
  coolUsage: size.optional(),
  archiveUsage: size.optional(),
});

const double = z.number().optional();
/** LicenseInfo: a bare object; licenseExpires nullable; the instance uses are doubles. */
export const LicenseInfo = z.strictObject({
  licenseType: z.enum(['Subscription', 'Free', 'ExternalVbr', 'MeteredBilling', 'Unknown']).optional(),
  isFreeEdition: z.boolean().optional(),
  totalInstancesUses: double,
  vmsInstancesUses: double,
  sqlInstancesUses: double,
  fileShareInstancesUses: double,
  cosmosDbInstancesUses: double,
  instances: int32.optional(),
  company: s,
  email: s,
  licenseExpires: dateTime.nullable().optional(),
  licenseId: s,
  supportId: s,
  gracePeriodDays: int32.optional(),
  veeamOnlineStoreUrl: s,
  licensingServer: z
    .strictObject({
      id: guid.optional(),
      hostname: s,
      status: z.enum(['Available', 'NotAvailable', 'Unknown']).optional(),
      lastConnectionTime: dateTime.nullable().optional(),
      isExpired: z.boolean().optional(),
    })
    .optional(),
});

/** ProtectedWorkloadsReport: a bare object of int32 counts. */
export const ProtectedWorkloadsReport = z.object(
  Object.fromEntries(
    ['virtualMachines', 'sqlDatabases', 'fileShares'].flatMap((w) => [
      [`${w}TotalCount`, int32.optional()],
      [`${w}ProtectedCount`, int32.optional()],
    ]),
  ),
);

/** JobSessionLog: not a page; LogItem.logTime is not nullable. */
export const JobSessionLog = z.strictObject({
  jobSessionId: text.nullable().optional(),
  log: z
    .array(
      z.strictObject({
        logTime: dateTime.optional(),
        status: JOB_STATUS.optional(),
        message: text.nullable().optional(),
        resourceHashId: text.nullable().optional(),
        executionStartTime: dateTime.nullable().optional(),
        executionDuration: timeSpan.nullable().optional(),
      }),
    )
    .nullable()
    .optional(),
});
