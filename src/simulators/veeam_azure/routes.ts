// The versioned API of the simulated appliance (`/api/<version>/...`): `system/about`, the policy lists,
// `jobSessions` with Offset/Limit/FromUtc/Types/PolicyId, `jobSessions/{id}/log` and the capacity endpoints
// (capacity.ts), as v1 or v8.1.
import type { SimReply, SimRequest } from '../common';
import { capacityRoute } from './capacity';
import type { SimData, SimPolicy, SimSession } from './data';
import { FAMILY_PATHS, policyBody, unconfiguredVnet } from './policies';
import { type LinkBase, type PageOptions, page, problem, sessionBody, timestamp } from './shapes';

export interface RouteState {
  version: string;
  data: SimData;
  /** Paths (below `/api/<version>`) the account may not read: 403, as for a role without the right. */
  forbidden: Set<string>;
  /** `https://localhost:port`, for absolute `_links`. */
  origin: string;
}

const VERSION_ABOUT: Record<string, string> = { v1: '1.0.0.357', 'v8.1': '8.1.0.16', v8: '8.0.0.54' };

/** Answers `path` (below `/api/<version>`); undefined for "no such route". */
export function route(
  path: string,
  req: SimRequest,
  st: RouteState,
  now: number,
  o: PageOptions,
): SimReply | undefined {
  const v1 = st.version === 'v1';
  const base: LinkBase = { origin: st.origin, version: st.version };
  if (st.forbidden.has(path)) return problem(403, 'Forbidden');
  if (path === '/system/about') return { json: about(st.version) };
  const family = policyFamily(path, v1);
  if (family === 'vnet') {
    // One object whether or not a VNet policy was set up: the document lists no 404.
    const p = st.data.policies.find((x) => x.family === 'vnet');
    return { json: p ? policyBody(p, v1, base) : unconfiguredVnet(base) };
  }
  if (family) {
    const policies = st.data.policies.filter((p) => p.family === family);
    const bodies = policies.map((p) => policyBody(p, v1, base));
    return { json: page(req, bodies, o, base) };
  }
  if (path === '/jobSessions') {
    const byId = new Map<string, SimPolicy>(st.data.policies.map((p) => [p.id, p]));
    const list = sessions(st.data.sessions, req, now);
    const body = (s: SimSession, i: number) => sessionBody(s, i, v1, base, byId.get(s.policyId ?? ''));
    return { json: page(req, list, o, base, body) };
  }
  const log = /^\/jobSessions\/([^/]+)\/log$/.exec(path);
  if (log) {
    const s = st.data.sessions.find((x) => x.id === decodeURIComponent(log[1]!));
    return s ? { json: sessionLog(s, v1) } : problem(404, 'Not Found', 'Session not found.');
  }
  return capacityRoute(path, req, st.data.capacity, o, base);
}

function about(version: string): unknown {
  return {
    serverVersion: VERSION_ABOUT[version] ?? '7.0.0.1',
    workerVersion: '7.0.0.1',
    flrVersion: '7.0.0.1',
    databaseId: '00000000-0000-4000-a000-000000000000',
    copyright: '© Veeam Software Group GmbH',
    deploymentSubscriptionId: 'sub-1',
  };
}

function policyFamily(path: string, v1: boolean): string | undefined {
  if (v1) return path === '/policies' ? 'virtualMachines' : undefined;
  return Object.entries(FAMILY_PATHS).find(([, p]) => p === path)?.[0];
}

function sessions(all: SimSession[], req: SimRequest, now: number): SimSession[] {
  const from = req.query.get('FromUtc');
  const fromMs = from ? Date.parse(from) : -Infinity;
  const types = req.query.getAll('Types').flatMap((t) => t.split(','));
  const policyId = req.query.get('PolicyId');
  return all.filter(
    (s) =>
      s.startMs >= fromMs &&
      s.startMs <= now + 60_000 &&
      (types.length === 0 || types.includes(s.type)) &&
      (!policyId || s.policyId === policyId),
  );
}

/** `JobSessionLog {jobSessionId, log: LogItem[]}`. */
function sessionLog(s: SimSession, v1: boolean): unknown {
  return {
    jobSessionId: s.id,
    log: s.log.map((l) => ({
      logTime: timestamp(s.startMs + l.offsetS * 1000, l.offsetS),
      status: l.status,
      message: l.message,
      executionStartTime: timestamp(s.startMs + l.offsetS * 1000, l.offsetS + 1),
      executionDuration: '00:00:01.4468860',
      ...(v1 ? {} : { resourceHashId: `r${l.offsetS}` }),
    })),
  };
}
