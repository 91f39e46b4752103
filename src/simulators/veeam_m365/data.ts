// Deterministic demo data for the VB365 simulator: organizations, backup and copy jobs, sessions relative to
// `now`, and log items generated on demand (the benchmark estate has millions of them).
import { pushAll } from '../../common/lists';
import { seededRandom } from '../random';
import { uuid } from './ids';
import { logItems } from './log-items';

export interface M365Scale {
  /** Jobs beyond the demo set are generated round-robin from the same scenarios. */
  jobs: number;
  /** Sessions per job within lookback (overrides the scenario's own count). */
  sessionsPerJob?: number;
  /** Log items per session (overrides the demo counts). */
  logItemsPerSession?: number;
  orgs: number;
}

export interface SimOrg {
  id: string;
  name: string;
  officeName: string;
}

export interface SimJob {
  id: string;
  name: string;
  kind: 'Backup' | 'Copy';
  orgId: string;
  backupJobId?: string;
  enabled: boolean;
  /** Epoch ms, or null (disabled / manual). */
  nextRun: number | null;
}

export interface SimSession {
  id: string;
  jobId: string;
  kind: 'Backup' | 'Copy';
  start: number;
  /** Epoch ms, or null while running. */
  end: number | null;
  status: string;
  transferred: number;
  processed: number;
  logItems: number;
  warnings: number;
  errors: number;
}

export interface SimLogItem {
  id: string;
  usn: number;
  type: 'Success' | 'Warning' | 'Error' | 'Running';
  message: string;
  prefix: string;
  start: number;
  end: number;
}

export interface M365Data {
  orgs: SimOrg[];
  jobs: SimJob[];
  sessions: SimSession[];
  logItems(session: SimSession): SimLogItem[];
}

const H = 3_600_000;

interface Scenario {
  name: string;
  kind?: 'Copy';
  /** Index of the backup job a copy job copies. */
  copies?: number;
  everyHours: number;
  /** Statuses of the newest sessions, newest first; older ones are mostly Success. */
  newest: string[];
  count: number;
  enabled?: boolean;
  /** Hours before `now` of the newest start. */
  firstAgoHours: number;
  logItems?: number;
}

// The demo estate: a success, a warning with long history and log (paging), a failed job whose last success is
// older than 26 h, a running job, NotConfigured, a disabled job, Disconnected, Stopped, a job never run, and
// two copy jobs.
const SCENARIOS: Scenario[] = [
  { name: 'Exchange Online - Daily', everyHours: 24, newest: ['Success'], count: 8, firstAgoHours: 2 },
  {
    name: 'SharePoint - Hourly',
    everyHours: 4,
    newest: ['Warning', 'Success', 'Warning'],
    count: 45,
    firstAgoHours: 1,
    logItems: 45,
  },
  { name: 'OneDrive - Daily', everyHours: 24, newest: ['Failed', 'Failed'], count: 7, firstAgoHours: 3 },
  { name: 'Teams - Every 4 Hours', everyHours: 4, newest: ['Running', 'Success'], count: 30, firstAgoHours: 0.5 },
  { name: 'Archive Mailboxes', everyHours: 24, newest: ['NotConfigured', 'Success'], count: 5, firstAgoHours: 5 },
  { name: 'Legacy Public Folders', everyHours: 24, newest: ['Success'], count: 3, firstAgoHours: 100, enabled: false },
  {
    name: 'Exchange - Remote Office',
    everyHours: 12,
    newest: ['Disconnected', 'Warning'],
    count: 12,
    firstAgoHours: 6,
  },
  { name: 'Groups - Weekly', everyHours: 168, newest: ['Stopped', 'Success'], count: 2, firstAgoHours: 48 },
  { name: 'New Tenant Onboarding', everyHours: 24, newest: [], count: 0, firstAgoHours: 0 },
  {
    name: 'Copy - Exchange Online',
    kind: 'Copy',
    copies: 0,
    everyHours: 24,
    newest: ['Success'],
    count: 7,
    firstAgoHours: 1,
  },
  {
    name: 'Copy - SharePoint',
    kind: 'Copy',
    copies: 1,
    everyHours: 24,
    newest: ['Warning', 'Success'],
    count: 7,
    firstAgoHours: 1.5,
  },
];
/** Scenarios the benchmark estate cycles through (backup jobs that have runs). */
const CYCLE = [0, 1, 2, 3, 4, 6];

export function generateData(now: number, scale: Partial<M365Scale> = {}): M365Data {
  const r = seededRandom(365);
  const orgCount = scale.orgs ?? 2;
  const orgs: SimOrg[] = Array.from({ length: orgCount }, (_, i) => {
    const name =
      i === 0 ? 'contoso.onmicrosoft.com' : i === 1 ? 'fabrikam.onmicrosoft.com' : `tenant${i}.onmicrosoft.com`;
    return { id: uuid(r), name, officeName: name.split('.')[0] ?? name };
  });
  const jobs: SimJob[] = [];
  const sessions: SimSession[] = [];
  const total = Math.max(scale.jobs ?? SCENARIOS.length, 0);
  for (let i = 0; i < total; i++) {
    const sc = i < SCENARIOS.length ? SCENARIOS[i]! : SCENARIOS[CYCLE[i % CYCLE.length]!]!;
    const org = orgs[i % orgs.length]!;
    const copyOf = sc.kind === 'Copy' && sc.copies !== undefined ? jobs[sc.copies] : undefined;
    const job: SimJob = {
      id: uuid(r),
      name: i < SCENARIOS.length ? sc.name : `${sc.name} ${String(i).padStart(4, '0')}`,
      kind: sc.kind ?? 'Backup',
      orgId: copyOf ? copyOf.orgId : org.id,
      ...(copyOf ? { backupJobId: copyOf.id } : {}),
      enabled: sc.enabled ?? true,
      nextRun: sc.enabled === false ? null : now + (sc.everyHours * H) / 2,
    };
    jobs.push(job);
    pushAll(sessions, jobSessions(job, sc, now, r, scale));
  }
  return { orgs, jobs, sessions, logItems: (s) => logItems(s) };
}

function jobSessions(job: SimJob, sc: Scenario, now: number, r: () => number, scale: Partial<M365Scale>): SimSession[] {
  const count = sc.count === 0 ? 0 : (scale.sessionsPerJob ?? sc.count);
  const every = scale.sessionsPerJob ? Math.min(sc.everyHours * H, (7 * 24 * H) / (count + 1)) : sc.everyHours * H;
  const out: SimSession[] = [];
  for (let k = 0; k < count; k++) {
    const status = sc.newest[k] ?? (r() < 0.15 ? 'Warning' : 'Success');
    const start = now - sc.firstAgoHours * H - k * every + Math.floor(r() * 1000);
    // The oldest session of the daily job starts before a 7-day lookback and ends inside it.
    const duration =
      k === count - 1 && sc.everyHours === 24 ? 3 * H : (5 + Math.floor(r() * 50)) * 60_000 + Math.floor(r() * 60_000);
    const running = status === 'Running' || status === 'Queued';
    const logCount = scale.logItemsPerSession ?? sc.logItems ?? 6;
    const warnings =
      status === 'Warning' ? Math.min(2, logCount) : status === 'Failed' || status === 'Disconnected' ? 1 : 0;
    const errors = status === 'Failed' ? Math.min(2, logCount - warnings) : status === 'Disconnected' ? 1 : 0;
    out.push({
      id: uuid(r),
      jobId: job.id,
      kind: job.kind,
      start,
      end: running ? null : start + duration,
      status,
      transferred: Math.floor(r() * 5e9),
      processed: Math.floor(r() * 5000),
      logItems: logCount,
      warnings,
      errors,
    });
  }
  return out;
}

/** .NET style `2021-02-26T01:00:00.1732347+03:00`: 7 fractional digits and the server's offset. */
export function dotnetTime(ms: number, offsetMinutes: number, ticks = 0): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const base = local.toISOString().slice(0, 19);
  const frac = String(((ms % 1000) + 1000) % 1000).padStart(3, '0') + String(ticks % 10_000).padStart(4, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${base}.${frac}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
