/**
 * The few operations the store needs from a key-value backend. Everything jobcard remembers is
 * built on these, so the same logic runs on process memory, a SQLite file, Redis or Postgres.
 */
/**
 * What /healthz names when the store is not working: the SQLite file gone, replaced or corrupt,
 * writes failing (a read-only or full disk), or the server out of reach.
 */
export type StoreProblem = 'file-missing' | 'file-replaced' | 'file-corrupt' | 'writes-failing' | 'unreachable';

/** A fault of the store itself, found by its health check or a failed operation. */
export class StoreFault extends Error {
  override readonly name = 'StoreFault';
  constructor(
    readonly problem: StoreProblem,
    message: string,
  ) {
    super(message);
  }
}

/** One write of a setMany. */
export interface Entry {
  key: string;
  value: unknown;
  ttlMs?: number;
}

export interface KeyValue {
  get(key: string): Promise<unknown>;
  getMany(keys: readonly string[]): Promise<unknown[]>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Write several keys in one round trip where the backend allows it (one SQL statement, one Redis MULTI). */
  setMany(entries: readonly Entry[]): Promise<void>;
  delete(key: string): Promise<void>;
  /** Set the key only if absent (atomically, across processes where the backend is shared). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Every key starting with `prefix` (expired ones may be among them: reading them gives
   * undefined). For the hourly purge, which walks the shares and team lists; never on an event's path.
   */
  keys(prefix: string): Promise<string[]>;
  /**
   * Resolves when the backend answers a real read of the store's own data; rejects when it is
   * unreachable or broken (a StoreFault names the problem where the backend can tell).
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A KeyValue in process memory, with expiry: tests, the playground fallback, STORE_URL=memory:. */
export class MapBackend implements KeyValue {
  private readonly entries = new Map<string, { value: unknown; expires: number | null }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<unknown> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires !== null && entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // A copy, as a real backend would return: callers must not share mutable state with the store.
    return structuredClone(entry.value);
  }
  async getMany(keys: readonly string[]): Promise<unknown[]> {
    return Promise.all(keys.map((k) => this.get(k)));
  }
  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    this.entries.set(key, { value: structuredClone(value), expires: ttlMs ? this.now() + ttlMs : null });
  }
  async setMany(entries: readonly Entry[]): Promise<void> {
    for (const { key, value, ttlMs } of entries) await this.set(key, value, ttlMs);
  }
  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }
  async claim(key: string, ttlMs: number): Promise<boolean> {
    // Check and set with no await between them, so two claims at the same moment can't both win.
    const entry = this.entries.get(key);
    if (entry && (entry.expires === null || entry.expires > this.now())) return false;
    this.entries.set(key, { value: 1, expires: this.now() + ttlMs });
    return true;
  }
  async keys(prefix: string): Promise<string[]> {
    return [...this.entries.keys()].filter((key) => key.startsWith(prefix));
  }
  async ping(): Promise<void> {}
  async close(): Promise<void> {}

  /** Every live entry with its expiry time (ms since the epoch, or null): for bulk loading elsewhere. */
  *dump(): IterableIterator<[string, unknown, number | null]> {
    for (const [key, entry] of this.entries) yield [key, entry.value, entry.expires];
  }
}
