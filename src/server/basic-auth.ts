// Basic authentication against the web config's bcrypt hashes. A scraper sends the same credentials every few
// seconds, so a verified password is remembered while it keeps being used; a wrong one is remembered for a few
// seconds, so repeating it costs no bcrypt. Both memories are bounded in time and size, and a changed hash
// (reload) never matches an old entry. Comparisons run in worker threads (bcrypt-pool.ts).
import { createHash } from 'node:crypto';
import { BcryptPool, BUSY, type PasswordChecker } from './bcrypt-pool';

export type AuthVerdict = 'ok' | 'denied' | 'busy';

/** A verified password stays valid this long after its last use. */
export const SUCCESS_IDLE_MS = 5 * 60_000;
/** A wrong password is answered from memory this long. */
export const FAILURE_MS = 10_000;
const MAX_SUCCESSES = 100;
const MAX_FAILURES = 1000;

/** Entries expiring after a time, the oldest dropped first when full (a Map keeps insertion order). */
export class ExpiringSet {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    /** Refresh an entry's time on each hit. */
    private readonly sliding: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  has(key: string): boolean {
    const expires = this.entries.get(key);
    if (expires === undefined) return false;
    this.entries.delete(key);
    if (expires <= this.now()) return false;
    this.entries.set(key, this.sliding ? this.now() + this.ttlMs : expires);
    return true;
  }

  add(key: string): void {
    this.entries.delete(key);
    while (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, this.now() + this.ttlMs);
  }

  get size(): number {
    return this.entries.size;
  }
}

export class BasicAuth {
  private readonly successes: ExpiringSet;
  private readonly failures: ExpiringSet;
  /** Comparisons in progress by key: the same credentials arriving together share one. */
  private readonly pending = new Map<string, Promise<boolean | typeof BUSY>>();

  constructor(
    private readonly checker: PasswordChecker = new BcryptPool(),
    now: () => number = Date.now,
  ) {
    this.successes = new ExpiringSet(SUCCESS_IDLE_MS, MAX_SUCCESSES, true, now);
    this.failures = new ExpiringSet(FAILURE_MS, MAX_FAILURES, false, now);
  }

  /** The verdict on an Authorization header; every request passes when no user is configured. */
  async check(users: Readonly<Record<string, string>> | undefined, header: string | undefined): Promise<AuthVerdict> {
    if (!users) return 'ok';
    const creds = parseBasic(header);
    if (!creds) return 'denied';
    const hash = Object.hasOwn(users, creds.user) ? users[creds.user] : undefined;
    const key = createHash('sha256')
      .update(`${creds.user}\0${creds.password}\0${hash ?? ''}`)
      .digest('hex');
    if (this.successes.has(key)) return 'ok';
    if (this.failures.has(key)) return 'denied';
    // An unknown user is checked against a configured hash anyway, so that it takes as long as a wrong password.
    const result = await this.compare(key, creds.password, hash ?? Object.values(users)[0] ?? '');
    if (result === BUSY) return 'busy';
    const ok = result && hash !== undefined;
    if (ok) this.successes.add(key);
    else this.failures.add(key);
    return ok ? 'ok' : 'denied';
  }

  close(): Promise<void> {
    return this.checker.close();
  }

  private compare(key: string, password: string, hash: string): Promise<boolean | typeof BUSY> {
    const running = this.pending.get(key);
    if (running) return running;
    const started = this.checker.compare(password, hash).catch(() => false);
    this.pending.set(key, started);
    void started.finally(() => this.pending.delete(key));
    return started;
  }
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
