// The log-export state file. CloudDC has no "list exports" call, so an export the exporter started is only
// known through this file: it must survive restarts and crashes (written atomically: temp file, fsync,
// rename) and a damaged file must not stop the exporter (kept aside as *.corrupt-<timestamp>, replaced).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { isObject } from '../../common/decode';
import { compareText } from '../../common/order';
import { EXPORT_STATES, type ExportState } from '../../core/families';

export interface DownloadRecord {
  file: string;
  bytes: number;
  sha256: string;
  at: number;
}

export interface ExportRecord {
  serverId: string;
  exportId: string;
  /** Vendor created_at, else the local time of the start; Unix seconds. */
  createdAt: number;
  /** Raw vendor status of the last poll. */
  status?: string;
  state: ExportState;
  /** 0..1 */
  progress?: number;
  /** The API answered 404: the export cannot be polled or downloaded any more. */
  lost?: boolean;
  /** completed, failed or lost: not polled again. */
  terminal: boolean;
  download?: DownloadRecord;
  downloadAttempts?: number;
  /** The archive was deleted to honour `keep`. */
  pruned?: boolean;
}

interface StateFile {
  version: 1;
  target: string;
  exports: ExportRecord[];
}

/** Records kept per server (newest first); older ones are forgotten. */
const HISTORY_PER_SERVER = 20;

export class StateStore {
  private exports: ExportRecord[] = [];
  private loading?: Promise<void>;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly target: string,
    private readonly log: Logger,
  ) {}

  /** Loads the file once (later calls share the first load). */
  ready(): Promise<void> {
    // A failed load (unreadable file) is not remembered: the next caller tries again.
    this.loading ??= this.load().catch((err: unknown) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

  all(): readonly ExportRecord[] {
    return this.exports;
  }

  /** The server's newest export (by created_at, then id), or undefined. */
  newest(serverId: string): ExportRecord | undefined {
    let best: ExportRecord | undefined;
    for (const r of this.exports) if (r.serverId === serverId && (!best || compareAge(r, best) > 0)) best = r;
    return best;
  }

  /** The server's exports, newest first. */
  forServer(serverId: string): ExportRecord[] {
    return this.exports.filter((r) => r.serverId === serverId).sort((a, b) => compareAge(b, a));
  }

  add(record: ExportRecord): void {
    this.exports = this.exports.filter((r) => !(r.serverId === record.serverId && r.exportId === record.exportId));
    this.exports.push(record);
    this.trim(record.serverId);
  }

  /** Writes the whole state atomically; writes are serialised so the newest state always lands last. */
  save(): Promise<void> {
    const text = `${JSON.stringify({ version: 1, target: this.target, exports: this.exports } satisfies StateFile, null, 1)}\n`;
    this.writing = this.writing.catch(() => undefined).then(() => writeAtomic(this.file, text));
    return this.writing;
  }

  private trim(serverId: string): void {
    const old = new Set(
      this.forServer(serverId)
        .slice(HISTORY_PER_SERVER)
        .filter((r) => !r.download || r.pruned),
    );
    if (old.size > 0) this.exports = this.exports.filter((r) => !old.has(r));
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    const parsed = parseState(text);
    if (parsed) {
      this.exports = parsed;
      return;
    }
    const aside = `${this.file}.corrupt-${stamp(Date.now())}`;
    await fs.rename(this.file, aside);
    this.log.error(
      { file: this.file, movedTo: aside },
      'log export state file is corrupt; moved aside and starting empty',
    );
    await this.save();
  }
}

/** Older first: by created_at, then by id. */
function compareAge(a: ExportRecord, b: ExportRecord): number {
  return a.createdAt - b.createdAt || compareIds(a.exportId, b.exportId);
}

/** Export ids are counters per server ("1", "2", … "10"): ids of digits compare as numbers, others as text. */
function compareIds(a: string, b: string): number {
  if (!DIGITS.test(a) || !DIGITS.test(b)) return compareText(a, b);
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : compareText(a, b);
}

const DIGITS = /^\d+$/;

/** The records, or undefined when the text is not a state file this version wrote. */
export function parseState(text: string): ExportRecord[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(data) || data.version !== 1 || !Array.isArray(data.exports)) return undefined;
  return data.exports.every(validRecord) ? (data.exports as ExportRecord[]) : undefined;
}

function validRecord(x: unknown): x is ExportRecord {
  return (
    isObject(x) &&
    typeof x.serverId === 'string' &&
    typeof x.exportId === 'string' &&
    typeof x.createdAt === 'number' &&
    typeof x.terminal === 'boolean' &&
    (EXPORT_STATES as readonly unknown[]).includes(x.state) &&
    (x.download === undefined || validDownload(x.download))
  );
}

function validDownload(x: unknown): x is DownloadRecord {
  return isObject(x) && typeof x.file === 'string' && typeof x.bytes === 'number' && typeof x.sha256 === 'string';
}

let tmpCounter = 0;

async function writeAtomic(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${++tmpCounter}`;
  const fh = await fs.open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, file);
}

/** `20261122T120000Z`: sortable and safe in file names. */
export function stamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
