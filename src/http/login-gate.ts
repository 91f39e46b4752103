// Logins are scarce: a domain service account locks out after a few rejected passwords. One gate per target
// decides whether a login may be tried now (contract section 2): after a rejected one, none for 1 minute,
// doubling up to 15 minutes while rejections go on; meanwhile the target reads as down with the last reason.
// A reload clears the wait.
import { isLoginRejection, UpstreamError } from '../common/errors';

const FIRST_WAIT_MS = 60_000;
const MAX_WAIT_MS = 15 * 60_000;

export class LoginGate {
  private waitMs = 0;
  private until = 0;
  private last?: UpstreamError;

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws the last rejection while the wait after it lasts. */
  check(): void {
    const left = this.until - this.now();
    if (left <= 0 || !this.last) return;
    const at = new Date(this.until).toISOString();
    throw new UpstreamError('auth', `${this.last.message} (no login tried until ${at}, after a rejected one)`, {
      ...this.last.details,
      login: true,
    });
  }

  /** Records the outcome of a login attempt: a rejection starts or doubles the wait, a success ends it. */
  record(error?: unknown): void {
    if (error === undefined) {
      this.clear();
      return;
    }
    if (!isLoginRejection(error)) return;
    this.waitMs = this.waitMs === 0 ? FIRST_WAIT_MS : Math.min(2 * this.waitMs, MAX_WAIT_MS);
    this.until = this.now() + this.waitMs;
    this.last = error;
  }

  /** Forgets every rejection (a reload: the user may have fixed the password). */
  clear(): void {
    this.waitMs = 0;
    this.until = 0;
    this.last = undefined;
  }
}
