import { createHash } from 'node:crypto';
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';
import Keyv, { type DeserializedData, type KeyvEntry } from 'keyv';
import type { QueryConfig } from 'pg';
import type { Entry, KeyValue } from './backend.js';

/** Every key jobcard writes starts with this, so a shared Redis or table stays tidy. */
const PREFIX = 'jobcard:';
/** The key health reads on Redis: absent, and never written; reading it exercises the store's reads. */
const HEALTH_KEY = `${PREFIX}health`;
/** A store that takes longer than this counts as unreachable: the card goes out without dedupe. */
const OP_TIMEOUT_MS = 2000;

type Claim = (key: string, ttlMs: number) => Promise<boolean>;
type OnError = (err: unknown) => void;

export interface KeyvBackendOptions {
  onError?: OnError;
  /** A fault the backend found is over (the SQLite file recreated, writes working again), and what was done. */
  onRecovered?: (recovery: { problem: string; action: string }) => void;
  opTimeoutMs?: number;
}

/** One open backend: keyv over the official adapter, and the backend's own atomic claim. */
interface Connection {
  keyv: Keyv;
  claim: Claim;
  /** Every key with a prefix (prefix included), from the backend's own listing. */
  keys: (prefix: string) => Promise<string[]>;
  ping: () => Promise<unknown>;
  close: () => Promise<unknown>;
  /** Resolves when the connection may take commands (Redis: its connect attempt settled). */
  ready: () => Promise<unknown>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`store ${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A JSON string (value or key) that starts with ':': keyv's format escapes those (':' marks its
 * Buffer encoding), so only records holding one need keyv's own, slower walk.
 */
const COLON_STRING = /[[{,:]":/;

/**
 * keyv's record format, written and read by the native JSON functions. keyv's default
 * serializer walks every value in JavaScript (and parses with a reviver) to escape strings
 * that start with ':'; for records with no such string, which is nearly all, JSON.stringify
 * and JSON.parse give the same text several times faster. Records with one take keyv's path,
 * so files written by either read the same.
 */
function serialize<T>(data: DeserializedData<T>): string {
  const json = JSON.stringify(data);
  return COLON_STRING.test(json) ? defaultSerialize(data) : json;
}
function deserialize<T>(json: string): DeserializedData<T> | undefined {
  return (COLON_STRING.test(json) ? defaultDeserialize(json) : JSON.parse(json)) as DeserializedData<T> | undefined;
}

function wrap(adapter: ConstructorParameters<typeof Keyv>[0], onError: OnError): Keyv {
  const keyv = new Keyv({ store: adapter, useKeyPrefix: false, throwOnErrors: true, serialize, deserialize });
  keyv.namespace = undefined;
  keyv.on('error', onError);
  return keyv;
}

async function openSqlite(url: string, onError: OnError, onRecovered: NonNullable<KeyvBackendOptions['onRecovered']>): Promise<Connection> {
  const { SqliteStore } = await import('./sqlite.js');
  const adapter = new SqliteStore(url.replace(/^sqlite:\/\//, ''));
  // Its 'error' events reach onError through keyv, which re-emits its store's errors.
  adapter.on('recovered', onRecovered);
  return {
    keyv: wrap(adapter as unknown as ConstructorParameters<typeof Keyv>[0], onError),
    claim: async (key, ttlMs) => adapter.claim(key, ttlMs),
    keys: async (prefix) => adapter.keys(prefix),
    // The file checked, and a real read of the table (SqliteStore.check).
    ping: async () => adapter.check(),
    close: () => adapter.disconnect(),
    ready: async () => undefined,
  };
}

async function openRedis(url: string, timeoutMs: number, onError: OnError): Promise<Connection> {
  const { default: KeyvRedis, createClient } = await import('@keyv/redis');
  // Fail fast while Redis is down (no offline queue) and reconnect in the background.
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: timeoutMs, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });
  client.on('error', onError);
  const adapter = new KeyvRedis(client, { throwOnConnectError: false, throwOnErrors: true });
  adapter.on('error', onError);
  // One connection attempt at a time: a second connect() on an opening socket throws, and a
  // command sent before the first attempt settles fails with "client is offline".
  let connecting: Promise<void> | null = null;
  const connect = (): Promise<void> => {
    connecting ??= client.connect().then(() => undefined, onError).finally(() => {
      connecting = null;
    });
    return connecting;
  };
  void connect();
  // While Redis is away the connect attempt keeps retrying: wait a moment for it, then let the
  // command fail fast, so the card goes out without memory instead of waiting.
  const settleMs = Math.min(250, timeoutMs / 4);
  const ready = async (): Promise<void> => {
    if (client.isReady) return;
    const attempt = connecting ?? (client.isOpen ? null : connect());
    if (attempt) await Promise.race([attempt, new Promise((resolve) => setTimeout(resolve, settleMs).unref())]);
  };
  return {
    keyv: wrap(adapter, onError),
    claim: async (key, ttlMs) => (await client.set(key, '1', { NX: true, PX: ttlMs })) === 'OK',
    keys: async (prefix) => {
      // SCAN, never KEYS: it walks the keyspace in steps and never blocks the server.
      const found: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, COUNT: 500 })) found.push(...batch);
      return found;
    },
    // A real read in jobcard's keys (a PING answers even when reads are refused, by an ACL or a replica in trouble).
    ping: () => client.get(HEALTH_KEY),
    close: async () => {
      if (client.isReady) await client.close();
      else if (client.isOpen || connecting) client.destroy();
    },
    ready,
  };
}

/** @keyv/postgres's key column is VARCHAR(255): a longer key (a long canonical URL) is stored under a digest. */
const PG_KEY_CHARS = 255;
/** Expired rows nobody reads again (event claims, most of all) are swept this often. */
const PG_SWEEP_MS = 60 * 60 * 1000;

/** A key that fits the column: short keys as they are, long ones as a readable head plus their SHA-256. */
function pgKey(key: string): string {
  if (key.length <= PG_KEY_CHARS) return key;
  return `${key.slice(0, 180)}#${createHash('sha256').update(key).digest('hex')}`;
}

async function openPostgres(url: string, timeoutMs: number, onError: OnError): Promise<Connection> {
  const [{ default: KeyvPostgres }, { default: pg }] = await Promise.all([import('@keyv/postgres'), import('pg')]);
  // A pool of our own: @keyv/postgres keeps one pool per module (a second store on the same URL
  // shares it and closing either ends both), and never listens for an idle client's error,
  // which crashes the process when the server goes away. Connects and queries give up within
  // the op timeout, so a server that is down or hung frees its clients instead of piling up.
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, keepAlive: true, max: 10 });
  pool.on('error', onError);
  const query = async (sql: string, values?: unknown[]): Promise<Array<Record<string, unknown>>> => (await pool.query(sql, values)).rows;

  class PooledPostgres extends KeyvPostgres {
    override async connect(): Promise<typeof query> {
      return query;
    }
    override async disconnect(): Promise<void> {
      await pool.end();
    }
    override get(key: string): Promise<unknown> {
      return super.get(pgKey(key));
    }
    override getMany(keys: string[]): Promise<unknown[]> {
      return super.getMany(keys.map(pgKey));
    }
    override set(key: string, value: unknown): Promise<void> {
      return super.set(pgKey(key), value);
    }
    /** One statement; a key written twice in a batch keeps its last value (Postgres refuses to update one row twice in a statement). */
    override setMany(entries: KeyvEntry[]): Promise<void> {
      const last = new Map(entries.map((e) => [pgKey(e.key), e]));
      return super.setMany([...last].map(([key, e]) => ({ ...e, key })));
    }
    /** One statement (the adapter reads the row first, then deletes it). */
    override async delete(key: string): Promise<boolean> {
      return (await query('DELETE FROM keyv WHERE key = $1 RETURNING key', [pgKey(key)])).length > 0;
    }
    override async deleteMany(keys: string[]): Promise<boolean> {
      return (await query('DELETE FROM keyv WHERE key = ANY($1) RETURNING key', [keys.map(pgKey)])).length > 0;
    }
  }
  const adapter = new PooledPostgres({ uri: url });
  adapter.on('error', onError);

  // The adapter creates its table once, at start; when the server is down then, nothing would
  // create it later. Ensure it before the first operation, retrying until it succeeds.
  const createTable = `CREATE TABLE IF NOT EXISTS keyv (key VARCHAR(${PG_KEY_CHARS}) PRIMARY KEY, value TEXT)`;
  let table: Promise<void> | null = null;
  const ensureTable = (): Promise<void> => {
    table ??= query(createTable).then(
      () => undefined,
      (err: unknown) => {
        // Two processes creating it at once: the loser sees a unique violation, and the table exists.
        if ((err as { code?: string }).code === '23505') return;
        table = null;
        throw err;
      },
    );
    return table;
  };

  // keyv drops an expired record only when it is read; claims and refs are often never read
  // again, so old rows are deleted now and then (in the background, with a longer time limit).
  const sweep = (): void => {
    // pg reads query_timeout per query too; its types only know it on the pool.
    const expired: QueryConfig & { query_timeout: number } = {
      text: `DELETE FROM keyv WHERE key LIKE $1 AND value LIKE '{%"expires":%'
             AND CASE WHEN value LIKE '{%' THEN (value::json->>'expires')::bigint < $2 ELSE false END`,
      values: [`${PREFIX}%`, Date.now()],
      query_timeout: 60_000,
    };
    void ensureTable()
      .then(() => pool.query(expired))
      .catch(onError);
  };
  const sweeper = setInterval(sweep, PG_SWEEP_MS).unref();
  sweep();

  const claim: Claim = async (key, ttlMs) => {
    const now = Date.now();
    // One statement, atomic across processes: a new key is inserted, an expired claim is taken
    // over, a live one is left alone (a racing claim waits for the row lock, then sees it live);
    // RETURNING names the key only when we won.
    const rows = await query(
      `INSERT INTO keyv (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE (keyv.value::json->>'expires')::bigint < $3
       RETURNING key`,
      [pgKey(key), JSON.stringify({ value: 1, expires: now + ttlMs }), now],
    );
    return rows.length === 1;
  };
  // Keys are short and start with the prefix (long ones, stored under a digest, are link-cache keys).
  const keys = async (prefix: string): Promise<string[]> => {
    await ensureTable();
    const rows = await query("SELECT key FROM keyv WHERE key LIKE $1 ESCAPE '\\'", [`${prefix.replace(/[\\%_]/g, '\\$&')}%`]);
    return rows.map((r) => String(r.key));
  };
  return {
    keyv: wrap(adapter, onError),
    claim,
    keys,
    // A real read of the table the store lives in, not only a round trip.
    ping: () => query('SELECT 1 FROM keyv LIMIT 1'),
    close: async () => {
      clearInterval(sweeper);
      await pool.end();
    },
    ready: ensureTable,
  };
}

/**
 * A KeyValue on keyv with a store for the backend the URL names: a SQLite file through
 * better-sqlite3 (the embedded default, src/store/sqlite.ts), Redis through @keyv/redis, or
 * Postgres through its own pg pool. keyv has no set-if-absent, so claim() uses each backend's
 * own atomic form: INSERT … ON CONFLICT DO UPDATE … WHERE expired RETURNING on SQLite and
 * Postgres, SET NX PX on Redis. Only the driver in use is loaded.
 */
export class KeyvBackend implements KeyValue {
  private constructor(
    private readonly connection: Promise<Connection>,
    private readonly timeoutMs: number,
  ) {
    // A failed open surfaces on the first operation (and in ping for /healthz), not as an unhandled rejection.
    connection.catch(() => undefined);
  }

  static open(url: string, opts: KeyvBackendOptions = {}): KeyvBackend {
    const timeoutMs = opts.opTimeoutMs ?? OP_TIMEOUT_MS;
    const onError = opts.onError ?? (() => {});
    if (url.startsWith('sqlite://')) return new KeyvBackend(openSqlite(url, onError, opts.onRecovered ?? (() => {})), timeoutMs);
    if (/^rediss?:\/\//.test(url)) return new KeyvBackend(openRedis(url, timeoutMs, onError), timeoutMs);
    if (/^postgres(ql)?:\/\//.test(url)) return new KeyvBackend(openPostgres(url, timeoutMs, onError), timeoutMs);
    throw new Error('STORE_URL must start with sqlite://, redis:// or postgres://');
  }

  private run<T>(what: string, op: (c: Connection) => Promise<T>): Promise<T> {
    const work = this.connection.then(async (c) => {
      await c.ready();
      return op(c);
    });
    return withTimeout(work, this.timeoutMs, what);
  }

  get(key: string): Promise<unknown> {
    return this.run('read', (c) => c.keyv.get(PREFIX + key));
  }
  getMany(keys: readonly string[]): Promise<unknown[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.run('read', (c) => c.keyv.get(keys.map((k) => PREFIX + k)) as Promise<unknown[]>);
  }
  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.run('write', (c) => c.keyv.set(PREFIX + key, value, ttlMs));
  }
  async setMany(entries: readonly Entry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.run('write', (c) => c.keyv.setMany(entries.map((e) => ({ key: PREFIX + e.key, value: e.value, ...(e.ttlMs ? { ttl: e.ttlMs } : {}) }))));
  }
  async delete(key: string): Promise<void> {
    await this.run('delete', (c) => c.keyv.delete(PREFIX + key));
  }
  claim(key: string, ttlMs: number): Promise<boolean> {
    return this.run('claim', (c) => c.claim(PREFIX + key, ttlMs));
  }
  async keys(prefix: string): Promise<string[]> {
    // The purge walks the whole store: it gets a longer time limit than an event's operations.
    const work = this.connection.then(async (c) => {
      await c.ready();
      return c.keys(PREFIX + prefix);
    });
    const keys = await withTimeout(work, Math.max(this.timeoutMs, 60_000), 'listing');
    return keys.filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length));
  }
  async ping(): Promise<void> {
    await this.run('ping', (c) => c.ping());
  }
  async close(): Promise<void> {
    try {
      await (await this.connection).close();
    } catch {
      // Closing a store that never opened, or is already gone, is not an error.
    }
  }
}
