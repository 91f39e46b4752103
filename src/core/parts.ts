// The parts of one collection (contract sections 2 and 4.1). Every outcome a collector can have is recorded
// here and nowhere else: success; failure with a reason; "absent" (the product returns no data, which is a
// success); the failure of one item while the others keep their series; excluded by configuration (no series
// at all); a collector that needs a failed one; and the deadline, after which a part still running is failed
// with `timeout` while the target stays up once its inventory finished.
import { asUpstreamError, describeError, isLoginRejection, UpstreamError } from '../common/errors';
import type { CollectorSpec } from '../config/types';
import type { PartScope } from './module';

export interface PartFailure {
  collector: string;
  /** `kind: message` for logs and debug output. */
  reason: string;
  error: UpstreamError;
}

/** `partial`: only some items failed and the part returned the others (collectors that need it use them). */
type Outcome = { ok: true } | { ok: false; error: UpstreamError; items?: number; partial?: boolean };

export class PartLedger {
  private readonly outcomes = new Map<string, Outcome>();
  /** Set when the inventory (login, detection, inventory collector) finished. */
  inventoryDone = false;
  /** A login rejected during a part: the target is down even though its inventory finished. */
  loginError?: UpstreamError;

  constructor(
    private readonly spec: CollectorSpec,
    private readonly selectedNames: readonly string[],
    private readonly expired: Promise<void>,
    private readonly signal: AbortSignal,
  ) {}

  selected(collector: string): boolean {
    return this.selectedNames.includes(collector);
  }

  /** Runs the inventory stage: its failure, or the deadline passing first, is thrown (the target is down). */
  async inventory<T>(fn: () => Promise<T>): Promise<T> {
    const value = await raceDeadline(fn(), this.expired, 'login, version detection and the inventory');
    this.inventoryDone = true;
    return value;
  }

  async part<T>(collector: string, fn: (scope: PartScope) => Promise<T>): Promise<T | undefined> {
    if (!this.selected(collector)) return undefined;
    const failedNeed = (this.spec.needs?.[collector] ?? []).find((n) => {
      const o = this.outcomes.get(n);
      return o?.ok === false && o.partial !== true;
    });
    if (failedNeed !== undefined) {
      this.fail(collector, new UpstreamError('internal', `not run: the ${failedNeed} collector failed`));
      return undefined;
    }
    const scope: PartScope = { signal: this.signal, itemFailed: (item, err) => this.itemFailed(collector, item, err) };
    try {
      const value = await raceDeadline(fn(scope), this.expired, `the ${collector} collector`);
      const o = this.outcomes.get(collector);
      if (!o) this.outcomes.set(collector, { ok: true });
      // One item's failure leaves out that item's dependent series only (contract section 2).
      else if (!o.ok) o.partial = true;
      return value;
    } catch (err) {
      this.fail(collector, asUpstreamError(err));
      return undefined;
    }
  }

  /** Failed collectors with their reasons, in the product's order. */
  failures(): PartFailure[] {
    const out: PartFailure[] = [];
    for (const collector of this.spec.names) {
      const o = this.outcomes.get(collector);
      if (!o || o.ok) continue;
      const more = (o.items ?? 1) > 1 ? ` (and ${(o.items ?? 1) - 1} more items)` : '';
      out.push({ collector, reason: `${describeError(o.error)}${more}`, error: o.error });
    }
    return out;
  }

  /** True when any part ran out of time (such a collection is not served to callers with a later deadline). */
  get timedOut(): boolean {
    return [...this.outcomes.values()].some((o) => !o.ok && o.error.kind === 'timeout');
  }

  private fail(collector: string, error: UpstreamError): void {
    if (isLoginRejection(error)) this.loginError ??= error;
    const known = this.outcomes.get(collector);
    // The first error of a part is its reason; a login rejection wins, it decides whether the target is up.
    if (known && !known.ok && !isLoginRejection(error)) return;
    this.outcomes.set(collector, { ok: false, error });
  }

  private itemFailed(collector: string, item: string, err: unknown): void {
    const error = asUpstreamError(err);
    const known = this.outcomes.get(collector);
    const items = known && !known.ok ? (known.items ?? 1) + 1 : 1;
    if (isLoginRejection(error)) this.loginError ??= error;
    if (known && !known.ok) {
      known.items = items;
      return;
    }
    this.outcomes.set(collector, { ok: false, error: itemError(item, error), items });
  }
}

function itemError(item: string, error: UpstreamError): UpstreamError {
  return new UpstreamError(error.kind, `${item}: ${error.message}`, error.details);
}

async function raceDeadline<T>(work: Promise<T>, expired: Promise<void>, what: string): Promise<T> {
  // A late failure after the deadline is already reported as the timeout.
  work.catch(() => undefined);
  const timeout = expired.then(() => {
    throw new UpstreamError('timeout', `${what} did not finish before the deadline`);
  });
  return Promise.race([work, timeout]);
}
