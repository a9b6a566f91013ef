/**
 * Results of read procedures, keyed by path and input, shared by every request of one server. Cleared by every
 * write through the API (ingest, review); entries also expire after `ttlMs`, so writes made elsewhere (another
 * client of a shared PostgreSQL) show up within that time. Bounded: the oldest entries go first.
 */
export class QueryCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 200,
  ) {}

  /** The cached value for `key`, or `compute()` stored under it (concurrent callers share one computation). */
  async get<T>(key: string, compute: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = compute();
    this.entries.set(key, { at: Date.now(), value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    try {
      const v = await value;
      if (!keep(v)) this.entries.delete(key);
      return v;
    } catch (err) {
      this.entries.delete(key);
      throw err;
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
