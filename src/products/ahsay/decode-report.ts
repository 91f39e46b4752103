// The record of GetBackupJobReport / GetBackupJobReportSummary, the vendor keys of its counters per kind of
// change (contract 4.2 `change` label), and its decoder. Ratios arrive as "33%" (or "05"), Longs as strings.
import { count, id as idOf, type Json, text } from '../../common/decode';
import { flag, percent, setIf } from './decode';
import { parseCbsTime } from './times';

export const CHANGES = ['new', 'updated', 'permission_updated', 'deleted', 'moved', 'copied'] as const;
export type Change = (typeof CHANGES)[number];

/** Vendor keys per kind of change: file count, stored (compressed) size, original size, zip ratio. */
export const CHANGE_KEYS: Record<Change, { count: string; stored: string; original: string; ratio: string[] }> = {
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

/** GetBackupJobReport[Summary]: counters only; the per-file arrays of the full report are never kept. */
export function decodeReport(d: Json, zone: string): CbsReport {
  const r: CbsReport = { files: {} };
  setIf(r, 'id', idOf(d.ID));
  setIf(r, 'status', text(d.BackupJobStatus));
  setIf(r, 'start', parseCbsTime(d.StartTime, zone));
  setIf(r, 'end', parseCbsTime(d.EndTime, zone));
  setIf(r, 'warnings', count(d.NumOfWarnEntries));
  setIf(r, 'errors', count(d.NumOfErrorEntries));
  for (const change of CHANGES) {
    const k = CHANGE_KEYS[change];
    const s: ChangeStats = {};
    setIf(s, 'count', count(d[k.count]));
    setIf(s, 'stored', count(d[k.stored]));
    setIf(s, 'original', count(d[k.original]));
    // Ratios are informational ("33%", or "05" in the vendor's own example): parsed, never required.
    setIf(
      s,
      'zipRatio',
      k.ratio.map((key) => percent(d[key])).find((v) => v !== undefined),
    );
    if (Object.keys(s).length > 0) r.files[change] = s;
  }
  setIf(r, 'dedupeEnabled', flag(d.DedupeEnabled));
  setIf(r, 'dedupeOriginal', count(d.DedupeOriginalSize));
  setIf(r, 'dedupeSaving', count(d.DedupeSaving));
  const log = Array.isArray(d.Logs) ? d.Logs : Array.isArray(d.info) ? d.info : undefined;
  setIf(r, 'logEntries', log?.length);
  return r;
}
