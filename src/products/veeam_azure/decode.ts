// Decoding the appliance's JSON into typed records, defensively: pages or bare arrays, missing fields, numbers
// sent as strings, ids as numbers (v1) or uuids. A body that cannot be what the API documents is a `decode`
// error naming the path; a single odd record is skipped instead of failing the whole list.

import { decodeError } from '../../common/errors';
import { parseTime } from './parse';

export interface AzurePolicy {
  id: string;
  name: string;
  /** The policy type of contract 4.2 (`VirtualMachines`, `AzureSql`, ...). */
  type: string;
  enabled?: boolean;
  /** Unix seconds. */
  nextRun?: number;
}

export interface AzureSession {
  id: string;
  type: string;
  status: string;
  policyId?: string;
  /** Unix seconds. */
  start?: number;
  stop?: number;
  /** `executionDuration` as sent (TimeSpan string, milliseconds number, null or absent). */
  duration?: unknown;
  protectedInstances?: number;
}

export interface LogCounts {
  warnings: number;
  errors: number;
}

export interface Page {
  results: unknown[];
  totalCount?: number;
  hasNext: boolean;
  /** A bare array is the whole list. */
  complete?: boolean;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

function num(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

/** A page `{offset, limit, totalCount, results, _links}`, or a bare array (one page holding everything). */
export function decodePage(body: unknown, path: string): Page {
  if (Array.isArray(body)) return { results: body, hasNext: false, complete: true };
  if (!isObj(body) || !Array.isArray(body.results)) throw decodeError('expected a page with a results array', path);
  const links = isObj(body._links) ? body._links : {};
  const page: Page = { results: body.results, hasNext: links.next !== undefined && links.next !== null };
  const total = num(body.totalCount);
  if (total !== undefined) page.totalCount = total;
  return page;
}

/** A policy of a list; undefined (skipped) without an id. The name falls back to the id. */
export function decodePolicy(raw: unknown, type: string): AzurePolicy | undefined {
  if (!isObj(raw)) return undefined;
  const id = str(raw.id);
  if (!id) return undefined;
  const policy: AzurePolicy = { id, name: str(raw.name) ?? id, type };
  const enabled = bool(raw.isEnabled);
  if (enabled !== undefined) policy.enabled = enabled;
  const next = parseTime(raw.nextExecutionTime);
  if (next !== undefined) policy.nextRun = next;
  return policy;
}

export function decodeSession(raw: unknown): AzureSession | undefined {
  if (!isObj(raw)) return undefined;
  const id = str(raw.id);
  const type = str(raw.type);
  if (!id || !type) return undefined;
  const info = isObj(raw.backupJobInfo) ? raw.backupJobInfo : {};
  const s: AzureSession = { id, type, status: str(raw.status) ?? 'Unknown', duration: raw.executionDuration };
  const policyId = str(info.policyId);
  if (policyId) s.policyId = policyId;
  const start = parseTime(raw.executionStartTime);
  if (start !== undefined) s.start = start;
  const stop = parseTime(raw.executionStopTime);
  if (stop !== undefined) s.stop = stop;
  const count = num(info.protectedInstancesCount);
  if (count !== undefined) s.protectedInstances = count;
  return s;
}

const WARNING = new Set(['warning', 'runningwithwarning']);
const ERROR = new Set(['error', 'runningwitherror']);

/** `JobSessionLog {jobSessionId, log: LogItem[]}` counted by item status (a bare array is accepted too). */
export function decodeLogCounts(body: unknown, path: string): LogCounts {
  const items = Array.isArray(body) ? body : isObj(body) ? (body.log ?? []) : undefined;
  if (!Array.isArray(items)) throw decodeError('expected a session log with a log array', path);
  const counts: LogCounts = { warnings: 0, errors: 0 };
  for (const item of items) {
    const status = isObj(item) ? str(item.status)?.toLowerCase() : undefined;
    if (status === undefined) continue;
    if (WARNING.has(status)) counts.warnings++;
    else if (ERROR.has(status)) counts.errors++;
  }
  return counts;
}

export function decodeAbout(body: unknown): string | undefined {
  return isObj(body) ? str(body.serverVersion) : undefined;
}

export { isObj };
