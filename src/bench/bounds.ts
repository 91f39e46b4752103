// Lower bounds of a WARM collection, per target, computed from the simulated estate: the upstream requests a
// correct exporter cannot avoid with min_interval 0s while the inventory is still fresh (inventory_ttl), a
// kept token and every immutable item already cached. Windowed lists (sessions, runs) are read whole at the
// API's largest page, because the APIs offer no "changed since" filter; only running runs' details are
// re-read. The bound's time is max(critical chain × latency, ⌈requests ÷ concurrency⌉ × latency).
import { DateTime } from 'luxon';
import { pages, sum, timeBoundMs } from './stats';

export interface BoundItem {
  request: string;
  count: number;
  why: string;
}

export interface LowerBound {
  minimalRequests: number;
  /** Requests that depend on each other's answers, one after another. */
  criticalChain: number;
  items: BoundItem[];
}

export interface BoundContext {
  nowMs: number;
  lookbackMs: number;
}

const bound = (items: BoundItem[], criticalChain: number): LowerBound => ({
  minimalRequests: sum(items.map((i) => i.count)),
  criticalChain,
  items,
});

// ---- VB365 v8 -------------------------------------------------------------------------------------------
export interface M365Like {
  jobs: ReadonlyArray<{ id: string }>;
  sessions: ReadonlyArray<{
    id: string;
    jobId: string;
    start: number;
    end: number | null;
    status: string;
    logItems: number;
  }>;
}

/** VB365 documented maximum page size (v5+). */
export const M365_PAGE = 10_000;

export function m365Bound(d: M365Like, c: BoundContext): LowerBound {
  const from = c.nowMs - c.lookbackMs;
  const windowed = d.sessions.filter((s) => s.start >= from);
  const running = d.sessions.filter((s) => s.status === 'Running');
  const windowPages = pages(windowed.length, M365_PAGE);
  const runningPages = pages(running.length, M365_PAGE);
  const last = new Map<string, M365Like['sessions'][number]>();
  for (const s of windowed) if ((last.get(s.jobId)?.start ?? -Infinity) < s.start) last.set(s.jobId, s);
  const live = [...last.values()].filter((s) => s.end === null);
  const logPages = sum(live.map((s) => pages(s.logItems, M365_PAGE)));
  const items: BoundItem[] = [
    {
      request: `GET /v8/JobSessions?endTimeLowerBound=now-lookback (${windowed.length} sessions)`,
      count: windowPages,
      why: 'new runs and state changes: one global list at limit=10000, paged by _links.next',
    },
    {
      request: 'GET /v8/JobSessions?status=Running',
      count: runningPages,
      why: 'running runs whatever endTimeLowerBound filters by (contract 4.2)',
    },
    {
      request: `GET /v8/JobSessions/{id}/LogItems of running last runs (${live.length})`,
      count: logPages,
      why: 'a running run is counted as of now; finished runs are cached',
    },
    {
      request: 'token, version, ServiceInstance, Jobs, CopyJobs, Organizations',
      count: 0,
      why: 'token kept; inventory fresh (inventory_ttl)',
    },
  ];
  // Next pages follow _links.next (v8 gives no totalCount); logs need the sessions first.
  return bound(items, Math.max(windowPages, runningPages) + (logPages > 0 ? 1 : 0));
}

// ---- Veeam Backup for Microsoft Azure v8.1 --------------------------------------------------------------
export interface AzureLike {
  policies: ReadonlyArray<{ id: string }>;
  sessions: ReadonlyArray<{ id: string; type: string; status: string; startMs: number; policyId?: string }>;
}

const AZURE_RUN_TYPES = new Set([
  'PolicyBackup',
  'PolicySnapshot',
  'PolicyArchive',
  'SnapshotBackup',
  'SqlPolicyBackup',
  'SqlPolicyArchive',
  'FileSharePolicySnapshot',
  'VnetPolicyBackup',
  'VnetPolicyBackupToRepository',
  'CosmosDbConfiguration',
  'PostgresDbPolicyBackup',
  'PostgresDbPolicyArchive',
  'MongoDbPolicyBackup',
  'MongoDbPolicyArchive',
]);
const AZURE_RUNNING = new Set(['Running', 'RunningWithWarning', 'RunningWithError', 'Pending', 'Canceling']);

export function azureBound(d: AzureLike, c: BoundContext, pageMax: number): LowerBound {
  const from = c.nowMs - c.lookbackMs;
  const windowed = d.sessions.filter((s) => s.startMs >= from && s.startMs <= c.nowMs + 60_000);
  const sessionPages = pages(windowed.length, pageMax);
  const last = new Map<string, AzureLike['sessions'][number]>();
  for (const s of windowed) {
    if (!s.policyId || !AZURE_RUN_TYPES.has(s.type)) continue;
    if ((last.get(s.policyId)?.startMs ?? -Infinity) < s.startMs) last.set(s.policyId, s);
  }
  const live = [...last.values()].filter((s) => AZURE_RUNNING.has(s.status)).length;
  const items: BoundItem[] = [
    {
      request: `GET /api/v8.1/jobSessions?FromUtc=now-lookback (${windowed.length} sessions, ${pageMax} per page)`,
      count: sessionPages,
      why: 'new runs and state changes; FromUtc filters by start',
    },
    {
      request: 'GET /api/v8.1/jobSessions/{id}/log of running last runs',
      count: live,
      why: 'a running run is counted as of now; finished runs are cached',
    },
    { request: 'token, system/about, policy lists', count: 0, why: 'token kept; inventory fresh' },
  ];
  // totalCount lets every page after the first go out at once; logs need the sessions first.
  return bound(items, (sessionPages > 1 ? 2 : 1) + (live > 0 ? 1 : 0));
}

// ---- AhsayCBS ---------------------------------------------------------------------------------------------
export interface AhsayUserLike {
  login: string;
  sets: ReadonlyArray<{ id: string }>;
  jobs: ReadonlyArray<{ setId: string; destId?: string; start: number; status: string }>;
}

const AHSAY_SUCCESS = new Set(['BS_STOP_SUCCESS', 'BS_STOP_SUCCESS_WITH_WARNING', 'BS_STOP_SUCCESS_WITH_ERROR']);
const AHSAY_RUNNING = 'BS_STILL_RUNNING';

/** Day lists one user's walk must (re)read, and its running last runs (warning_is_success: true). */
export function ahsayUserWalk(u: AhsayUserLike, zone: string, c: BoundContext): { dayLists: number; running: number } {
  const selected = new Set(u.sets.map((s) => s.id));
  if (selected.size === 0) return { dayLists: 0, running: 0 };
  const byDay = new Map<string, AhsayUserLike['jobs'][number][]>();
  for (const j of u.jobs) {
    const day = DateTime.fromMillis(j.start, { zone }).toISODate()!;
    byDay.set(day, [...(byDay.get(day) ?? []), j]);
  }
  const found = new Map<string, Map<string, boolean>>(); // set → destination → has a success
  const lastOf = new Map<string, string>(); // set/destination → status of its newest run
  let dayLists = 0;
  const today = DateTime.fromMillis(c.nowMs, { zone }).startOf('day');
  for (let day = today; day.toMillis() + 86_400_000 > c.nowMs - c.lookbackMs; day = day.minus({ days: 1 })) {
    const jobs = (byDay.get(day.toISODate()!) ?? []).filter((j) => selected.has(j.setId));
    const over = day.plus({ days: 1 }).toMillis() <= c.nowMs;
    if (!over || jobs.some((j) => j.status === AHSAY_RUNNING)) dayLists++;
    for (const j of [...jobs].sort((a, b) => b.start - a.start)) {
      const dests = found.get(j.setId) ?? new Map<string, boolean>();
      found.set(j.setId, dests);
      const dest = j.destId ?? '';
      dests.set(dest, (dests.get(dest) ?? false) || AHSAY_SUCCESS.has(j.status));
      if (!lastOf.has(`${j.setId}/${dest}`)) lastOf.set(`${j.setId}/${dest}`, j.status);
    }
    const complete = [...selected].every((s) => found.has(s) && [...found.get(s)!.values()].every(Boolean));
    if (complete) break;
  }
  return { dayLists, running: [...lastOf.values()].filter((s) => s === AHSAY_RUNNING).length };
}

export function ahsayBound(users: readonly AhsayUserLike[], zone: string, c: BoundContext): LowerBound {
  const walks = users.map((u) => ahsayUserWalk(u, zone, c));
  const dayLists = sum(walks.map((w) => w.dayLists));
  const running = sum(walks.map((w) => w.running));
  const items: BoundItem[] = [
    {
      request: `ListBackupJobStatus of unfinished days (${users.length} users; today, or a day with a running job)`,
      count: dayLists,
      why: 'one call per user and day; finished days are cached',
    },
    {
      request: 'GetBackupJobReportSummary of running last runs',
      count: running,
      why: 'entry counts of a running run as of now',
    },
    { request: 'GetBackupJobProgress of running last runs', count: running, why: 'progress_ratio' },
    { request: 'ListUsers, ListBackupSets', count: 0, why: 'inventory fresh' },
  ];
  const chain = walks.reduce((m, w) => Math.max(m, w.dayLists), 0) + (running > 0 ? 1 : 0);
  return bound(items, chain);
}

// ---- Huawei CloudDC ---------------------------------------------------------------------------------------
export function huaweiBound(servers: number): LowerBound {
  return bound(
    [
      {
        request: `GET /v1/{project}/physicalservers (${servers} servers)`,
        count: 0,
        why: 'the server list (with health and power) is inventory: reused for inventory_ttl (contract 2)',
      },
      {
        request: 'IAM token, log export polls',
        count: 0,
        why: 'token kept (24 h); no log_exports configured in the benchmark',
      },
    ],
    0,
  );
}

export function boundTimeMs(b: LowerBound, latencyMs: number, concurrency: number): number {
  return timeBoundMs({ minimalRequests: b.minimalRequests, criticalChain: b.criticalChain, latencyMs, concurrency });
}
