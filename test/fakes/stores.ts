import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyValue } from '../../src/store/backend.js';
import { KeyvBackend } from '../../src/store/keyv-backend.js';
import { freePort } from './postgres-cluster.js';

/**
 * The real store backends an end-to-end test runs on: a SQLite file always; Redis on REDIS_URL,
 * or on a redis-server of the test's own when one is installed (REDIS_SERVER_BIN or Debian's);
 * Postgres on POSTGRES_URL. A backend that is absent is left out, so the tests skip it cleanly.
 * Tests on a shared server keep apart by using ids of their own (see `unique`).
 */
export interface StoreBackend {
  name: string;
  /** A fresh store; given a name, the same one each time (the same SQLite file, reopened). */
  open(name?: string): KeyValue;
}

const redisBin = process.env.REDIS_SERVER_BIN ?? ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));

/** A redis-server on a free loopback port, with no persistence, ready to answer. */
async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(redisBin as string, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const probe = KeyvBackend.open(url, { opTimeoutMs: 300 });
  try {
    for (let i = 0; i < 50; i++) {
      try {
        await probe.ping();
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await probe.close();
  }
  return { url, child };
}

/** A Redis for a test that runs several processes on one store: REDIS_URL, or a server of its own; undefined when neither exists. */
export async function testRedis(): Promise<{ url: string; close(): void } | undefined> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, close: () => {} };
  if (!redisBin) return undefined;
  const { url, child } = await startRedis();
  return { url, close: () => child.kill('SIGKILL') };
}

export interface StoreBackends {
  list: StoreBackend[];
  /** Stop the servers started here and remove the files. */
  close(): Promise<void>;
}

/** Call in beforeAll (it may start a Redis); close in afterAll. */
export async function storeBackends(): Promise<StoreBackends> {
  const dir = mkdtempSync(join(tmpdir(), 'jobcard-e2e-store-'));
  let files = 0;
  const list: StoreBackend[] = [{ name: 'SQLite', open: (name) => KeyvBackend.open(`sqlite://${join(dir, `${name ?? `store-${++files}`}.sqlite`)}`) }];
  const redis = await testRedis();
  if (redis) list.push({ name: 'Redis', open: () => KeyvBackend.open(redis.url) });
  if (process.env.POSTGRES_URL) list.push({ name: 'Postgres', open: () => KeyvBackend.open(process.env.POSTGRES_URL as string) });
  return {
    list,
    async close() {
      redis?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** An id no other test (or earlier run on a shared server) has used. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid}${Date.now().toString(36)}${counter}`.toUpperCase();
}

/** Every key the store holds whose record contains `text` (none, once a posting is forgotten). */
export async function keysHolding(kv: KeyValue, text: string): Promise<string[]> {
  const keys = await kv.keys('');
  const values = await kv.getMany(keys);
  return keys.filter((_, i) => values[i] !== undefined && JSON.stringify(values[i]).includes(text));
}
