// Deterministic CloudDC estate: physical servers with a mix of health and power states (including the vendor's
// spellings, a missing value and an unexpected one), and log exports that advance on each status poll.
import { createHash } from 'node:crypto';
import { seededRandom, shuffleWith } from '../random';

export interface HuaweiScale {
  /** Physical servers (bench: 500). */
  servers: number;
  /** Seed of the generator and of the list order. */
  seed: number;
}

export const DEFAULT_SCALE: HuaweiScale = { servers: 24, seed: 4 };

export interface SimServer {
  id: string;
  name: string;
  project_id: string;
  domain_id: string;
  manage_state: string;
  power_state?: string;
  health_state?: string;
  onboard_time: string;
  location: { dc: string; rack: string; unit: string };
  hardware_attributes: { sn: string; manufacturer: string; model: string };
}

export interface SimExport {
  serverId: string;
  exportId: string;
  createdAt: string;
  polls: number;
  /** The export fails instead of completing (one server in the demo data). */
  fails: boolean;
  /** How percentage is written: 30, "30" or "30%" (all three occur in the vendor's documents). */
  percentStyle: 'number' | 'string' | 'percent';
  /** Forces the status text (tests of undocumented values). */
  statusOverride?: string;
}

/** Percent points an export advances per status poll; it completes (or fails) at 100. */
export const STEP = 35;

function uuid(seed: number, i: number): string {
  const h = createHash('sha256').update(`clouddc-${seed}-${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const POWER = ['on', 'on', 'on', 'on', 'off', 'powering-on', 'powering-off', 'rebooting'];
const HEALTH = ['OK', 'OK', 'OK', 'OK', 'Warning', 'Critical', 'Unknown'];

/** The account (domain) id of every simulated server. */
export const DOMAIN_ID = '9b1f0e7a42c24f0d8d6c2b1a0f3e5d71';

export function generateServers(projectId: string, scale: HuaweiScale, now: number): SimServer[] {
  const rnd = seededRandom(scale.seed);
  const servers: SimServer[] = [];
  for (let i = 0; i < scale.servers; i++) {
    const s: SimServer = {
      id: uuid(scale.seed, i),
      name: `bms-${String(i + 1).padStart(3, '0')}`,
      project_id: projectId,
      domain_id: DOMAIN_ID,
      manage_state: i % 5 === 0 ? 'in-use' : 'ready',
      power_state: POWER[Math.floor(rnd() * POWER.length)],
      health_state: HEALTH[Math.floor(rnd() * HEALTH.length)],
      onboard_time: new Date(now - (30 + i) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      location: { dc: 'dc1', rack: `r${Math.floor(i / 20) + 1}`, unit: `u${(i % 20) + 1}` },
      hardware_attributes: { sn: `SN${String(100000 + i)}`, manufacturer: 'Huawei', model: 'TaiShan 200' },
    };
    servers.push(s);
  }
  // The ugly parts: a server without health_state, one with an undocumented health value, upper-case power.
  if (servers[1]) delete servers[1].health_state;
  if (servers[2]) servers[2].health_state = 'Degraded';
  if (servers[3]) servers[3].power_state = 'ON';
  if (servers[4]) delete servers[4].power_state;
  if (servers[0]) {
    servers[0].health_state = 'OK';
    servers[0].power_state = 'on';
  }
  return servers;
}

/** Ids that address another path when put into a URL as they are (a hostile or broken server's list). */
export const ODD_IDS = ['..', '.', 'a/b', '%2e%2e'] as const;

/** Healthy servers with the odd ids, named `bms-odd-1`…, built like the others. */
export function oddServers(template: SimServer): SimServer[] {
  return ODD_IDS.map((id, i) => ({ ...template, id, name: `bms-odd-${i + 1}`, health_state: 'OK', power_state: 'on' }));
}

/** Percentage after `polls` status queries, capped at 100. */
export function percentOf(e: SimExport): number {
  return Math.min(100, e.polls * STEP);
}

export function exportStatus(e: SimExport): string {
  if (e.statusOverride !== undefined) return e.statusOverride;
  const p = percentOf(e);
  if (p < 100) return 'Running';
  return e.fails ? 'failed' : 'completed';
}

export function formatPercent(e: SimExport): number | string {
  const p = percentOf(e);
  return e.percentStyle === 'number' ? p : e.percentStyle === 'string' ? String(p) : `${p}%`;
}

/** The archive of an export: deterministic bytes (a few tens of KiB) derived from its identity. */
export function archiveBytes(serverId: string, exportId: string): Buffer {
  const size = 40_000 + (parseInt(createHash('sha256').update(serverId).digest('hex').slice(0, 4), 16) % 20_000);
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(`${serverId}/${exportId}`).digest();
  for (let off = 0; off < size; off += block.length) {
    block.copy(out, off);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

/** A fixed permutation: the API's order is neither by id nor by name. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  return shuffleWith(items, seededRandom(seed ^ 0x5eed));
}
