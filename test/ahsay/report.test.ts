// GetBackupJobReport[Summary] decoding: the vendor's own example and the shapes servers send instead.
import { decodeReport } from '../../src/products/ahsay/decode-report';

const HK = 'Asia/Hong_Kong';
const utc = (iso: string): number => Date.parse(iso) / 1000;

// The vendor's own example (seed page of GetBackupJobReport), reduced to the keys that matter.
const seed = {
  ID: '2024-06-26-13-24-35',
  FromIp: '10.3.121.64',
  SuccessDatabase: '',
  MissedDatabase: '',
  Logs: [{ Type: 'start', LogType: 'start', Timestamp: '2024/06/26 13:24:37', Message: 'Start [AhsayOBM v 9.11.0.0]' }],
  NumOfNewFiles: 1169,
  TotalNewFilesSize: 6827033,
  TotalUnzipNewFilesSize: 10268480,
  NewFilesZipRatio: '33%',
  NumOfUpdatedFiles: 0,
  TotalUpdatedFilesSize: 0,
  TotalUnzipUpdatedFilesSize: 0,
  UpdatedFilesZipRatio: '0%',
  NumOfUpdatedPermissionFiles: 0,
  TotalUpdatedPermissionFilesSize: 0,
  TotalUnzipUpdatedPermissionFilesSize: 0,
  NumOfDeletedFiles: 0,
  TotalDeletedFilesSize: 0,
  TotalUnzipDeletedFilesSize: 0,
  DeletedFilesZipRatio: '0%',
  NumOfMovedFiles: 0,
  TotalMovedFilesSize: 0,
  TotalUnzipMovedFilesSize: 0,
  MovedFilesZipRatio: '05',
  NumOfCopiedFiles: 0,
  TotalCopiedSize: 0,
  TotalUnzipCopiedFilesSize: 0,
  CopiedFilesZipRatio: '0%',
  StartTime: '2024-06-26 13:24:37',
  EndTime: '2024-06-26 13:24:58',
  BackupJobStatus: 'BS_STOP_SUCCESS',
  NumOfWarnEntries: 0,
  NumOfErrorEntries: 0,
  DedupeEnabled: true,
  DedupeOriginalSize: 2384,
  DedupeSaving: 0,
};

describe('decodeReport', () => {
  test('the vendor example', () => {
    const r = decodeReport(seed, HK);
    expect(r).toMatchObject({
      id: '2024-06-26-13-24-35',
      status: 'BS_STOP_SUCCESS',
      start: utc('2024-06-26T05:24:37Z'),
      end: utc('2024-06-26T05:24:58Z'),
      warnings: 0,
      errors: 0,
      dedupeEnabled: true,
      dedupeOriginal: 2384,
      dedupeSaving: 0,
      logEntries: 1,
    });
    expect(r.files.new).toEqual({ count: 1169, stored: 6827033, original: 10268480, zipRatio: 0.33 });
    expect(r.files.moved).toEqual({ count: 0, stored: 0, original: 0, zipRatio: 0.05 });
    expect(r.files.copied).toEqual({ count: 0, stored: 0, original: 0, zipRatio: 0 });
  });

  test('strings for numbers, "" for absent, the `info` log name, booleans as strings', () => {
    const r = decodeReport(
      {
        ...seed,
        Logs: undefined,
        info: [{}, {}],
        NumOfNewFiles: '12',
        TotalNewFilesSize: '',
        NumOfWarnEntries: '',
        NumOfErrorEntries: '3',
        DedupeEnabled: 'false',
        DedupeOriginalSize: null,
        NewFilesZipRatio: 'n/a',
        UpdatedFilesZipRatio: undefined,
        UpdatedFilesZipRation: '25%',
      },
      HK,
    );
    expect(r.files.new).toEqual({ count: 12, original: 10268480 });
    expect(r.files.updated?.zipRatio).toBe(0.25);
    expect(r.warnings).toBeUndefined();
    expect(r.errors).toBe(3);
    expect(r.dedupeEnabled).toBe(false);
    expect(r.dedupeOriginal).toBeUndefined();
    expect(r.logEntries).toBe(2);
  });

  test('an empty report has no values at all (never 0)', () => {
    expect(decodeReport({ ID: '', StartTime: '', NumOfWarnEntries: '', DedupeEnabled: '' }, HK)).toEqual({ files: {} });
  });
});
