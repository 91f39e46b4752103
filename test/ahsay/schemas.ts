// Schemas of every AhsayCBS answer the exporter reads, to check that the simulator answers as the vendor's
// documents say. There is no OpenAPI document for the AhsayCBS JSON API: these are written from the return
// tables of the vendor's v10 API pages (help centre, pages dated July and October 2025: ListUsers v1/v2,
// GetUser v2, AddUser v2, ListBackupSets, GetBackupSet v2, ListBackupJobStatus, GetBackupJobReport,
// GetBackupJobReportSummary, GetBackupJobProgress, AuthSystemUser and AuthUser for errors) and from the
// GetBackupJobReport page's example. UNDOCUMENTED marks what no table lists; where the tables are silent or
// contradict their examples, the decision and its reason are noted next to the field.
import { z } from 'zod';

export const text = z.string();
/** "Long" in the tables. The report example sends `""` for Longs a backup set type lacks; numbers as strings
 *  are accepted too (UNDOCUMENTED for these fields, but ListBackupJobStatus and GetBackupJobProgress type
 *  their numbers as String, and servers differ). */
export const long = z.union([z.number().int(), z.literal(''), z.string().regex(/^-?\d+$/)]);
/** `…ZipRatio` is typed Long, yet the example sends "33%", "0%" and "05". */
export const ratio = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?%?$/)]);
/** Boolean in the tables; the seed's own input sends `"false"`, so the string forms are accepted. */
export const boolean = z.union([z.boolean(), z.enum(['true', 'false'])]);
export const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const logTime = z.string().regex(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
/** Message and ExptType "only appear if status displays Error". */
export const noError = { Message: z.undefined().optional(), ExptType: z.undefined().optional() };

/** Every call: `{"Status":"Error","Message":…,"ExptType":…}` (AuthSystemUser, AuthUser examples). */
export const errorAnswer = z.strictObject({ Status: z.literal('Error'), Message: z.string().min(1), ExptType: text });

// ---- ListUsers (v1) and 2/ListUsers: `User`, not `Data` ---------------------------------------------------
/** UNDOCUMENTED: the v2 User table is not published (its excerpt stops at UserClientType). The names are the
 *  legacy API's and GetUser v2's; usage fields are undocumented in JSON, so any number or string is accepted
 *  (the exporter leaves out what is not a value). */
const usageValue = z.union([z.number(), z.string()]).optional();
/** UNDOCUMENTED in ListUsers: AddUser v2's QuotaList parameter; its entries' keys from public client code. */
const quotaEntry = z.looseObject({ Enabled: boolean, Quota: long, DestinationName: text, DestinationKey: text });
const user = z.looseObject({
  LoginName: z.string().min(1),
  Owner: text.optional(),
  Alias: text.optional(),
  UserType: z.enum(['PAID', 'TRIAL']).optional(),
  ClientType: z.enum(['OBM', 'ACB']).optional(),
  Status: text.optional(),
  Quota: usageValue,
  QuotaList: z.array(quotaEntry).optional(),
  DataSize: usageValue,
  RetainSize: usageValue,
  LastBackupDate: usageValue,
  BackupSetIdList: z.array(text).optional(),
});
/** LoginNameOnly / ClientTypeOnly answers. */
const userLoginName = z.strictObject({ LoginName: z.string().min(1) });
const userClientType = z.looseObject({ ID: text, LoginName: z.string().min(1) });
export const listUsers = z.looseObject({
  Status: z.literal('OK'),
  User: z.array(z.union([user, userLoginName, userClientType])),
  ...noError,
});

// ---- ListBackupSets --------------------------------------------------------------------------------------
export const listBackupSets = z.looseObject({
  Status: z.literal('OK'),
  Data: z.array(z.looseObject({ ID: text, Name: text, Type: text })),
  ...noError,
});

// ---- 2/GetBackupSet ----------------------------------------------------------------------------------------
/** DestinationList keys as far as the table's excerpt goes (it stops after Port); no `Type` key is listed. */
const destination = z.looseObject({
  '@class': text.optional(),
  DataMigrationMappingMergedToIndex: boolean.optional(),
  DataMigrationStatus: z.enum(['NotStarted', 'Running', 'Finished', 'Verified']).optional(),
  DestinationKey: text.optional(),
  HostName: text.optional(),
  Id: z.string().min(1),
  IndexMigrateLastAccess: long.optional(),
  Name: text,
  Password: text.optional(),
  Port: long.optional(),
});
const backupSet = z.looseObject({
  ID: text,
  Name: text,
  Type: text.optional(),
  DestinationSettings: z.looseObject({ DestinationList: z.array(destination) }),
});
/** `Data` is typed "Array" yet its fields are addressed as `Data{}:DestinationSettings{}`: both accepted. */
export const getBackupSet = z.looseObject({
  Status: z.literal('OK'),
  Data: z.union([backupSet, z.tuple([backupSet])]),
  ...noError,
});

// ---- ListBackupJobStatus ----------------------------------------------------------------------------------
/** StartTime/EndTime: "in yyyy-MM-dd format" per the table; client code and every sibling call use
 *  `yyyy-MM-dd HH:mm:ss`: both accepted. EndTime is empty while the job runs (UNDOCUMENTED). */
const jobStatusRecord = z.looseObject({
  ID: text,
  LoginName: text,
  Owner: text,
  UserId: text,
  StartTime: z.union([dateTime, date]),
  EndTime: z.union([dateTime, date, z.literal('')]),
  BackupJobStatus: z.string().regex(/^BS_[A-Z_]+$/),
  BackupSetID: text,
  BackupSetName: text,
  UploadSize: text,
  RunVersion: text,
  SuccessDatabase: text,
  MissedDatabase: text,
  SuccessVirtualMachine: text,
  MissedVirtualMachine: text,
  SuccessPublicFolder: text,
  MissedPublicFolder: text,
  /** UNDOCUMENTED in the table: read by public client code; absent for runs of v6 clients. */
  DestinationID: text.optional(),
});
export const listBackupJobStatus = z.looseObject({
  Status: z.literal('OK'),
  Data: z.array(jobStatusRecord),
  ...noError,
});

// ---- GetBackupJobProgress -----------------------------------------------------------------------------------
/** Every field typed String; `UserID` spelled so here. EndTime is empty while the job runs (UNDOCUMENTED). */
export const getBackupJobProgress = z.looseObject({
  Status: z.literal('OK'),
  Data: z.looseObject({
    ID: text,
    LoginName: text,
    Owner: text,
    UserID: text,
    StartTime: dateTime,
    EndTime: z.union([dateTime, z.literal('')]),
    BackupSetID: text,
    BackupSetName: text,
    CurrentFileName: text,
    FileUploadTime: dateTime,
    CurrentFileCount: z.string().regex(/^\d+$/),
    TotalFileCount: z.string().regex(/^\d+$/),
    UploadedFileSize: z.string().regex(/^\d+$/),
    TotalFileSize: z.string().regex(/^\d+$/),
  }),
  ...noError,
});
