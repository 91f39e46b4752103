// The `sessions` collector: the sessions of the selected jobs that may be runs within lookback, per job.
//
// Which calls, and why the result depends neither on how `endTimeLowerBound` filters (the v7/v8 text says
// "created after", the name says "ended after"; v6 says nothing) nor on which job a copy session names:
//  - v3–v5 have no time filter: each job's own listing (`/Jobs/{id}/JobSessions`), its whole history.
//  - v6+ read the global listing windowed with `endTimeLowerBound = now − lookback`, every page (a few large
//    pages instead of a request per job). A run counts when its creationTime is within lookback, so filtering
//    by creation returns exactly those runs, running ones included; filtering by end returns every finished one
//    of them (end ≥ start ≥ bound) plus older runs that ended inside the window, which are dropped by their
//    start. Only runs without an end can be missing, and are looked for apart:
//      · v8: `status=Running`. Not covered: a session in state Queued (no end yet, and `status` cannot filter
//        it) on a server that filters by end time is seen once it runs. v8 keeps the window between
//        collections and asks only for what is new since the previous read (sessions-window.ts).
//      · v6/v7 (no status filter): the job lists are read afresh (one request each: bare arrays) and only a
//        job whose `lastStatus` is Running or Queued while the window holds no open session of it costs one
//        more request: its own listing (backup jobs) or the unwindowed copy listing (copy jobs, which have no
//        listing of their own). The cached inventory is not used for this: a run started since it was read
//        would be missed for up to inventory_ttl on a server that filters by end time.
//    v6 items say neither their job nor their kind: v6 asks for each kind apart (`jobType=Backup`, `jobType=
//    Copy`). Sessions are placed by attribution.ts; a backup job whose sessions cannot be told apart is read
//    through its own listing (exact), a copy job (no such listing) is left out and reported.
//  - One job's listing failing (a 400 or 404 for a job deleted since the inventory, any other error) leaves out
//    that job's runs only; the part reports it.
import { UpstreamError } from '../../common/errors';
import { mapLimit, type Settled, settleLimit } from '../../common/pool';
import type { PartScope } from '../../core/module';
import { JobIndex, SessionPlacer } from './attribution';
import type { Vb365Client } from './client';
import type { Vb365Job, Vb365Session } from './decode';
import type { PageSink, SessionWindow, WindowSource } from './sessions-window';

export interface SessionQuery {
  /** Unix seconds. */
  now: number;
  lookbackSeconds: number;
  concurrency: number;
}

export interface SessionInput {
  api: Vb365Client;
  /** Every job of the inventory: placing a session needs the jobs that are not selected too. */
  all: readonly Vb365Job[];
  /** The jobs to collect (already filtered). */
  selected: readonly Vb365Job[];
  q: SessionQuery;
  scope: PartScope;
  /** v8: the sessions kept from the previous collection (sessions-window.ts). */
  window: SessionWindow;
}

const RUNNING = new Set(['running', 'queued']);

/** Sessions by job id for the selected jobs; a job whose sessions are unknown is absent (and reported). */
export async function loadSessions(input: SessionInput): Promise<Map<string, Vb365Session[]>> {
  const { api, all, selected, q } = input;
  const placer = new SessionPlacer(new JobIndex(all), selected, q.now - q.lookbackSeconds);
  let own = selected.filter((j) => j.kind === 'Backup');
  if (api.version >= 6) {
    const statuses = await readWindow(input, placer);
    const running = new Set<Vb365Job>();
    for (const j of selected) if (RUNNING.has(statuses.get(j.id) ?? '') && !placer.hasOpen(j.id)) running.add(j);
    // Copy jobs have no listing of their own: a running one's open session is in the unwindowed copy listing.
    if ([...running].some((j) => j.kind === 'Copy' && !placer.uncertain(j))) {
      await api.eachSessionPage({ jobType: 'Copy' }, 'Copy', (page) => placer.add(page));
    }
    const before = own;
    own = [];
    for (const j of before) if (placer.uncertain(j) || running.has(j)) own.push(j);
  }
  const failed = await readOwn(input, own, placer);
  const out = new Map<string, Vb365Session[]>();
  for (const job of selected) {
    if (failed.has(job.id)) continue;
    if (job.kind === 'Copy' && placer.uncertain(job)) input.scope.itemFailed(`copy job ${job.name}`, untold());
    else out.set(job.id, placer.sessions(job.id));
  }
  return out;
}

/** The windowed listings (and, v6/v7, the fresh `lastStatus` of every job, lower case by id). */
async function readWindow(input: SessionInput, placer: SessionPlacer): Promise<Map<string, string>> {
  const { api, all, selected, q } = input;
  if (api.version >= 8) {
    placer.add(await input.window.read(q.now * 1000, q.lookbackSeconds * 1000, new V8Window(api, q.concurrency)));
    return new Map();
  }
  const endTimeLowerBound = new Date((q.now - q.lookbackSeconds) * 1000).toISOString();
  const add = (page: Vb365Session[]) => placer.add(page);
  const windowed =
    api.version === 7
      ? [api.eachSessionPage({ endTimeLowerBound }, undefined, add)]
      : [
          api.eachSessionPage({ jobType: 'Backup', endTimeLowerBound }, 'Backup', add),
          // Also when no copy job is selected: a backup job's own listing may hold its copy job's sessions.
          all.some((j) => j.kind === 'Copy')
            ? api.eachSessionPage({ jobType: 'Copy', endTimeLowerBound }, 'Copy', add)
            : undefined,
        ];
  const [jobs] = await Promise.all([api.jobs(selected.some((j) => j.kind === 'Copy')), ...windowed]);
  return new Map(jobs.map((j) => [j.id, (j.lastStatus ?? '').toLowerCase()]));
}

/** Each job's own listing; a job whose listing fails is reported to the part and returned. */
async function readOwn(input: SessionInput, jobs: readonly Vb365Job[], placer: SessionPlacer): Promise<Set<string>> {
  const { api, q, scope } = input;
  const results = await settleLimit(jobs, q.concurrency, scope.signal, ownSessions, api);
  const failed = new Set<string>();
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as Settled<Vb365Session[]>;
    const job = jobs[i] as Vb365Job;
    if (r.ok) placer.addOwn(job.id, r.value);
    else {
      failed.add(job.id);
      scope.itemFailed(`job ${job.name}`, r.error);
    }
  }
  return failed;
}

/** The v8 listings of the kept window: the windowed one and `status=Running` (open sessions under either reading). */
class V8Window implements WindowSource {
  constructor(
    private readonly api: Vb365Client,
    private readonly concurrency: number,
  ) {}

  async list(since: number, into: PageSink): Promise<void> {
    const endTimeLowerBound = new Date(since).toISOString();
    const add = (page: Vb365Session[]) => into.add(page);
    await Promise.all([
      this.api.eachSessionPage({ endTimeLowerBound }, undefined, add),
      this.api.eachSessionPage({ status: 'Running' }, undefined, add),
    ]);
  }

  byId(ids: readonly string[]): Promise<Array<Vb365Session | undefined>> {
    return mapLimit(ids, this.concurrency, oneSession, this.api);
  }
}

function oneSession(id: string, api: Vb365Client): Promise<Vb365Session | undefined> {
  return api.session(id);
}

function ownSessions(job: Vb365Job, api: Vb365Client): Promise<Vb365Session[]> {
  return api.jobSessions(job.id);
}

function untold(): UpstreamError {
  return new UpstreamError(
    'decode',
    "its sessions cannot be told from other jobs' (the server's copy sessions do not say which copy job they " +
      'are of): its runs are left out',
  );
}
