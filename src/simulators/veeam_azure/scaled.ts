// The generated large estate of the Veeam Backup for Microsoft Azure simulator (the benchmark's): policies of
// every family and sessions over the last 7 days, from a seeded generator, so the same scale always gives the
// same data.
import { seededRandom } from '../random';
import { demoCapacity } from './capacity';
import { type AzureScale, H, policy, type SimData, type SimPolicy, type SimSession, uuid } from './data';

const STATUSES = ['Success', 'Success', 'Success', 'Success', 'Warning', 'Error', 'Canceled'];
const NOISE = ['ManualSnapshot', 'BackupRetention', 'HealthCheck', 'SnapshotDeletion', 'RestoreVms'];
const FAMILIES = ['virtualMachines', 'virtualMachines', 'sql', 'fileShares', 'cosmosDb', 'slaBased'];
const RUN_TYPE: Record<string, string> = {
  virtualMachines: 'PolicyBackup',
  sql: 'SqlPolicyBackup',
  fileShares: 'FileSharePolicySnapshot',
  cosmosDb: 'CosmosDbConfiguration',
  vnet: 'VnetPolicyBackup',
  slaBased: 'PolicySnapshot',
};

/** The session types this generator writes for policy runs (every other type it writes is not a run). */
export const GENERATED_RUN_TYPES: ReadonlySet<string> = new Set(Object.values(RUN_TYPE));

/** A large estate for the benchmark: `policies` policies and `sessions` sessions over the last 7 days. */
export function scaledData(now: number, scale: AzureScale, seed = 1): SimData {
  const rnd = seededRandom(seed);
  const policies = Array.from({ length: scale.policies }, (_, i) =>
    policy(1000 + i, `policy-${String(i).padStart(4, '0')}`, FAMILIES[i % FAMILIES.length]!, now, {
      isEnabled: rnd() > 0.05,
    }),
  );
  const sessions: SimSession[] = [];
  for (let i = 0; i < scale.sessions; i++) {
    sessions.push(session(i, policies[i % Math.max(1, policies.length)], now, rnd));
  }
  return { policies, sessions, capacity: demoCapacity(now) };
}

/** Session `i` of policy `p`; the generator is drawn in a fixed order (the data depends on it). */
function session(i: number, p: SimPolicy | undefined, now: number, rnd: () => number): SimSession {
  const startMs = now - Math.floor(rnd() * 7 * 24 * H);
  const noise = rnd() < 0.2;
  const running = !noise && rnd() < 0.02;
  const durMs = Math.floor(rnd() * 2 * H);
  const status = running ? 'Running' : pick(STATUSES, rnd);
  const frac = String(Math.floor(rnd() * 1e7))
    .padStart(7, '0')
    .slice(0, 5 + (i % 3));
  const sess: SimSession = {
    id: uuid(100_000 + i, 3),
    type: noise ? NOISE[i % NOISE.length]! : RUN_TYPE[p?.family ?? 'virtualMachines']!,
    status,
    startMs,
    duration: running ? null : `${formatSpan(durMs)}.${frac}`,
    protectedInstancesCount: 1 + Math.floor(rnd() * 50),
    log: Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, k) => ({
      status: pick(STATUSES, rnd),
      message: `step ${k}`,
      offsetS: k * 10,
    })),
  };
  if (p) sess.policyId = p.id;
  if (!running) sess.stopMs = startMs + durMs;
  return sess;
}

function pick(values: readonly string[], rnd: () => number): string {
  return values[Math.floor(rnd() * values.length)]!;
}

function formatSpan(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const hh = String(Math.floor((s % 86_400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${d > 0 ? `${d}.` : ''}${hh}:${mm}:${ss}`;
}
