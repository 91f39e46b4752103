// The record of GetBackupJobReport / GetBackupJobReportSummary and the vendor keys of its counters per kind
// of change (contract 4.2 `change` label).

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
