// The `jobs` (inventory) collector: backup users (ListUsers, read in every case and filtered by `users:`),
// their backup sets (ListBackupSets), reused for inventory_ttl, and each selected set's destinations
// (2/GetBackupSet, once a day). Job filters apply to the backup set name here, so filtered sets are never
// walked, reported or exported; a selected user's tenant series exist whatever they filter. A user or backup
// set whose call fails is an item failure: its series are left out, every other user's stay.
import { isLoginRejection, UpstreamError } from '../../common/errors';
import { sortedByText } from '../../common/order';
import { type Settled, settleLimit } from '../../common/pool';
import { selectJobs } from '../../config/types';
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
  const lists = await settle(c, users, failures, userItem, userSets);
  const read: CbsUser[] = [];
  const selected: UserSets[] = [];
  for (const user of users) {
    const sets = lists.get(user);
    if (sets === undefined) continue;
    read.push(user);
    selected.push({ user, sets: selectSets(c.target, sets) });
  }
  const jobs = await withDestinations(c, selected, failures);
  return { users: read, jobs: jobs.filter(hasSets), failures };
}

// The per-item steps are functions of this module, not closures made per collection (see common/pool).
function userItem(u: CbsUser): string {
  return `user ${u.login}`;
}

function userSets(u: CbsUser, c: InventoryContext): Promise<CbsBackupSet[]> {
  return c.cache.get(`sets:${u.login}\u0000${u.owner}`, () => c.client.listBackupSets(u.login), c.now);
}

function hasSets(u: UserSets): boolean {
  return u.sets.length > 0;
}

/** The users of `users:` (all when empty); a configured login the server does not list is a failed item. */
function selectUsers(listed: CbsUser[], wanted: readonly string[], failures: ItemFailure[]): CbsUser[] {
  if (wanted.length === 0) return listed;
  const names = new Set(wanted);
  const logins = new Set(listed.map((u) => u.login));
  for (const login of [...names].sort()) {
    if (logins.has(login)) continue;
    failures.push({ item: `user ${login}`, error: new UpstreamError('http', 'not listed by ListUsers') });
  }
  return listed.filter((u) => names.has(u.login));
}

interface SetPair {
  user: CbsUser;
  set: CbsBackupSet;
}

/** Each selected set with its destinations; a set whose 2/GetBackupSet fails is a failed item and left out. */
async function withDestinations(c: InventoryContext, list: UserSets[], failures: ItemFailure[]): Promise<UserSets[]> {
  const pairs: SetPair[] = [];
  const keys = new Set<string>();
  for (const u of list) {
    for (const set of u.sets) {
      pairs.push({ user: u.user, set });
      keys.add(SetDestinations.key(u.user.login, set.id));
    }
  }
  c.destinations.keepOnly(keys);
  const found = await settle(c, pairs, failures, pairItem, pairDestinations);
  const out: UserSets[] = [];
  let p = 0;
  for (const u of list) {
    const sets: CbsBackupSet[] = [];
    for (const set of u.sets) {
      // `pairs` holds every user's sets in this same order.
      const pair = pairs[p++] as SetPair;
      if (!found.has(pair)) continue;
      const ids = found.get(pair);
      sets.push(ids === undefined ? set : { ...set, destinations: ids });
    }
    out.push({ user: u.user, sets });
  }
  return out;
}

function pairItem(p: SetPair): string {
  return `backup set ${p.set.name} of ${p.user.login}`;
}

function pairDestinations(p: SetPair, c: InventoryContext): Promise<readonly string[] | undefined> {
  return c.destinations.get(c.client, p.user.login, p.set.id, c.now);
}

/** `fn` for every item; a login rejection is thrown (the target is down), other failures become items. */
async function settle<T, R>(
  c: InventoryContext,
  items: readonly T[],
  failures: ItemFailure[],
  name: (item: T) => string,
  fn: (item: T, c: InventoryContext) => Promise<R>,
): Promise<Map<T, R>> {
  const results = await settleLimit(items, c.target.concurrency, c.signal, fn, c);
  const out = new Map<T, R>();
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as Settled<R>;
    if (!r.ok && isLoginRejection(r.error)) throw r.error;
    if (r.ok) out.set(items[i] as T, r.value);
  }
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as Settled<R>;
    if (!r.ok) failures.push({ item: name(items[i] as T), error: r.error });
  }
  return out;
}

/** The selected sets of a user, sorted by id, each id once. */
function selectSets(target: AhsayTarget, sets: readonly CbsBackupSet[]): CbsBackupSet[] {
  const sorted = sortedByText(selectJobs(target.jobs, sets), setId);
  const out: CbsBackupSet[] = [];
  for (const s of sorted) if (out.length === 0 || out[out.length - 1]?.id !== s.id) out.push(s);
  return out;
}

function setId(s: CbsBackupSet): string {
  return s.id;
}

/** The first user of each login, in login order. */
function dedupeUsers(users: readonly CbsUser[]): CbsUser[] {
  const seen = new Map<string, CbsUser>();
  for (const u of users) if (!seen.has(u.login)) seen.set(u.login, u);
  return sortedByText(seen.values(), userLogin);
}

function userLogin(u: CbsUser): string {
  return u.login;
}
