/** The default bound on entries: far above a workspace's channels or people, low enough to never matter for memory. */
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Values read from Slack, kept for a while per key. What the adapters for channel members, AppSec
 * and time zones share:
 * - a value is fresh for `ttlMs` after its load finished, by the injected clock (tests move time);
 * - callers missing the same key at the same time share one load, so a burst of clicks makes
 *   one Slack call, not one each;
 * - a failed load is not kept: every caller waiting on it gets the error, and the next one tries again;
 * - at most `maxEntries` values are kept; beyond that the least recently stored one goes.
 */
export class TtlCache<K, V> {
  private readonly fresh = new Map<K, { value: V; until: number }>();
  private readonly loading = new Map<K, Promise<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  /** The value for `key`: the cached one while fresh, otherwise what `load(key)` resolves to. */
  get(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const hit = this.fresh.get(key);
    if (hit && hit.until > this.now()) return Promise.resolve(hit.value);
    if (hit) this.fresh.delete(key);
    const pending = this.loading.get(key);
    if (pending) return pending;
    // `load` runs once this promise is registered, so even one that throws at once is dropped like any failure.
    const loaded = Promise.resolve()
      .then(() => load(key))
      .then((value) => {
        this.store(key, value);
        return value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, loaded);
    return loaded;
  }

  /** Drops the value kept for `key` (it changed), so the next `get` loads it again. */
  forget(key: K): void {
    this.fresh.delete(key);
  }

  private store(key: K, value: V): void {
    this.fresh.delete(key);
    this.fresh.set(key, { value, until: this.now() + this.ttlMs });
    if (this.fresh.size <= this.maxEntries) return;
    const oldest = this.fresh.keys().next();
    if (!oldest.done) this.fresh.delete(oldest.value);
  }
}
