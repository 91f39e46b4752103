// The VB365 v8 server of `npm run bench`: the bench estate (400 jobs, 30 sessions each within the lookback,
// 150 log items per session, 20,000 licensed users) and the demo estate with 300 more jobs for the
// request-dominated scenario; and the lower bound of a warm collection.
import {
  type BenchEstate,
  type BenchScenario,
  type BoundContext,
  type BoundItem,
  bound,
  type LowerBound,
  pages,
  scaledCount,
  sum,
} from '../bench';
import type { CapacityScale } from './capacity-data';
import type { M365Scale, SimSession } from './data';
import { type M365Simulator, startM365Simulator } from './server';

/** VB365 documented maximum page size (v5+). */
export const M365_PAGE = 10_000;
/** Jobs of the demo estate (scenarios.ts); the request-dominated estate adds 300 per factor. */
const DEMO_JOBS = 11;

export function m365Bench(scenario: BenchScenario, factor: number): BenchEstate<M365Simulator> {
  const scale: Partial<M365Scale & CapacityScale> =
    scenario === 'full'
      ? {
          jobs: scaledCount(400, factor),
          sessionsPerJob: 30,
          logItemsPerSession: 150,
          licensedUsers: scaledCount(20_000, factor),
        }
      : { jobs: DEMO_JOBS + scaledCount(300, factor) };
  const describe =
    scenario === 'full'
      ? `v8: ${scale.jobs} jobs, 30 sessions each, 150 log items per session, ${scale.licensedUsers} licensed users`
      : `v8: the demo estate and ${(scale.jobs ?? 0) - DEMO_JOBS} more jobs`;
  return {
    describe,
    start: (o) => startM365Simulator({ ...o, version: 'v8', scale }),
    bound: (sim, c) => m365Bound(sim.data, c),
    slowData:
      /\/v\d+\/(BackupRepositories|objectstoragerepositories|License|LicensedUsers|Proxies|Organizations\/[^/?]+\/(usedRepositories|LicensingInformation))/i,
  };
}

/** How far the exporter reads back before its previous read of the session window (a server clock behind). */
const SKEW_MS = 15 * 60_000;

export interface M365Like {
  jobs: ReadonlyArray<{ id: string }>;
  sessions: ReadonlyArray<Pick<SimSession, 'id' | 'jobId' | 'start' | 'end' | 'status' | 'logItems'>>;
}

export function m365Bound(d: M365Like, c: BoundContext): LowerBound {
  const from = c.nowMs - c.lookbackMs;
  const windowed = d.sessions.filter((s) => s.start >= from);
  // A warm v8 collection keeps the window it read and asks only for what is new since its previous read, less
  // the exporter's 15 minutes of clock skew (about as recent as the bench's collections follow each other).
  const since = d.sessions.filter((s) => s.start >= c.nowMs - SKEW_MS);
  const running = d.sessions.filter((s) => s.status === 'Running');
  const windowPages = pages(since.length, M365_PAGE);
  const runningPages = pages(running.length, M365_PAGE);
  const last = new Map<string, M365Like['sessions'][number]>();
  for (const s of windowed) if ((last.get(s.jobId)?.start ?? -Infinity) < s.start) last.set(s.jobId, s);
  const live = [...last.values()].filter((s) => s.end === null);
  const logPages = sum(live.map((s) => pages(s.logItems, M365_PAGE)));
  const items: BoundItem[] = [
    {
      request: `GET /v8/JobSessions?endTimeLowerBound=previous read-15m (${since.length} of ${windowed.length} sessions)`,
      count: windowPages,
      why: 'new runs and state changes since the previous collection (finished ones are kept): at limit=10000',
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
    {
      request: 'BackupRepositories, usedRepositories, License, LicensingInformation, LicensedUsers, Proxies',
      count: 0,
      why: 'storage, licence, coverage and components are reused for inventory_ttl (contract 2)',
    },
  ];
  // Next pages follow _links.next (v8 gives no totalCount); logs need the sessions first.
  return bound(items, Math.max(windowPages, runningPages) + (logPages > 0 ? 1 : 0));
}
