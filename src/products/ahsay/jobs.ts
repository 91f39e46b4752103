// The `jobs` (inventory) collector: backup users (ListUsers, or the configured `users`) and their backup
// sets (ListBackupSets), reused for inventory_ttl. Job filters apply to the backup set name here, so
// filtered sets are never walked, reported or exported.
import { byText } from '../../common/order';
import { mapLimit } from '../../common/pool';
import { jobSelected } from '../../config/types';
import type { TtlCache } from '../../core/cache';
import type { CbsClient } from './client';
import type { AhsayTarget } from './config';
import type { CbsBackupSet, CbsUser } from './decode';

export interface UserSets {
  user: CbsUser;
  sets: CbsBackupSet[];
}

/** Users with at least one selected backup set, by login; their sets by id. */
export async function loadInventory(
  client: CbsClient,
  target: AhsayTarget,
  cache: TtlCache,
  now: number,
): Promise<UserSets[]> {
  const users =
    target.users.length > 0
      ? target.users.map((login) => ({ login, owner: '' }))
      : await cache.get('users', () => client.listUsers(), now);
  const unique = dedupeUsers(users);
  // One user's set list failing fails the inventory: a target must not silently lose a user's jobs.
  const lists = await mapLimit(unique, target.concurrency, (user) =>
    cache.get(`sets:${user.login}\u0000${user.owner}`, () => client.listBackupSets(user.login), now),
  );
  return unique.flatMap((user, i) => {
    const sets = (lists[i] ?? []).filter((s) => jobSelected(target.jobs, s.name)).sort(byText((s) => s.id));
    return sets.length > 0 ? [{ user, sets: dedupeSets(sets) }] : [];
  });
}

/** The first user of each login, in login order. */
function dedupeUsers(users: readonly CbsUser[]): CbsUser[] {
  const seen = new Map<string, CbsUser>();
  for (const u of users) if (!seen.has(u.login)) seen.set(u.login, u);
  return [...seen.values()].sort(byText((u) => u.login));
}

/** Sets sorted by id, each id once. */
function dedupeSets(sets: readonly CbsBackupSet[]): CbsBackupSet[] {
  return sets.filter((s, i) => i === 0 || s.id !== sets[i - 1]?.id);
}
