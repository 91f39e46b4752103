// What the VB365 v6/v7/v8 OpenAPI documents say about the storage, licence, coverage and proxy endpoints
// (`/work/shared/vendor-api/openapi/vb365_rest_v{6,7,8}.json`, schemas RESTBackupRepository,
// RESTObjectStorageComposed, RESTObjectStorageRepositoryComposed, RESTOrganizationStorageSpaceUsage, RESTLicense,
// RESTLicensedUser, RESTOrganizationLicensingInformation, RESTProxy and their PageOf… envelopes), as zod schemas the
// simulator's answers are checked against. Objects are strict: a field a version does not declare is an error.
// No item schema declares `required` fields, so every field is optional; types, formats, enums and nullability
// are the documents'. Where the documents are silent, decided here:
//  - v3–v5 (no documents): checked against the v6 schemas (the simulator answers as v6 there).
//  - v8 `objectStorage` is not declared nullable; whether a JET repository gets null or nothing is not said:
//    the `null-object-storage` mode sends null and is checked with `nullObjectStorage`.
//  - `lastBackupDate` is not nullable; its value for a user never backed up is not said: any date-time.
//  - Page `_links` key names are not documented: any keys with `{href}`.
//  - Numbers sent as strings (mode `string-numbers`) break the documents on purpose: `numbers: 'string'`.
import { z } from 'zod';

export interface Options {
  /** The `string-numbers` mode: sizes and counts as decimal strings. */
  numbers?: 'number' | 'string';
  nullObjectStorage?: boolean;
}

const uuid = z.uuid();
const dt = z.iso.datetime({ offset: true, local: true });
const links = z.record(z.string(), z.strictObject({ href: z.string() }));
const opt = <T extends z.ZodType>(t: T) => t.optional();
const optNull = <T extends z.ZodType>(t: T) => t.nullable().optional();

function int(o: Options): z.ZodType {
  return o.numbers === 'string' ? z.string().regex(/^-?\d+$/) : z.number().int();
}
function double(o: Options): z.ZodType {
  return o.numbers === 'string' ? z.string().regex(/^-?\d+(\.\d+)?$/) : z.number();
}

/** `PageOf…`: offset, limit and results required; `totalCount` only in v6/v7. */
export function page(item: z.ZodType, v: number): z.ZodType {
  return z.strictObject({
    offset: z.number().int(),
    limit: z.number().int(),
    setId: opt(uuid),
    results: z.array(item),
    _links: opt(links),
    ...(v <= 7 ? { totalCount: optNull(z.number().int()) } : {}),
  });
}

const OBJECT_TYPES_6 = ['AzureBlob', 'AmazonS3', 'AmazonS3Compatible', 'AzureBlobArchive', 'AmazonS3Glacier'] as const;
const OBJECT_TYPES_7 = [...OBJECT_TYPES_6, 'WasabiCloud', 'IBMCloud'] as const;

/** v8 `RESTObjectStorageComposed` and v6/v7 `RESTObjectStorageRepositoryComposed` (the fields the simulator uses). */
export function objectStorage(v: number, o: Options = {}): z.ZodType {
  return z.strictObject({
    id: opt(uuid),
    ...(v <= 7 ? { name: opt(z.string()), description: opt(z.string()) } : {}),
    type: opt(z.enum(v <= 6 ? OBJECT_TYPES_6 : OBJECT_TYPES_7)),
    accountId: optNull(uuid),
    sizeLimitEnabled: optNull(z.boolean()),
    sizeLimitGB: optNull(int(o)),
    usedSpaceBytes: optNull(int(o)),
    freeSpaceBytes: optNull(int(o)),
    ...(v >= 7 ? { enableImmutability: optNull(z.boolean()) } : {}),
    ...(v >= 8
      ? { enableImmutabilityGovernanceMode: optNull(z.boolean()), immutabilityPeriodDays: optNull(int(o)) }
      : {}),
    s3Folder: opt(z.string()),
    azureFolder: opt(z.string()),
    _links: opt(z.record(z.string(), z.strictObject({ href: z.string() }))),
  });
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const YEARS = ['Year1', 'Years2', 'Years3', 'Years5', 'Years7', 'Years10', 'Years25', 'Keep'] as const;

export function repository(v: number, o: Options = {}): z.ZodType {
  const os = objectStorage(v, o);
  return z.strictObject({
    ...(v <= 7 ? { objectStorageId: optNull(uuid), objectStorageCachePath: opt(z.string()) } : {}),
    objectStorageEncryptionEnabled: optNull(z.boolean()),
    encryptionKeyId: optNull(uuid),
    capacityBytes: optNull(int(o)),
    freeSpaceBytes: optNull(int(o)),
    id: optNull(uuid),
    name: opt(z.string()),
    description: opt(z.string()),
    path: opt(z.string()),
    retentionType: optNull(z.enum(['ItemLevel', 'SnapshotBased'])),
    retentionPeriodType: optNull(z.enum(['Monthly', 'Daily', 'Yearly'])),
    dailyRetentionPeriod: optNull(z.number().int()),
    monthlyRetentionPeriod: optNull(z.number().int()),
    yearlyRetentionPeriod: optNull(z.enum(YEARS)),
    retentionFrequencyType: optNull(z.enum(['Daily', 'Monthly'])),
    dailyTime: opt(z.string()),
    dailyType: optNull(z.enum(['Everyday', 'Workdays', 'Weekends', ...DAYS])),
    monthlyTime: opt(z.string()),
    monthlyDaynumber: optNull(z.enum(['First', 'Second', 'Third', 'Fourth', 'Last'])),
    monthlyDayofweek: optNull(z.enum(DAYS)),
    proxyId: optNull(uuid),
    isLongTerm: optNull(z.boolean()),
    isOutOfSync: opt(z.boolean()),
    _links: opt(links),
    ...(v >= 8 ? v8RepositoryFields(os, o) : {}),
  });
}

function v8RepositoryFields(os: z.ZodType, o: Options): Record<string, z.ZodType> {
  return {
    proxyPoolId: optNull(uuid),
    organizationId: optNull(uuid),
    isOutdated: opt(z.boolean()),
    isIndexed: opt(z.boolean()),
    isMigrationLocked: opt(z.boolean()),
    isOutOfOrder: opt(z.boolean()),
    outOfOrderReason: optNull(z.string()),
    objectStorage: o.nullObjectStorage ? optNull(os) : opt(os),
  };
}

export function usage(v: number, o: Options = {}): z.ZodType {
  return z.strictObject({
    ...(v >= 8 ? { repositoryId: opt(uuid), protectedObjectsCount: optNull(int(o)) } : {}),
    usedSpaceBytes: optNull(int(o)),
    localCacheUsedSpaceBytes: optNull(int(o)),
    objectStorageUsedSpaceBytes: optNull(int(o)),
    isAvailable: opt(z.boolean()),
    details: opt(z.string()),
    _links: opt(links),
  });
}

const LICENSE_TYPES = ['Subscription', 'Evaluation', 'NFR', 'Rental', 'Community', 'AwsPrivateOffer'] as const;

export function license(v: number, o: Options = {}): z.ZodType {
  return z.strictObject({
    licenseID: optNull(uuid),
    email: opt(z.string()),
    status: opt(z.enum(['Valid', 'Expired'])),
    type: opt(z.enum(LICENSE_TYPES)),
    licensedTo: opt(z.string()),
    totalNumber: opt(int(o)),
    usedNumber: opt(int(o)),
    newNumber: opt(int(o)),
    supportID: opt(z.string()),
    ...(v <= 6
      ? { expirationDate: optNull(dt), contactPerson: opt(z.string()), supportExpirationDate: optNull(dt) }
      : { licenseExpires: optNull(dt), gracePeriodExpires: optNull(dt), package: opt(z.string()) }),
  });
}

export function licensingInformation(o: Options = {}): z.ZodType {
  return z.strictObject({ licensedUsers: opt(int(o)), newUsers: opt(int(o)) });
}

export const licensedUser = z.strictObject({
  id: opt(z.string()),
  name: opt(z.string()),
  isBackedUp: opt(z.boolean()),
  lastBackupDate: opt(dt),
  licenseState: opt(z.enum(['Licensed', 'New', 'TemporarilyAssigned', 'Exceeded'])),
  organizationId: optNull(uuid),
  backedUpOrganizationId: opt(z.string()),
  organizationName: opt(z.string()),
  _links: opt(links),
});

export function proxy(v: number, o: Options = {}): z.ZodType {
  return z.strictObject({
    type: opt(z.enum(['Local', 'Domain', 'Workgroup'])),
    useInternetProxy: optNull(z.boolean()),
    internetProxyType: optNull(z.enum(['FromManagementServer', 'Custom'])),
    id: optNull(uuid),
    hostName: opt(z.string()),
    ...(v >= 7 ? { fqdn: opt(z.string()) } : {}),
    description: opt(z.string()),
    port: optNull(z.number().int()),
    ...(v <= 7 ? { threadsNumber: optNull(z.number().int()) } : {}),
    enableNetworkThrottling: optNull(z.boolean()),
    throttlingValue: optNull(z.number().int()),
    throttlingUnit: optNull(z.enum(['Mbps', 'MBs', 'KBs'])),
    status: opt(z.enum(['Online', 'Offline'])),
    _links: opt(links),
    ...(v >= 8
      ? {
          operatingSystem: opt(z.enum(['Windows', 'Linux'])),
          proxyPoolId: optNull(uuid),
          maintenanceModeState: opt(z.enum(['Disabled', 'Enabling', 'Enabled'])),
          cpuUsagePercent: optNull(double(o)),
          memoryUsagePercent: optNull(double(o)),
          version: optNull(z.string()),
          serviceAccount: optNull(z.string()),
          role: opt(z.array(z.enum(['Unknown', 'Orchestrator', 'Scheduler', 'ApplianceProcessor', 'Processor']))),
        }
      : {}),
  });
}

/** `RESTExceptionInfo`, every operation's `default` answer: `errorCode` from v7, `stackTrace` in v8. */
export function exceptionInfo(v: number): z.ZodType {
  return z.strictObject({
    message: opt(z.string()),
    ...(v >= 7 ? { errorCode: opt(z.string()) } : {}),
    ...(v >= 8 ? { stackTrace: opt(z.string()) } : {}),
  });
}
