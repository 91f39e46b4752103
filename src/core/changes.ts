// Logs describe changes, not repetitions (contract section 1): one warning when a target goes down or a
// collector starts failing, one info when it recovers; the per-collection detail is debug.
import type { Logger } from 'pino';
import type { Collection } from './collection';

export class ChangeLog {
  private wasUp?: boolean;
  private failing = new Set<string>();

  /** `log` is bound to the target. */
  constructor(private readonly log: Logger) {}

  record(c: Collection): void {
    const error = c.error;
    if (error) {
      if (this.wasUp !== false) this.log.warn({ kind: error.kind, reason: error.message }, 'target down');
      this.log.debug({ kind: error.kind, reason: error.message }, 'collection failed');
    } else if (this.wasUp === false) {
      this.log.info('target recovered');
    }
    this.wasUp = error === undefined;
    if (error) return;
    const now = new Set(c.failures.map((f) => f.collector));
    for (const f of c.failures) {
      if (!this.failing.has(f.collector))
        this.log.warn({ collector: f.collector, reason: f.reason }, 'collector failing');
      this.log.debug({ collector: f.collector, reason: f.reason }, 'collector failed');
    }
    for (const name of this.failing) if (!now.has(name)) this.log.info({ collector: name }, 'collector recovered');
    this.failing = now;
  }
}
