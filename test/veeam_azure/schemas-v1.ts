// What the documents say about API v1 (the vendor-api README's v1 facts, and for the licence the archived v1
// reference "Getting Licenses", helpcenter.veeam.com/archive/vbazure/10/rest/getting_licenses.html), as zod.
// Decided where they are silent (and why):
// - v1 objects are not strict: no v1 schema lists every property, so only what we read is typed.
// - Session ids may be numeric strings; `executionDuration` is a TimeSpan string or milliseconds (the v3 schema
//   page types it int64 ms while its examples show strings); `type` is open (v1 has `AutoBackup`).
// - A v1 LogItem has no `resourceHashId` (added later): it must not appear.
// - The v1 licence lists exactly these properties; its example `licenseExpires` has no offset (read as UTC).
import { z } from 'zod';
import { JOB_STATUS, timeSpan } from './schemas';

const time = z.iso.datetime({ offset: true, local: true });

export const V1Page = z.looseObject({
  offset: z.number().int(),
  limit: z.number().int(),
  totalCount: z.number().int().optional(),
  results: z.array(z.unknown()),
  _links: z.partialRecord(z.enum(['self', 'first', 'prev', 'next']), z.looseObject({ href: z.string() })),
});

export const V1Policy = z.looseObject({
  id: z.string(),
  name: z.string(),
  isEnabled: z.boolean(),
  nextExecutionTime: time.nullable(),
});

export const V1Session = z.looseObject({
  id: z.string().regex(/^\d+$|^[0-9a-f-]{36}$/),
  type: z.string(),
  status: JOB_STATUS,
  executionStartTime: time,
  executionStopTime: time.nullable(),
  executionDuration: z.union([timeSpan, z.number().int().nonnegative()]).nullable(),
  backupJobInfo: z.looseObject({ policyId: z.string(), protectedInstancesCount: z.number().int() }).optional(),
});

export const V1SessionLog = z.looseObject({
  jobSessionId: z.string(),
  log: z.array(
    z.looseObject({
      logTime: time,
      status: JOB_STATUS,
      message: z.string(),
      executionStartTime: time,
      executionDuration: timeSpan,
      resourceHashId: z.never().optional(),
    }),
  ),
});

export const V1License = z.strictObject({
  licenseType: z.string().optional(),
  instancesUses: z.number().int().optional(),
  instances: z.number().int().optional(),
  company: z.string().optional(),
  email: z.string().optional(),
  licenseExpires: time.nullable().optional(),
  licenseId: z.string().optional(),
  supportId: z.string().optional(),
  gracePeriodDays: z.number().int().optional(),
});

export const V1About = z.looseObject({ serverVersion: z.string() });
