// The API version of a target (contract section 2). Configured: never probed. Otherwise detected by the first
// collection after a (re)load and kept until the inventory listing answers 404; then detected again on the
// next collection, at most once per inventory_ttl and never more often than every 5 minutes.

const MIN_REDETECT_MS = 5 * 60_000;

export class VersionTracker<V> {
  private detected?: V;
  private detectedAt = Number.NEGATIVE_INFINITY;
  private stale = false;

  constructor(
    private readonly configured: V | undefined,
    private readonly inventoryTtlMs: number,
  ) {}

  /** The version to use now; undefined means: detect it. */
  current(now: number): V | undefined {
    if (this.configured !== undefined) return this.configured;
    if (this.stale && now - this.detectedAt >= Math.max(this.inventoryTtlMs, MIN_REDETECT_MS)) {
      this.detected = undefined;
      this.stale = false;
    }
    return this.detected;
  }

  found(version: V, now: number): void {
    this.detected = version;
    this.detectedAt = now;
    this.stale = false;
  }

  /** The inventory listing answered 404: the server may have changed version. */
  inventoryMissing(): void {
    if (this.configured === undefined && this.detected !== undefined) this.stale = true;
  }
}
