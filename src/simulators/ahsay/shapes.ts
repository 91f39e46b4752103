// The JSON shapes AhsayCBS answers with, including the ugly parts: Longs as strings or "", ratios like "33%"
// and "05", the log array named `Logs` or `info`, booleans as strings, times without an offset.
import { DateTime } from 'luxon';
import type { SimJob, SimSet, SimUser } from './data';

export function fmt(ms: number | undefined, zone: string, format?: string): string {
  return ms === undefined ? '' : DateTime.fromMillis(ms, { zone }).toFormat(format ?? 'yyyy-MM-dd HH:mm:ss');
}

/** A ListUsers user object; its usage fields as the estate gives them (missing ones are not sent). */
export function userShape(u: SimUser): Record<string, unknown> {
  return {
    LoginName: u.login,
    Owner: u.owner,
    Alias: u.login.toUpperCase(),
    UserType: 'PAID',
    ClientType: 'OBM',
    Status: 'ENABLE',
    ...u.usage,
    RegistrationDate: 1571234567890,
    BackupSetIdList: u.sets.map((s) => s.id),
  };
}

/** Destination passwords travel in GetBackupSet answers: the exporter must never log or keep them. */
export const DESTINATION_PASSWORD = 'dest-pass-7Hq2';

/** 2/GetBackupSet: `Data` is one object (its fields addressed as `Data{}:DestinationSettings{}:…`), or an
 *  array of it as the return table types it. */
export function backupSetShape(s: SimSet, dataAsArray: boolean): Record<string, unknown> {
  const data = {
    ID: s.id,
    Name: s.name,
    Type: s.type,
    DestinationSettings: { DestinationList: s.destinations.map(destinationShape) },
  };
  return { Data: dataAsArray ? [data] : data };
}

function destinationShape(id: string, i: number): Record<string, unknown> {
  return {
    '@class': 'com.ahsay.obx.cxp.cloud.DestinationSettings',
    DataMigrationMappingMergedToIndex: false,
    DataMigrationStatus: 'Verified',
    DestinationKey: i === 0 ? 'OBS' : `S3-${i}`,
    HostName: i === 0 ? 'cbs.example.com' : `s3-${i}.example.com`,
    Id: id,
    IndexMigrateLastAccess: 0,
    Name: i === 0 ? 'AhsayCBS' : `Offsite ${i}`,
    Password: DESTINATION_PASSWORD,
    Port: 443,
  };
}

/** `dateOnly`: StartTime/EndTime as `yyyy-MM-dd`, as the ListBackupJobStatus return table documents them. */
export function statusShape(u: SimUser, j: SimJob, zone: string, dateOnly = false): Record<string, unknown> {
  const set = u.sets.find((s) => s.id === j.setId);
  const format = dateOnly ? 'yyyy-MM-dd' : undefined;
  return {
    ID: j.id,
    LoginName: u.login,
    Owner: u.owner,
    UserId: userId(u),
    StartTime: fmt(j.start, zone, format),
    EndTime: fmt(j.end, zone, format),
    BackupJobStatus: j.status,
    BackupSetID: j.setId,
    BackupSetName: set?.name ?? '',
    UploadSize: String(j.files * 4096),
    RunVersion: '10.1.0.0',
    SuccessDatabase: '',
    MissedDatabase: '',
    SuccessVirtualMachine: '',
    MissedVirtualMachine: '',
    SuccessPublicFolder: '',
    MissedPublicFolder: '',
    ...(j.destId === undefined ? {} : { DestinationID: j.destId }),
  };
}

/** Report counters; odd file counts use strings for numbers, like some servers do. */
export function reportShape(j: SimJob, zone: string, full: boolean): Record<string, unknown> {
  const asText = j.files % 2 === 1;
  const n = (v: number): number | string => (asText ? String(v) : v);
  const f = j.files;
  return {
    ID: j.id,
    FromIp: '10.3.121.64',
    StartTime: fmt(j.start, zone),
    EndTime: fmt(j.end, zone),
    BackupJobStatus: j.status,
    SuccessDatabase: '',
    MissedDatabase: '',
    SuccessPublicFolder: '',
    MissedPublicFolder: '',
    // The docs call the log array `info`, the vendor's example `Logs`.
    ...(f % 3 === 0 ? { info: logShape(j, zone) } : { Logs: logShape(j, zone) }),
    ...changeCounters(f, n),
    NumOfWarnEntries: n(j.warnings),
    NumOfErrorEntries: n(j.errors),
    DedupeEnabled: asText ? 'false' : true,
    DedupeOriginalSize: n(f * 9000),
    DedupeSaving: n(f * 1000),
    ...(full ? fileArrays(j, zone) : {}),
  };
}

/** The info log: the start entry and one entry per warning. */
function logShape(j: SimJob, zone: string): Array<Record<string, unknown>> {
  const at = fmt(j.start, zone, 'yyyy/MM/dd HH:mm:ss');
  return [
    { Type: 'start', LogType: 'start', Timestamp: at, Message: 'Start [AhsayOBM v 10.1.0.0]' },
    ...Array.from({ length: j.warnings }, (_, i) => ({
      Type: 'warn',
      LogType: 'warn',
      Timestamp: at,
      Message: `Warning ${i + 1}`,
    })),
  ];
}

/** File counts, stored and original sizes and zip ratios per kind of change, derived from `f` files. */
function changeCounters(f: number, n: (v: number) => number | string): Record<string, unknown> {
  return {
    NumOfNewFiles: n(f),
    NumOfNewDirCount: 4,
    NumOfNewLinkDirCount: 0,
    NumOfNewLinkFileCount: 0,
    NumOfDeletedDirCount: 0,
    NumOfDeletedLinkFileCount: 0,
    TotalNewFilesSize: n(f * 6000),
    TotalUnzipNewFilesSize: n(f * 9000),
    NewFilesZipRatio: '33%',
    NumOfUpdatedFiles: n(Math.floor(f / 10)),
    TotalUpdatedFilesSize: n(f * 600),
    TotalUnzipUpdatedFilesSize: n(f * 800),
    UpdatedFilesZipRatio: '25%',
    NumOfUpdatedPermissionFiles: 0,
    TotalUpdatedPermissionFilesSize: 0,
    TotalUnzipUpdatedPermissionFilesSize: 0,
    UpdatedPermissionFilesZipRatio: '0%',
    NumOfDeletedFiles: n(3),
    TotalDeletedFilesSize: 0,
    TotalUnzipDeletedFilesSize: 0,
    DeletedFilesZipRatio: '0%',
    NumOfMovedFiles: 0,
    TotalMovedFilesSize: 0,
    TotalUnzipMovedFilesSize: 0,
    MovedFilesZipRatio: '05',
    NumOfCopiedFiles: 1,
    TotalCopiedSize: 2048,
    TotalUnzipCopiedFilesSize: 4096,
    CopiedFilesZipRatio: '50%',
  };
}

/** The per-file arrays only the full report carries. */
function fileArrays(j: SimJob, zone: string): Record<string, unknown> {
  const entry = (name: string) => ({
    Type: 'new',
    LastModified: fmt(j.start, zone, 'yyyy/MM/dd HH:mm:ss'),
    Name: name,
    FileSize: 6000,
    UnzipFilesSize: 9000,
    Ratio: '33%',
  });
  return { new: [entry('C:\\Users\\a.txt'), entry('C:\\Users\\b.txt')], upd: [], pmt: [], del: [], mov: [], cpy: [] };
}

const userId = (u: SimUser): string => `15${u.login.length}00000000`;

export function progressShape(u: SimUser, j: SimJob, zone: string): Record<string, unknown> {
  const set = u.sets.find((s) => s.id === j.setId);
  const p = j.progress ?? { uploaded: 0, total: 0 };
  return {
    ID: j.id,
    LoginName: u.login,
    Owner: u.owner,
    // `UserID` here, `UserId` in ListBackupJobStatus: both as the vendor's tables spell them.
    UserID: userId(u),
    StartTime: fmt(j.start, zone),
    EndTime: '',
    BackupSetID: j.setId,
    BackupSetName: set?.name ?? '',
    CurrentFileName: 'C:\\Users\\big.pst',
    FileUploadTime: fmt(j.start, zone),
    CurrentFileCount: '3',
    TotalFileCount: '4',
    UploadedFileSize: String(p.uploaded),
    TotalFileSize: String(p.total),
  };
}
