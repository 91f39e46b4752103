// The v8 session window kept between collections. A warm collection asks the global listing only for what is
// new since the previous read and keeps the sessions it already has, instead of reading (and parsing) every
// session of lookback again: for a few hundred jobs that is megabytes per collection. The whole window is read
// again every `inventory_ttl` (0s: every collection), after any failed read, and when the clock went back.
//
// Exact under both readings of `endTimeLowerBound` (contract 4.2: "created after" in the v7/v8 text, "ended
// after" by its name):
//  - A session the previous read did not return was created (creation reading) or ended (end reading) after
//    that read reached the server, so a bound at or before that moment returns it now. The bound is the
//    previous read's start less SKEW_MS: a server clock that far behind ours loses nothing.
//  - A kept session without an end that neither this read nor `status=Running` returns has ended since, or is
//    gone: under the end reading this read has it already; under the creation reading it is read by id
//    (`/JobSessions/{id}`; a 404 drops it).
//  - A kept session that started before lookback is dropped: it is no run under either reading.
// What changes in a session after it ended (an edit, a deletion) is seen at the next whole read.
import { normaliseEnd } from '../../core/jobs';
import type { Vb365Session } from './decode';

/** How far the server's clock may lag the exporter's without a session being missed. */
export const SKEW_MS = 15 * 60_000;

/** Where the pages of one read go. */
export interface PageSink {
  add(page: readonly Vb365Session[]): void;
}

/** The listings of one read: `list` gives `into` every page of the window from `since` (ms) and of `status=Running`. */
export interface WindowSource {
  list(since: number, into: PageSink): Promise<void>;
  /** Sessions by id, in order; undefined for one the server no longer has. */
  byId(ids: readonly string[]): Promise<Array<Vb365Session | undefined>>;
}

export class SessionWindow {
  private kept = new Map<string, Vb365Session>();
  /** Start of the last successful read (ms); undefined when nothing is kept. */
  private readAt: number | undefined;
  private fullAt = 0;

  constructor(private readonly ttlMs: number) {}

  /** Every session of the window at `now` (ms). A failed read keeps nothing: the next one reads it whole. */
  async read(now: number, lookbackMs: number, source: WindowSource): Promise<Vb365Session[]> {
    const from = now - lookbackMs;
    const last = this.readAt;
    const warm = last !== undefined && now >= last && now - this.fullAt < this.ttlMs;
    this.readAt = undefined;
    const merge = new Merge(warm ? new Map(this.kept) : new Map());
    this.kept = new Map();
    await source.list(warm ? Math.max(from, last - SKEW_MS) : from, merge);
    const next = merge.sessions;
    if (warm) await refreshEnded(next, merge.seen, source);
    for (const [id, s] of next) if (s.start * 1000 < from) next.delete(id);
    this.kept = next;
    this.readAt = now;
    if (!warm) this.fullAt = now;
    return [...next.values()];
  }
}

/** The kept sessions with this read's pages over them (a class, not a closure per read: its loop stays optimised). */
class Merge implements PageSink {
  readonly seen = new Set<string>();

  constructor(readonly sessions: Map<string, Vb365Session>) {}

  add(page: readonly Vb365Session[]): void {
    for (const s of page) {
      this.sessions.set(s.id, s);
      this.seen.add(s.id);
    }
  }
}

/** Kept open sessions this read did not return: read again by id; those the server lost are dropped. */
async function refreshEnded(
  sessions: Map<string, Vb365Session>,
  seen: ReadonlySet<string>,
  source: WindowSource,
): Promise<void> {
  const ids: string[] = [];
  for (const s of sessions.values()) if (!seen.has(s.id) && normaliseEnd(s.start, s.end) === undefined) ids.push(s.id);
  if (ids.length === 0) return;
  const again = await source.byId(ids);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    const s = again[i];
    if (s?.id === id) sessions.set(id, s);
    else sessions.delete(id);
  }
}
