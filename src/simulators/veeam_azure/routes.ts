// The versioned API of the simulated appliance (`/api/<version>/...`): `system/about`, the policy lists,
// `jobSessions` with Offset/Limit/FromUtc/Types/PolicyId and `jobSessions/{id}/log`, as v1 or v8.1.
import type { SimReply, SimRequest } from '../common';
import type { SimData, SimSession } from './data';
import { type PageOptions, page, policyBody, problem, sessionBody, timestamp } from './shapes';

export interface RouteState {
  version: string;
  data: SimData;
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
  if (path === '/system/about') return { json: about(st.version) };
  const family = policyFamily(path, v1);
  if (family === 'vnet') {
    const p = st.data.policies.find((x) => x.family === 'vnet');
    return p ? { json: policyBody(p, v1) } : problem(404, 'Not Found');
  }
  if (family) {
    const policies = st.data.policies.filter((p) => p.family === family);
    return {
      json: page(
        req,
        policies.map((p) => policyBody(p, v1)),
        o,
      ),
    };
  }
  if (path === '/jobSessions') {
    return {
      json: page(
        req,
        sessions(st.data.sessions, req, now).map((s, i) => sessionBody(s, i, v1)),
        o,
      ),
    };
  }
  const log = /^\/jobSessions\/([^/]+)\/log$/.exec(path);
  if (log) {
    const s = st.data.sessions.find((x) => x.id === decodeURIComponent(log[1]!));
    return s ? { json: sessionLog(s, v1) } : problem(404, 'Not Found', 'Session not found.');
  }
  return undefined;
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
  const m: Record<string, string> = {
    '/policies/virtualMachines': 'virtualMachines',
    '/policies/sql': 'sql',
    '/policies/fileShares': 'fileShares',
    '/policies/cosmosDb': 'cosmosDb',
    '/policy/vnet': 'vnet',
    '/policy/slaBased/virtualMachines': 'slaBased',
  };
  return m[path];
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
