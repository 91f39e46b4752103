// The `jobs` (inventory) collector: backup users (ListUsers, read in every case and filtered by `users:`),
// their backup sets (ListBackupSets), reused for inventory_ttl, and each selected set's destinations
// (2/GetBackupSet, once a day). Job filters apply to the backup set name here, so filtered sets are never
// walked, reported or exported; a selected user's tenant series exist whatever they filter. A user or backup
// set whose call fails is an item failure: its series are left out, every other user's stay.
import { isLoginRejection, UpstreamError } from '../../common/errors';
import { byText } from '../../common/order';
import { settleLimit } from '../../common/pool';
import { jobSelected } from '../../config/types';
import type { TtlCache } from '../../core/cache';
import type { CbsClient } from './client';
import type { AhsayTarget } from './config';
import type { CbsBackupSet, CbsUser } from './decode';
import { SetDestinations } from './destinations';

export interface UserSets {
  user: CbsUser;
  sets: CbsBackupSet[];
}

export interface ItemFailure {
  item: string;
  error: unknown;
}

export interface Inventory {
  /** Selected users whose backup sets were read, by login: their tenant series. */
  users: CbsUser[];
  /** Those with at least one selected backup set: the users the `runs` collector walks. */
  jobs: UserSets[];
  /** What the `jobs` collector reports as failed items. */
  failures: ItemFailure[];
}

export interface InventoryContext {
  client: CbsClient;
  target: AhsayTarget;
  cache: TtlCache;
  destinations: SetDestinations;
  signal: AbortSignal;
  now: number;
}

export async function loadInventory(c: InventoryContext): Promise<Inventory> {
  const listed = dedupeUsers(await c.cache.get('users', () => c.client.listUsers(), c.now));
  const failures: ItemFailure[] = [];
  const users = selectUsers(listed, c.target.users, failures);
  const key = (u: CbsUser): string => `sets:${u.login}\u0000${u.owner}`;
  const lists = await settle(
    c,
    users,
    failures,
    (u) => `user ${u.login}`,
    (u) => c.cache.get(key(u), () => c.client.listBackupSets(u.login), c.now),
  );
  const read = users.filter((u) => lists.has(u));
  const selected = read.map((user) => ({ user, sets: selectSets(c.target, lists.get(user) ?? []) }));
  const jobs = await withDestinations(c, selected, failures);
  return { users: read, jobs: jobs.filter((u) => u.sets.length > 0), failures };
}

/** The users of `users:` (all when empty); a configured login the server does not list is a failed item. */
function selectUsers(listed: CbsUser[], wanted: readonly string[], failures: ItemFailure[]): CbsUser[] {
  if (wanted.length === 0) return listed;
  const names = new Set(wanted);
  for (const login of [...names].sort()) {
    if (listed.some((u) => u.login === login)) continue;
    failures.push({ item: `user ${login}`, error: new UpstreamError('http', 'not listed by ListUsers') });
  }
  return listed.filter((u) => names.has(u.login));
}

/** Each selected set with its destinations; a set whose 2/GetBackupSet fails is a failed item and left out. */
async function withDestinations(c: InventoryContext, list: UserSets[], failures: ItemFailure[]): Promise<UserSets[]> {
  const pairs = list.flatMap((u) => u.sets.map((set) => ({ user: u.user, set })));
  c.destinations.keepOnly(new Set(pairs.map((p) => SetDestinations.key(p.user.login, p.set.id))));
  const found = await settle(
    c,
    pairs,
    failures,
    (p) => `backup set ${p.set.name} of ${p.user.login}`,
    (p) => c.destinations.get(c.client, p.user.login, p.set.id, c.now),
  );
  const pairOf = new Map(pairs.map((p) => [p.set, p]));
  return list.map((u) => ({
    user: u.user,
    sets: u.sets.flatMap((set) => {
      const pair = pairOf.get(set);
      if (!pair || !found.has(pair)) return [];
      const ids = found.get(pair);
      return [ids === undefined ? set : { ...set, destinations: ids }];
    }),
  }));
}

/** `fn` for every item; a login rejection is thrown (the target is down), other failures become items. */
async function settle<T, R>(
  c: InventoryContext,
  items: readonly T[],
  failures: ItemFailure[],
  name: (item: T) => string,
  fn: (item: T) => Promise<R>,
): Promise<Map<T, R>> {
  const results = await settleLimit(items, c.target.concurrency, c.signal, fn);
  const rejected = results.find((r) => !r.ok && isLoginRejection(r.error));
  if (rejected && !rejected.ok) throw rejected.error;
  const out = new Map<T, R>();
  results.forEach((r, i) => {
    if (r.ok) out.set(items[i]!, r.value);
    else failures.push({ item: name(items[i]!), error: r.error });
  });
  return out;
}

/** The selected sets of a user, sorted by id, each id once. */
function selectSets(target: AhsayTarget, sets: readonly CbsBackupSet[]): CbsBackupSet[] {
  const selected = sets.filter((s) => jobSelected(target.jobs, s.name)).sort(byText((s) => s.id));
  return selected.filter((s, i) => i === 0 || s.id !== selected[i - 1]?.id);
}

/** The first user of each login, in login order. */
function dedupeUsers(users: readonly CbsUser[]): CbsUser[] {
  const seen = new Map<string, CbsUser>();
  for (const u of users) if (!seen.has(u.login)) seen.set(u.login, u);
  return [...seen.values()].sort(byText((u) => u.login));
}
