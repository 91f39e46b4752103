// Destinations of each selected backup set from 2/GetBackupSet: read on the first collection, then at most
// once a day per set (contract 4.2), so every (backup set, destination) is exported from the first collection
// after a start. Only the ids are kept (the answer carries destination passwords). A server without the call
// (404) is asked again after inventory_ttl, by one request; a failed read is retried at the next collection.
import type { CbsClient } from './client';

const DAY_MS = 86_400_000;

type Answer = readonly string[] | 'missing';

interface Entry {
  at: number;
  ids: Promise<Answer>;
}

export class SetDestinations {
  private readonly entries = new Map<string, Entry>();
  /** Until when the server is known to lack 2/GetBackupSet (epoch ms). */
  private missingUntil = 0;
  /** True once the server answered the call. */
  private offered = false;
  /** While it is not known whether the server offers the call, the first read goes alone. */
  private probing?: Promise<unknown>;

  constructor(private readonly missingTtlMs: number) {}

  static key(login: string, setId: string): string {
    return `${login}\u0000${setId}`;
  }

  /** The set's destination ids, or undefined when the server does not say (no 2/GetBackupSet). */
  async get(client: CbsClient, login: string, setId: string, now: number): Promise<readonly string[] | undefined> {
    if (this.probing) await this.probing.catch(() => undefined);
    if (now < this.missingUntil) return undefined;
    const key = SetDestinations.key(login, setId);
    let entry = this.entries.get(key);
    if (!entry || now - entry.at >= DAY_MS) {
      entry = this.load(client, key, login, setId, now);
      if (!this.offered) this.probe(entry.ids);
    }
    const ids = await entry.ids;
    return ids === 'missing' ? undefined : ids;
  }

  /** Forgets the sets that are no longer selected, so the map never outgrows the inventory. */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of this.entries.keys()) if (!keys.has(key)) this.entries.delete(key);
  }

  private load(client: CbsClient, key: string, login: string, setId: string, now: number): Entry {
    const ids = client.destinations(login, setId).then((answer) => {
      this.offered = answer !== 'missing';
      if (answer === 'missing') {
        this.missingUntil = Math.max(this.missingUntil, now + this.missingTtlMs);
        forget();
      }
      return answer;
    });
    const entry: Entry = { at: now, ids };
    const forget = (): void => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    // A failed read is not kept: the next collection asks again.
    ids.catch(forget);
    this.entries.set(key, entry);
    return entry;
  }

  private probe(p: Promise<Answer>): void {
    this.probing = p;
    const done = (): void => {
      if (this.probing === p) this.probing = undefined;
    };
    p.then(done, done);
  }
}
