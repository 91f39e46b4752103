// The per-target state of an AhsayCBS target and one collection: the inventory (`jobs`: users, backup sets
// and their destinations) decides whether the target is up, and gives the tenant series; `runs` (the day
// walk), then `reports` and `progress` of each last run, are parts of their own. There is no login call: the
// credentials travel in every request body, and the target's login gate stops every call for a while after
// the server rejected them (contract section 2).
import { UpstreamError } from '../../common/errors';
import type { RunPolicy } from '../../core/jobs';
import type { CollectContext, CollectResult, ProductState, StateDeps } from '../../core/module';
import type { Sample } from '../../core/samples';
import { CbsClient } from './client';
import { API_VERSION, type AhsayTarget } from './config';
import { SetDestinations } from './destinations';
import { type Inventory, loadInventory } from './jobs';
import { collectProgress } from './progress';
import { ReportSource } from './reports';
import type { CbsProgress, CbsUser } from './decode';
import type { CbsReport } from './decode-report';
import { type CbsJob, collectRuns, type RunDetails, type WalkContext } from './runs';
import { jobSeries, tenantSeries } from './samples';
import { isValidZone, walkDays } from './times';

export class AhsayState implements ProductState {
  private readonly reports = new ReportSource();
  /** Destinations seen per backup set, so a destination that stops running is still looked for. */
  private readonly knownDestinations = new Map<string, Set<string>>();
  private readonly destinations: SetDestinations;

  constructor(
    private readonly target: AhsayTarget,
    private readonly deps: StateDeps,
  ) {
    this.destinations = new SetDestinations(target.inventoryTtlMs);
    if (target.url.startsWith('http://')) {
      deps.log.warn('plain http: the CBS system user password is sent in every request body');
    }
  }

  async collect(ctx: CollectContext): Promise<CollectResult> {
    const t = this.target;
    const client = new CbsClient(ctx.http, t, this.deps.gate);
    const inventory = await ctx.inventory(() => this.inventory(client, ctx));
    // The inventory's failed users and backup sets are the `jobs` collector's failed items.
    await ctx.part('jobs', async (scope) => {
      for (const f of inventory.failures) scope.itemFailed(f.item, f.error);
    });
    this.forgetDestinations(inventory);
    const policy: RunPolicy = {
      now: ctx.now / 1000,
      lookbackSeconds: t.lookbackMs / 1000,
      warningIsSuccess: t.warningIsSuccess,
    };
    const d: RunDetails = { client, immutable: this.deps.caches.immutable, concurrency: t.concurrency, log: ctx.log };
    // Every field named (no spread): one hidden class for the walk's optimised code in every collection.
    const walk = (): WalkContext => ({
      client,
      immutable: d.immutable,
      concurrency: d.concurrency,
      days: walkDays(ctx.now, t.timezone, t.lookbackMs),
      policy,
      knownDestinations: this.knownDestinations,
    });
    const jobs = (await ctx.part('runs', (scope) => collectRuns(walk(), inventory.jobs, scope))) ?? [];
    const [reports, progress] = await Promise.all([
      ctx.part('reports', (scope) => this.reports.collect(d, jobs, scope)),
      ctx.part('progress', (scope) => collectProgress(d, jobs, scope)),
    ]);
    const series = allSeries(inventory.users, jobs, reports, progress, policy.now);
    return { info: { api_version: API_VERSION }, samples: series };
  }

  /** Destinations seen of backup sets no longer selected are forgotten: the map never outgrows the inventory. */
  private forgetDestinations(inventory: Inventory): void {
    const keys = new Set<string>();
    for (const u of inventory.jobs) for (const s of u.sets) keys.add(`${u.user.login}\u0000${s.id}`);
    for (const key of this.knownDestinations.keys()) if (!keys.has(key)) this.knownDestinations.delete(key);
  }

  /** A rejected password's wait takes the target down before any call (the inventory may come from cache). */
  private inventory(client: CbsClient, ctx: CollectContext): Promise<Inventory> {
    if (!isValidZone(this.target.timezone)) {
      throw new UpstreamError('config', `unknown timezone ${this.target.timezone}`);
    }
    this.deps.gate.check();
    const cache = this.deps.caches.inventory;
    const c = { client, target: this.target, cache, destinations: this.destinations, signal: ctx.signal, now: ctx.now };
    return loadInventory(c);
  }
}

/**
 * Every user's tenant series and every job's series. A function of its own, not a loop in collect(): V8 would
 * compile the whole of collect() again for the loop in each collection (its closures are new each time).
 */
function allSeries(
  users: readonly CbsUser[],
  jobs: readonly CbsJob[],
  reports: ReadonlyMap<CbsJob, CbsReport> | undefined,
  progress: ReadonlyMap<CbsJob, CbsProgress> | undefined,
  now: number,
): Sample[] {
  const samples: Sample[] = [];
  for (const user of users) for (const s of tenantSeries(user)) samples.push(s);
  for (const job of jobs) {
    for (const s of jobSeries(job, reports?.get(job), progress?.get(job), now)) samples.push(s);
  }
  return samples;
}
