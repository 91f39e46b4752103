// The `jobs` (inventory) collector: backup users (ListUsers, or the configured `users`) and their backup
// sets (ListBackupSets), reused for inventory_ttl. Job filters apply to the backup set name here, so
// filtered sets are never walked, reported or exported.
import type { TtlCache } from '../../core/cache';
import { jobSelected, type AhsayTarget } from '../../config/types';
import type { CbsBackupSet, CbsClient, CbsUser } from './client';
import { settleLimit as pool } from '../../common/pool';

export interface UserSets {
  user: CbsUser;
  sets: CbsBackupSet[];
}

export async function loadInventory(
  client: CbsClient,
  target: AhsayTarget,
  cache: TtlCache,
  now: number,
  signal: AbortSignal,
): Promise<UserSets[]> {
  const users =
    target.users.length > 0
      ? target.users.map((login) => ({ login, owner: '' }))
      : await cache.get('ahsay:users', () => client.listUsers(), now);
  const unique = dedupeUsers(users);
  const results = await pool(unique, target.concurrency, signal, (user) =>
    cache.get(`ahsay:sets:${user.login}\u0000${user.owner}`, () => client.listBackupSets(user.login), now),
  );
  const out: UserSets[] = [];
  results.forEach((r, i) => {
    // One user's set list failing fails the inventory: a target must not silently lose a user's jobs.
    if (!r.ok) throw r.error;
    const sets = r.value.filter((s) => jobSelected(target.jobs, s.name)).sort((a, b) => cmp(a.id, b.id));
    if (sets.length > 0) out.push({ user: unique[i] as CbsUser, sets: dedupeSets(sets) });
  });
  return out;
}

function dedupeUsers(users: readonly CbsUser[]): CbsUser[] {
  const seen = new Map<string, CbsUser>();
  for (const u of users) if (!seen.has(u.login)) seen.set(u.login, u);
  return [...seen.values()].sort((a, b) => cmp(a.login, b.login));
}

function dedupeSets(sets: readonly CbsBackupSet[]): CbsBackupSet[] {
  return sets.filter((s, i) => i === 0 || s.id !== sets[i - 1]?.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
