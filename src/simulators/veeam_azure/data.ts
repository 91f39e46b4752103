// Deterministic data of the Veeam Backup for Microsoft Azure simulator: the records both estates are made of
// (the hand-made demo in demo.ts, the generated large one in scaled.ts), and what v1 keeps of the demo.
// Times are relative to `now`; the same options always give the same data.
import { seededRandom, shuffleWith } from '../random';
import type { SimCapacity } from './capacity';

export interface SimLogItem {
  status: string;
  message: string;
  offsetS: number;
}

export interface SimPolicy {
  id: string;
  name: string;
  /** Which list serves it: virtualMachines, sql, fileShares, cosmosDb, vnet, slaBased. */
  family: string;
  policyType: string;
  isEnabled: boolean;
  nextExecutionTime: string | null;
}

export interface SimSession {
  id: string;
  type: string;
  status: string;
  startMs: number;
  /** Absent while running. */
  stopMs?: number;
  /** As sent: TimeSpan string, milliseconds number or null. */
  duration: string | number | null;
  policyId?: string;
  protectedInstancesCount?: number;
  log: SimLogItem[];
}

export interface SimData {
  policies: SimPolicy[];
  sessions: SimSession[];
  /** Repositories, storage usage, licence and protected workloads (capacity.ts). */
  capacity: SimCapacity;
}

export interface AzureScale {
  policies: number;
  sessions: number;
}

/** A session before it gets its id. */
export type SessionSpec = Omit<SimSession, 'id' | 'log'> & { log?: SimLogItem[] };

export const H = 3_600_000;
const TYPE_OF: Record<string, string> = {
  virtualMachines: 'VirtualMachines',
  sql: 'AzureSql',
  fileShares: 'FileShares',
  cosmosDb: 'CosmosDb',
  vnet: 'Vnet',
  slaBased: 'ProtectionVmPolicy',
};

export function uuid(n: number, salt = 0): string {
  const hex = ((n * 2654435761 + salt * 40503) >>> 0).toString(16).padStart(8, '0');
  const tail = (n + salt * 1_000_000).toString(16).padStart(12, '0');
  return `${hex}-${tail.slice(0, 4)}-4${tail.slice(4, 7)}-a${tail.slice(7, 10)}-${tail.padStart(12, '0')}`;
}

export function policy(n: number, name: string, family: string, now: number, o: Partial<SimPolicy> = {}): SimPolicy {
  return {
    id: uuid(n, 1),
    name,
    family,
    policyType: TYPE_OF[family]!,
    isEnabled: true,
    nextExecutionTime: new Date(now + (n + 1) * H).toISOString(),
    ...o,
  };
}

/** A log item in state Success. */
export const ok = (msg: string, offsetS = 1): SimLogItem => ({ status: 'Success', message: msg, offsetS });

/** v1 serves VM policies only, numeric session ids, durations in milliseconds and `AutoBackup` noise. */
export function v1Data(now: number, all: SimData): SimData {
  const policies = all.policies.filter((p) => p.family === 'virtualMachines');
  const ids = new Set(policies.map((p) => p.id));
  const sessions: SimSession[] = all.sessions
    .filter((x) => !x.policyId || ids.has(x.policyId))
    .map((x, i) => ({
      ...x,
      id: String(38 + i),
      duration: typeof x.duration === 'string' ? toMs(x.duration) : x.duration,
    }));
  sessions.push({
    id: '99',
    type: 'AutoBackup',
    status: 'Error',
    startMs: now - 600_000,
    stopMs: now - 500_000,
    duration: 100_000,
    policyId: policies.find((p) => p.name === 'vm-prod')!.id,
    log: [],
  });
  return { policies, sessions, capacity: all.capacity };
}

function toMs(span: string): number {
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(span);
  if (!m) return 0;
  return Math.round(
    ((Number(m[1] ?? 0) * 24 + Number(m[2])) * 3600 + Number(m[3]) * 60 + Number(m[4]) + Number(`0.${m[5] ?? 0}`)) *
      1000,
  );
}

/** A different but reproducible API order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  return shuffleWith(items, seededRandom(seed));
}
