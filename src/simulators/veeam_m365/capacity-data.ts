// Demo data of the VB365 simulator's storage, licence, coverage and proxy endpoints, consistent with the
// organizations: each organization's usage adds up to its repositories' used space, each organization's licence
// use is the count of its licensed users, and the licence's used units their sum. Licensed users are generated
// from their index (the benchmark estate has 20,000 of them).
import { seededRandom } from '../random';
import type { M365Data, SimOrg } from './data';
import { uuid } from './ids';

const GIB = 2 ** 30;
const DAY = 86_400_000;

export interface SimObjectStorage {
  id: string;
  name: string;
  type: 'AmazonS3' | 'AzureBlob';
  /** Null: no size limit. */
  sizeLimitGB: number | null;
  usedBytes: number;
  immutable: boolean;
}

export interface SimRepository {
  id: string;
  name: string;
  path: string;
  proxyId: string;
  /** The volume of a JET repository, or the local cache of an object-storage one. */
  capacityBytes: number;
  freeBytes: number;
  storage?: SimObjectStorage;
  /** v8 `isOutOfOrder` with its reason (the Invalid state). */
  invalidReason?: string;
  outOfSync: boolean;
  /** The item the `missing-fields` and `zero-capacity` modes change. */
  odd?: true;
}

export interface SimUsage {
  orgId: string;
  repoId: string;
  /** Data of the organization in the repository (JET), or in its object storage. */
  usedBytes: number;
  /** Local cache of an object-storage repository. */
  cacheBytes: number | null;
  odd?: true;
}

export interface SimProxy {
  id: string;
  hostName: string;
  status: 'Online' | 'Offline';
  maintenance: 'Disabled' | 'Enabling' | 'Enabled';
  cpu: number | null;
  memory: number | null;
  odd?: true;
}

export interface SimUser {
  id: string;
  name: string;
  org: SimOrg;
  backedUp: boolean;
}

export interface CapacityData {
  repositories: SimRepository[];
  usage: SimUsage[];
  proxies: SimProxy[];
  license: { type: string; status: 'Valid' | 'Expired'; expires: number; graceExpires: number; total: number };
  /** Licensed users in the order the server lists them. */
  userCount: number;
  user(position: number): SimUser;
  /** Per organization: users consuming a licence (backed up) and new users (never backed up). */
  licensing: Map<string, { licensed: number; newUsers: number }>;
  /** The organization whose licence use `missing-fields` leaves out. */
  oddOrgId: string;
}

/** The demo's licensed users: thousands across the organizations, some never backed up. */
export const DEMO_LICENSED_USERS = 2400;

export interface CapacityScale {
  /** Licensed users across the organizations (default 2,400; the benchmark estate has 20,000). */
  licensedUsers: number;
}

export function generateCapacity(data: M365Data, now: number, licensedUsers = DEMO_LICENSED_USERS): CapacityData {
  const r = seededRandom(4443);
  const proxies = demoProxies(r);
  const repositories = demoRepositories(r, proxies[0]!.id);
  // Captured now: a shuffled organization list must not move users or usage to other organizations.
  const orgs = [...data.orgs];
  const usage = demoUsage(r, orgs, repositories);
  const user = (i: number): SimUser => userAt(orgs, i);
  const licensing = new Map(data.orgs.map((o) => [o.id, { licensed: 0, newUsers: 0 }]));
  for (let i = 0; i < licensedUsers; i++) {
    const u = user(i);
    const l = licensing.get(u.org.id)!;
    if (u.backedUp) l.licensed++;
    else l.newUsers++;
  }
  const license = {
    type: 'Subscription',
    status: 'Valid' as const,
    // Near expiry: 21 days left, then a 30-day grace period (v7+).
    expires: now + 21 * DAY,
    graceExpires: now + 51 * DAY,
    total: Math.ceil((licensedUsers * 1.05) / 500) * 500,
  };
  usage[0]!.odd = true;
  return { repositories, usage, proxies, license, userCount: licensedUsers, user, licensing, oddOrgId: orgs[0]!.id };
}

function demoProxies(r: () => number): SimProxy[] {
  const p = (n: number, status: SimProxy['status'], maintenance: SimProxy['maintenance']) => {
    return { id: uuid(r), hostName: `vb365-proxy0${n}.contoso.local`, status, maintenance };
  };
  // Online and busy, in maintenance, offline (an offline proxy reports no figures).
  return [
    { ...p(1, 'Online', 'Disabled'), cpu: 37.5, memory: 61.25, odd: true },
    { ...p(2, 'Online', 'Enabled'), cpu: 3.75, memory: 22.5 },
    { ...p(3, 'Offline', 'Disabled'), cpu: null, memory: null },
  ];
}

// Two JET repositories (one Invalid), an object storage with a size limit (immutable, out of sync) and one without.
function demoRepositories(r: () => number, proxyId: string): SimRepository[] {
  const repo = (name: string, path: string, capacityBytes: number): SimRepository => ({
    id: uuid(r),
    name,
    path,
    proxyId,
    capacityBytes,
    freeBytes: capacityBytes,
    outOfSync: false,
  });
  const exchange = { ...repo('Local - Exchange', 'E:\\VBO\\Exchange', 2048 * GIB), odd: true as const };
  const remote = {
    ...repo('Local - Remote Office', '\\\\nas02\\vbo', 1024 * GIB),
    invalidReason: 'The repository folder is not accessible.',
  };
  const s3 = { ...repo('S3 - Long Term', 'C:\\VBO\\Cache\\S3', 500 * GIB), outOfSync: true };
  s3.storage = {
    id: uuid(r),
    name: 'contoso-vb365-s3',
    type: 'AmazonS3',
    sizeLimitGB: 10_240,
    usedBytes: 0,
    immutable: true,
  };
  const blob = repo('Azure Blob - Unlimited', 'C:\\VBO\\Cache\\Blob', 500 * GIB);
  blob.storage = {
    id: uuid(r),
    name: 'contoso-vb365-blob',
    type: 'AzureBlob',
    sizeLimitGB: null,
    usedBytes: 0,
    immutable: false,
  };
  return [exchange, remote, s3, blob];
}

/** Each organization uses one JET repository and the S3 one; the first also the Azure one. */
function demoUsage(r: () => number, orgs: readonly SimOrg[], repos: SimRepository[]): SimUsage[] {
  const usage: SimUsage[] = [];
  orgs.forEach((org, i) => {
    const used = [repos[i % 2]!, repos[2]!, ...(i === 0 ? [repos[3]!] : [])];
    for (const repo of used) {
      const bytes = Math.floor((40 + r() * 400) * GIB);
      const cacheBytes = repo.storage ? Math.floor(bytes / 50) : null;
      usage.push({ orgId: org.id, repoId: repo.id, usedBytes: bytes, cacheBytes });
    }
  });
  for (const repo of repos) {
    const mine = usage.filter((u) => u.repoId === repo.id);
    const data = mine.reduce((a, u) => a + u.usedBytes, 0);
    const cache = mine.reduce((a, u) => a + (u.cacheBytes ?? 0), 0);
    if (repo.storage) repo.storage.usedBytes = data;
    // The JET volume holds the data and 5% of other files; an object storage's cache volume holds the cache.
    repo.freeBytes = repo.capacityBytes - (repo.storage ? cache : Math.floor(data * 1.05));
  }
  return usage;
}

/** User `i`: round-robin over the organizations; about one in eight never backed up. */
function userAt(orgs: readonly SimOrg[], i: number): SimUser {
  const org = orgs[i % orgs.length]!;
  const hex = (i + 1).toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    name: `user${i + 1}@${org.name}`,
    org,
    backedUp: i % 8 !== 5 && i % 97 !== 3,
  };
}

/** Every list in its own stable order (a server with its own order); licensed users through a permutation. */
export function shuffleCapacity(cap: CapacityData, seed: number): void {
  const r = seededRandom(seed + 1);
  const shuffle = <T>(a: T[]): void => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
  };
  shuffle(cap.repositories);
  shuffle(cap.usage);
  shuffle(cap.proxies);
  const order = Array.from({ length: cap.userCount }, (_, i) => i);
  shuffle(order);
  const inner = cap.user;
  cap.user = (position) => inner(order[position]!);
}
