// What the VB365 documents say about every answer the exporter reads, per REST version, as zod schemas; the
// simulator's answers are checked against them (schema.test.ts) so that it cannot drift from the documents.
//
// Sources: v6/v7/v8 from the official OpenAPI documents (`components.schemas` OAuthTokenResponse,
// RESTServiceInstance, RestOrganizationComposed, RESTJob, RESTCopyJob, RESTJobSession, RESTLogItem, PageOf…).
// v3–v5 have no OpenAPI document: their schemas are the v6 ones, narrowed by the reference pages' facts (bare
// arrays up to v4, pages from v5 for sessions and log items; log items with `title`; sessions without `jobId`
// or `jobType`; session links `self`, `log`, `job`).
//
// Decided where the documents are silent or loose:
//  - No item schema declares `required` except the token: every item field is optional here too; what is
//    checked is that no field is sent that the version does not declare (strict objects), and the type, format,
//    enum and nullability of every field that is sent.
//  - `date-time` also accepts a time without an offset: .NET writes a DateTime of unspecified kind that way
//    (e.g. `0001-01-01T00:00:00`), and the exporter reads such a time as UTC.
//  - `uuid` is any 8-4-4-4-12 hexadecimal id (the documents do not ask for an RFC 4122 variant).
//  - `_links` is `RESTLinkHALDictionary`: any names, each `{href}`; no document names a key.
//  - Modes that depart from the documents on purpose, because real servers may: `tokenTimes: 'rfc1123'`
//    (`.issued`/`.expires` as OWIN writes them) and `runningEnd: 'null'` (a v6 end of null despite the schema).
import { z } from 'zod';

const dateTime = z.iso.datetime({ offset: true, local: true });
const uuid = z.guid();
const int = z.number().int();
const links = z.record(z.string(), z.strictObject({ href: z.string() }));
const STATUS = z.enum([
  'Stopped',
  'Running',
  'Success',
  'Failed',
  'Warning',
  'NotConfigured',
  'Disconnected',
  'Queued',
]);
const EVERY = ['Minutes5', 'Minutes10', 'Minutes15', 'Minutes30', 'Hours1', 'Hours2', 'Hours4', 'Hours8'];
const DAYS = ['Everyday', 'Workdays', 'Weekends', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAILY = z.enum([...DAYS, 'Sunday']);

type Shape = Record<string, z.ZodType>;

/** Every field optional, none undeclared. */
function item(shape: Shape): z.ZodType {
  return z.strictObject(shape).partial();
}

function every(v: number): z.ZodType {
  return z.enum(v >= 8 ? [...EVERY, 'Hours12'] : EVERY).nullable();
}

/** `OAuthTokenResponse`: every field required but `userName` in v8. */
export function token(v: number): z.ZodType {
  return z.strictObject({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.string(),
    expires_in: int,
    userName: v >= 8 ? z.string().optional() : z.string(),
    '.issued': dateTime,
    '.expires': dateTime,
  });
}

export const serviceInstance: z.ZodType = item({ installationId: uuid, version: z.string() });

/** `RestOrganizationComposed` (the fields the simulator sends; `description` from v7). */
export function organization(v: number): z.ZodType {
  return item({
    type: z.enum(['Office365', 'OnPremises', 'Hybrid']),
    region: z.enum(['Worldwide', 'Germany', 'China', 'USDefence', 'USGovernment']),
    id: uuid.nullable(),
    name: z.string(),
    officeName: z.string(),
    ...(v >= 7 ? { description: z.string().nullable() } : {}),
    isBackedup: z.boolean().nullable(),
    isExchangeOnline: z.boolean().nullable(),
    isSharePointOnline: z.boolean().nullable(),
    isTeamsOnline: z.boolean().nullable(),
    _links: links,
  });
}

/** Fields common to `RESTJob` and `RESTCopyJob`. */
function jobCommon(v: number): Shape {
  return {
    id: uuid.nullable(),
    name: z.string(),
    repositoryId: uuid.nullable(),
    lastRun: dateTime.nullable(),
    nextRun: dateTime.nullable(),
    isEnabled: z.boolean().nullable(),
    lastStatus: STATUS.nullable(),
    _links: links,
    ...(v >= 7 ? { lastBackup: dateTime.nullable() } : {}),
    ...(v >= 8 ? { organizationId: uuid.nullable(), eTag: int } : {}),
  };
}

/** `RESTJob` with `RESTJobSchedulePolicy`. */
export function job(v: number): z.ZodType {
  const schedule = item({
    scheduleEnabled: z.boolean().nullable(),
    backupWindowEnabled: z.boolean().nullable(),
    type: z.enum(['Periodically', 'Daily', 'ManualOnly']).nullable(),
    periodicallyEvery: every(v),
    dailyType: DAILY.nullable(),
    dailyTime: z.string(),
    retryEnabled: z.boolean().nullable(),
    retryNumber: int.nullable(),
    retryWaitInterval: int.nullable(),
  });
  return item({
    ...jobCommon(v),
    description: z.string(),
    backupType: z.enum(['EntireOrganization', 'SelectedItems']).nullable(),
    ...(v <= 7 ? { runNow: z.boolean().nullable() } : {}),
    schedulePolicy: schedule,
  });
}

/** `RESTCopyJob` with `RESTCopyJobSchedulePolicy` (v6+). */
export function copyJob(v: number): z.ZodType {
  const schedule = item({
    type: z.enum(['Immediate', 'Periodically', 'DailyAtTime']).nullable(),
    periodicallyEvery: every(v),
    dailyType: DAILY.nullable(),
    dailyTime: z.string(),
    backupCopyWindowEnabled: z.boolean().nullable(),
  });
  return item({ ...jobCommon(v), backupJobId: uuid.nullable(), schedulePolicy: schedule });
}

/** `RESTJobSession`: `endTime` nullable from v7; `jobType` etc. from v7; `jobId` from v8. */
export function session(v: number): z.ZodType {
  const statistics = item({
    processingRateBytesPS: int,
    processingRateItemsPS: int,
    readRateBytesPS: int,
    writeRateBytesPS: int,
    transferredDataBytes: int,
    processedObjects: int,
    bottleneck: z.enum(['NA', 'Detecting', 'Source', 'Target']),
  });
  const v7 = {
    repositoryId: uuid,
    mainSessionId: uuid,
    jobWillBeRetried: z.boolean().nullable(),
    jobType: z.enum(['Backup', 'Copy']),
  };
  const v8 = {
    jobId: uuid,
    jobSessionConfigType: z.enum(['Full', 'Incremental']),
    eTag: int,
    proxyId: uuid.nullable(),
    proxyPoolId: uuid.nullable(),
  };
  return item({
    id: uuid,
    details: z.string().nullable(),
    creationTime: dateTime,
    endTime: v >= 7 ? dateTime.nullable() : dateTime,
    retryCount: int,
    progress: int,
    status: STATUS,
    statistics,
    _links: links,
    ...(v >= 7 ? v7 : {}),
    ...(v >= 8 ? v8 : {}),
  });
}

/** `RESTLogItem`: `title` up to v7; `type` and `message` in v8. */
export function logItem(v: number): z.ZodType {
  const text: Shape =
    v >= 8
      ? { type: z.enum(['Running', 'Warning', 'Error', 'Success', 'Stop']), message: z.string() }
      : { title: z.string() };
  return item({ id: uuid, usn: int, ...text, creationTime: dateTime, endTime: dateTime, _links: links });
}

/** `PageOf…`: `offset`, `limit`, `results` required; `totalCount` in v6/v7 only. */
export function page(of: z.ZodType, v: number): z.ZodType {
  return z.strictObject({
    offset: int,
    limit: int,
    setId: uuid.optional(),
    results: z.array(of),
    _links: links.optional(),
    ...(v === 6 || v === 7 ? { totalCount: int.nullable().optional() } : {}),
  });
}

/** A bare array before `pagedFrom`, a page from it on. */
export function listOf(of: z.ZodType, v: number, pagedFrom: number): z.ZodType {
  return v < pagedFrom ? z.array(of) : page(of, v);
}
