// Decoding of GetBackupJobReport / GetBackupJobReportSummary. Only counters are kept: the per-file arrays
// (new/upd/pmt/del/mov/cpy) of the full report can be huge and are never retained.
import type { Json } from './api';
import { parseBool, parseCbsTime, parseCount, parsePercent, parseText } from './parse';

export const CHANGES = ['new', 'updated', 'permission_updated', 'deleted', 'moved', 'copied'] as const;
export type Change = (typeof CHANGES)[number];

/** Vendor keys per kind of change: file count, stored (compressed) size, original size, zip ratio. */
const CHANGE_KEYS: Record<Change, { count: string; stored: string; original: string; ratio: string[] }> = {
  new: {
    count: 'NumOfNewFiles',
    stored: 'TotalNewFilesSize',
    original: 'TotalUnzipNewFilesSize',
    ratio: ['NewFilesZipRatio'],
  },
  updated: {
    count: 'NumOfUpdatedFiles',
    stored: 'TotalUpdatedFilesSize',
    original: 'TotalUnzipUpdatedFilesSize',
    // The doc table spells it "…ZipRation", the example "…ZipRatio".
    ratio: ['UpdatedFilesZipRatio', 'UpdatedFilesZipRation'],
  },
  permission_updated: {
    count: 'NumOfUpdatedPermissionFiles',
    stored: 'TotalUpdatedPermissionFilesSize',
    original: 'TotalUnzipUpdatedPermissionFilesSize',
    ratio: ['UpdatedPermissionFilesZipRatio'],
  },
  deleted: {
    count: 'NumOfDeletedFiles',
    stored: 'TotalDeletedFilesSize',
    original: 'TotalUnzipDeletedFilesSize',
    ratio: ['DeletedFilesZipRatio'],
  },
  moved: {
    count: 'NumOfMovedFiles',
    stored: 'TotalMovedFilesSize',
    original: 'TotalUnzipMovedFilesSize',
    ratio: ['MovedFilesZipRatio'],
  },
  copied: {
    count: 'NumOfCopiedFiles',
    stored: 'TotalCopiedSize',
    original: 'TotalUnzipCopiedFilesSize',
    ratio: ['CopiedFilesZipRatio'],
  },
};

export interface ChangeStats {
  count?: number;
  stored?: number;
  original?: number;
  zipRatio?: number;
}

export interface CbsReport {
  id?: string;
  status?: string;
  start?: number;
  end?: number;
  warnings?: number;
  errors?: number;
  files: Partial<Record<Change, ChangeStats>>;
  dedupeEnabled?: boolean;
  dedupeOriginal?: number;
  dedupeSaving?: number;
  /** Entries of the info log (named `info` in the docs, `Logs` in the example); counted, never kept. */
  logEntries?: number;
}

export function decodeReport(d: Json, zone: string): CbsReport {
  const r: CbsReport = { files: {} };
  setIf(r, 'id', parseText(d.ID));
  setIf(r, 'status', parseText(d.BackupJobStatus));
  setIf(r, 'start', parseCbsTime(d.StartTime, zone));
  setIf(r, 'end', parseCbsTime(d.EndTime, zone));
  setIf(r, 'warnings', parseCount(d.NumOfWarnEntries));
  setIf(r, 'errors', parseCount(d.NumOfErrorEntries));
  for (const change of CHANGES) {
    const stats = changeStats(d, change);
    if (stats) r.files[change] = stats;
  }
  setIf(r, 'dedupeEnabled', parseBool(d.DedupeEnabled));
  setIf(r, 'dedupeOriginal', parseCount(d.DedupeOriginalSize));
  setIf(r, 'dedupeSaving', parseCount(d.DedupeSaving));
  const log = Array.isArray(d.Logs) ? d.Logs : Array.isArray(d.info) ? d.info : undefined;
  setIf(r, 'logEntries', log?.length);
  return r;
}

function changeStats(d: Json, change: Change): ChangeStats | undefined {
  const k = CHANGE_KEYS[change];
  const s: ChangeStats = {};
  setIf(s, 'count', parseCount(d[k.count]));
  setIf(s, 'stored', parseCount(d[k.stored]));
  setIf(s, 'original', parseCount(d[k.original]));
  // Ratios are informational ("33%", or "05" in the vendor's own example): parsed, never required.
  setIf(
    s,
    'zipRatio',
    k.ratio.map((key) => parsePercent(d[key])).find((v) => v !== undefined),
  );
  return Object.keys(s).length === 0 ? undefined : s;
}

/** Assigns only defined values, so absent stays absent under exactOptionalPropertyTypes-style checks. */
function setIf<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}
