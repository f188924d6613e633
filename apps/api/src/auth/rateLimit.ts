/**
 * Login attempts allowed per key (a user name, an address) in a sliding window; in memory, per API process
 * (docs/api.md §5: with several processes each keeps its own count, so the limit is per process).
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; false when the key has used up its attempts in the window (then the attempt is refused). */
  take(key: string): boolean {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((x) => t - x < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (!v.some((x) => t - x < this.windowMs)) this.hits.delete(k);
    return true;
  }

  /** Seconds until the key may try again. */
  retryAfter(key: string): number {
    const first = (this.hits.get(key) ?? [])[0];
    return first === undefined ? 0 : Math.max(1, Math.ceil((first + this.windowMs - this.now()) / 1000));
  }
}
