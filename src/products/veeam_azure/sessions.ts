// The `sessions` collector: the sessions started within lookback, read fresh each collection, and the runs
// of each selected policy among them: sessions of a policy-run type whose backupJobInfo.policyId is the policy.
import type { AzureApi } from './client';
import type { AzurePolicy, AzureSession } from './decode';

/** Session types that are runs of a policy (contract 4.2); manual, restore, retention, health-check never. */
export const POLICY_RUN_TYPES: ReadonlySet<string> = new Set(
  [
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
  ].map((t) => t.toLowerCase()),
);

export function isPolicyRun(s: AzureSession): boolean {
  return POLICY_RUN_TYPES.has(s.type.toLowerCase());
}

/** Policy-run sessions grouped by policy id, only for the given (selected) policies. */
export function groupSessions(
  sessions: readonly AzureSession[],
  policyIds: ReadonlySet<string>,
): Map<string, AzureSession[]> {
  const out = new Map<string, AzureSession[]>();
  for (const s of sessions) {
    if (!s.policyId || !policyIds.has(s.policyId) || !isPolicyRun(s)) continue;
    const list = out.get(s.policyId);
    if (list) list.push(s);
    else out.set(s.policyId, [s]);
  }
  return out;
}

/** The runs of each given policy (an empty list when it has none) among the sessions started since `fromMs`. */
export async function loadSessions(
  api: AzureApi,
  policies: readonly AzurePolicy[],
  fromMs: number,
): Promise<Map<string, AzureSession[]>> {
  const grouped = groupSessions(await api.sessions(fromMs), new Set(policies.map((p) => p.id)));
  return new Map(policies.map((p) => [p.id, grouped.get(p.id) ?? []]));
}
