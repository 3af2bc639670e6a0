import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';
import Keyv, { type DeserializedData } from 'keyv';
import type { Entry, KeyValue } from './backend.js';

/** Every key jobcard writes starts with this, so a shared Redis or table stays tidy. */
const PREFIX = 'jobcard:';
/** A store that takes longer than this counts as unreachable: the card goes out without dedupe. */
const OP_TIMEOUT_MS = 2000;

type SqlQuery = (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;
type Claim = (key: string, ttlMs: number) => Promise<boolean>;
type OnError = (err: unknown) => void;

export interface KeyvBackendOptions {
  onError?: OnError;
  opTimeoutMs?: number;
}

/** One open backend: keyv over the official adapter, and the backend's own atomic claim. */
interface Connection {
  keyv: Keyv;
  claim: Claim;
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

async function openSqlite(url: string, onError: OnError): Promise<Connection> {
  const { default: KeyvSqlite } = await import('@keyv/sqlite');
  /** @keyv/sqlite writes each key with a statement of its own; one INSERT … SELECT over a JSON array writes a batch. */
  class BatchedSqlite extends KeyvSqlite {
    async setMany(entries: Array<{ key: string; value: unknown }>): Promise<void> {
      await this.query(
        `INSERT INTO keyv (key, value) SELECT json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]') FROM json_each(?) AS e WHERE true
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        JSON.stringify(entries.map((e) => [e.key, e.value])),
      );
    }
  }
  const file = url.replace(/^sqlite:\/\//, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const adapter = new BatchedSqlite({ uri: url, busyTimeout: 5000 });
  adapter.on('error', onError);
  const query = adapter.query as unknown as SqlQuery;
  // WAL lets readers and one writer work at once and skips an fsync per write; NORMAL
  // synchronous stays safe against corruption (a power cut may lose the last writes only).
  await query('PRAGMA journal_mode = WAL');
  await query('PRAGMA synchronous = NORMAL');
  const claim: Claim = async (key, ttlMs) => {
    const now = Date.now();
    // One statement, atomic in this process or any other: a new key is inserted, an expired
    // claim is taken over, a live one is left alone; RETURNING names the key only when we won.
    const rows = await query(
      `INSERT INTO keyv (key, value) VALUES (?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE json_extract(keyv.value, '$.expires') < ?
       RETURNING key`,
      key,
      JSON.stringify({ value: 1, expires: now + ttlMs }),
      now,
    );
    return rows.length === 1;
  };
  return { keyv: wrap(adapter, onError), claim, ping: () => query('SELECT 1'), close: () => adapter.disconnect(), ready: async () => undefined };
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
    ping: () => client.ping(),
    close: async () => {
      if (client.isReady) await client.close();
      else if (client.isOpen || connecting) client.destroy();
    },
    ready,
  };
}

async function openPostgres(url: string, onError: OnError): Promise<Connection> {
  const { default: KeyvPostgres } = await import('@keyv/postgres');
  const adapter = new KeyvPostgres({ uri: url });
  adapter.on('error', onError);
  const query = adapter.query as unknown as (sql: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;
  const claim: Claim = async (key, ttlMs) => {
    const now = Date.now();
    await query("DELETE FROM keyv WHERE key = $1 AND (value::json->>'expires')::bigint < $2", [key, now]);
    const rows = await query('INSERT INTO keyv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key', [key, JSON.stringify({ value: 1, expires: now + ttlMs })]);
    return rows.length === 1;
  };
  return { keyv: wrap(adapter, onError), claim, ping: () => query('SELECT 1'), close: () => adapter.disconnect(), ready: async () => undefined };
}

/**
 * A KeyValue on keyv with the official adapter the URL names: a SQLite file (the embedded
 * default), Redis or Postgres. keyv has no set-if-absent, so claim() uses each backend's own
 * atomic form: INSERT OR IGNORE, SET NX PX, INSERT … ON CONFLICT DO NOTHING. Only the driver
 * in use is loaded.
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
    if (url.startsWith('sqlite://')) return new KeyvBackend(openSqlite(url, onError), timeoutMs);
    if (/^rediss?:\/\//.test(url)) return new KeyvBackend(openRedis(url, timeoutMs, onError), timeoutMs);
    if (/^postgres(ql)?:\/\//.test(url)) return new KeyvBackend(openPostgres(url, onError), timeoutMs);
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
