// Schemas of GetBackupJobReport and GetBackupJobReportSummary (the seed's table and example, and the summary
// page's table as far as its excerpt goes); the shared value schemas and the sources are in ./schemas.ts.
import { z } from 'zod';
import { boolean, dateTime, logTime, long, noError, ratio, text } from './schemas';

const infoLog = z.strictObject({ Type: text, LogType: text, Timestamp: logTime, Message: text });
const fileLog = z.looseObject({
  Type: text,
  LastModified: logTime,
  Name: text,
  FileSize: long,
  UnzipFilesSize: long,
  Ratio: text,
});
const moveLog = fileLog.omit({ Name: true }).extend({ FromFile: text, ToFile: text });
const counters = (kind: string) => ({
  [`NumOf${kind}Files`]: long,
  [`Total${kind}FilesSize`]: long,
});
/** The summary's table as far as its excerpt goes. Whether it also carries the original sizes, ratios,
 *  dedupe and copied counters is not established: they are optional here, and read when present. */
const summaryFields = {
  ID: text,
  StartTime: dateTime,
  EndTime: z.union([dateTime, z.literal('')]),
  BackupJobStatus: z.string().regex(/^BS_[A-Z_]+$/),
  NumOfWarnEntries: long,
  NumOfErrorEntries: long,
  ...counters('New'),
  ...counters('Updated'),
  ...counters('Deleted'),
  ...counters('Moved'),
  NumOfUpdatedPermissionFiles: long,
};
const unzip = (kind: string) => ({ [`TotalUnzip${kind}FilesSize`]: long, [`${kind}FilesZipRatio`]: ratio });
/** The full report's table; `UpdatedFilesZipRation` (table) or `UpdatedFilesZipRatio` (example), the log as
 *  `info` (table) or `Logs` (example). FromIp, the directory and copied counters appear in the example only. */
const reportFields = {
  ...summaryFields,
  ...counters('UpdatedPermission'),
  TotalUnzipNewFilesSize: long,
  NewFilesZipRatio: ratio,
  TotalUnzipUpdatedFilesSize: long,
  UpdatedFilesZipRatio: ratio.optional(),
  UpdatedFilesZipRation: ratio.optional(),
  ...unzip('UpdatedPermission'),
  ...unzip('Deleted'),
  ...unzip('Moved'),
  SuccessDatabase: long.optional(),
  MissedDatabase: long.optional(),
  SuccessVirtualMachine: long.optional(),
  MissedVirtualMachine: long.optional(),
  SuccessPublicFolder: long.optional(),
  MissedPublicFolder: long.optional(),
  info: z.array(infoLog).optional(),
  Logs: z.array(infoLog).optional(),
  DedupeEnabled: boolean,
  DedupeOriginalSize: long,
  DedupeSaving: long,
  NumOfCopiedFiles: long.optional(),
  TotalCopiedSize: long.optional(),
  TotalUnzipCopiedFilesSize: long.optional(),
  CopiedFilesZipRatio: ratio.optional(),
};
const fileArrays = {
  new: z.array(fileLog),
  upd: z.array(fileLog),
  pmt: z.array(fileLog),
  del: z.array(fileLog),
  mov: z.array(moveLog),
  cpy: z.array(fileLog),
};
const oneLog = (r: { info?: unknown; Logs?: unknown }) => (r.info === undefined) !== (r.Logs === undefined);
const ratioOfUpdated = (r: { UpdatedFilesZipRatio?: unknown; UpdatedFilesZipRation?: unknown }) =>
  r.UpdatedFilesZipRatio !== undefined || r.UpdatedFilesZipRation !== undefined;
const fullReport = z
  .looseObject({ ...reportFields, ...fileArrays })
  .refine(oneLog, 'one log array: info or Logs')
  .refine(ratioOfUpdated, 'UpdatedFilesZipRatio or …Ration');
/** The summary returns the counters without the per-file arrays. */
const summaryReport = z.looseObject({
  ...summaryFields,
  ...Object.fromEntries(Object.entries(reportFields).map(([k, v]) => [k, v.optional()])),
  ...Object.fromEntries(Object.keys(fileArrays).map((k) => [k, z.undefined().optional()])),
});
export const getBackupJobReport = z.looseObject({ Status: z.literal('OK'), Data: fullReport, ...noError });
export const getBackupJobReportSummary = z.looseObject({ Status: z.literal('OK'), Data: summaryReport, ...noError });
