// The Veeam Backup for Microsoft Azure v8.1 appliance of `npm run bench`: 200 policies and 6,000 sessions over
// 7 days (20 % of them not policy runs, 2 % running), served 1,000 per page; and the lower bound of a warm
// collection. The appliance takes no part in the request-dominated scenario (it has no per-user calls).
import {
  type BenchEstate,
  type BenchScenario,
  type BoundContext,
  type BoundItem,
  bound,
  type LowerBound,
  pages,
  scaledCount,
} from '../bench';
import { GENERATED_RUN_TYPES } from './scaled';
import { type AzureSimulator, startVeeamAzureSimulator } from './server';

/** The API's largest page is not documented; the exporter asks for 1,000 (the simulator's default is 50). */
export const AZURE_PAGE_MAX = 1000;

export function azureBench(scenario: BenchScenario, factor: number): BenchEstate<AzureSimulator> | undefined {
  if (scenario !== 'full') return undefined;
  const scale = { policies: scaledCount(200, factor), sessions: scaledCount(6000, factor) };
  return {
    describe: `v8.1: ${scale.policies} policies, ${scale.sessions} sessions over 7 days, ${AZURE_PAGE_MAX} per page`,
    start: (o) => startVeeamAzureSimulator({ ...o, scale, maxPageSize: AZURE_PAGE_MAX }),
    bound: (sim, c) => azureBound(sim.data, c, AZURE_PAGE_MAX),
    slowData: /\/api\/v[\d.]+\/(repositories|license|overview\/)/i,
  };
}

export interface AzureLike {
  policies: ReadonlyArray<{ id: string }>;
  sessions: ReadonlyArray<{ id: string; type: string; status: string; startMs: number; policyId?: string }>;
}

const AZURE_RUNNING = new Set(['Running', 'RunningWithWarning', 'RunningWithError', 'Pending', 'Canceling']);

export function azureBound(d: AzureLike, c: BoundContext, pageMax: number): LowerBound {
  const from = c.nowMs - c.lookbackMs;
  const windowed = d.sessions.filter((s) => s.startMs >= from && s.startMs <= c.nowMs + 60_000);
  const sessionPages = pages(windowed.length, pageMax);
  const last = new Map<string, AzureLike['sessions'][number]>();
  // The runs are what this simulator generated as runs, known here without the exporter's own rule.
  for (const s of windowed) {
    if (!s.policyId || !GENERATED_RUN_TYPES.has(s.type)) continue;
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
    {
      request: 'repositories, license, overview/storageUsage, overview/protectedWorkloads',
      count: 0,
      why: 'storage, licence and coverage are reused for inventory_ttl (contract 2)',
    },
  ];
  // totalCount lets every page after the first go out at once; logs need the sessions first.
  return bound(items, (sessionPages > 1 ? 2 : 1) + (live > 0 ? 1 : 0));
}
