import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../src/desk/index.js';
import type { KeyValue } from '../../src/store/backend.js';
import { JobStore } from '../../src/store/job-store.js';
import { KeyvBackend, type KeyvBackendOptions } from '../../src/store/keyv-backend.js';
import { freePort, postgresBinDir, serverUser } from '../fakes/postgres-cluster.js';

/**
 * The Postgres store against a server this file starts, stops and crashes itself (the shared
 * server of POSTGRES_URL runs the common store suite in store.test.ts). Skips when no
 * PostgreSQL server binaries are installed; .ci/run installs them and sets POSTGRES_BIN_DIR.
 */
const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/store/${name}`, import.meta.url), 'utf8');
const BASE = fixture('base-posting.txt');
const OTHER_JOB = fixture('other-job-same-company.txt');
const place = { platform: 'slack' as const, team: 'T1', channel: 'C1' };

const BIN = postgresBinDir();

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/** A throwaway cluster in a temp dir, on a free loopback port, with no Unix socket. */
class PgServer {
  private child: ChildProcess | null = null;
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    private readonly port: number,
    private readonly user: { uid: number; gid: number } | undefined,
  ) {}

  static async create(bin: string): Promise<PgServer> {
    const dir = mkdtempSync(join(tmpdir(), 'jobcard-pg-'));
    const user = serverUser();
    if (user) chownSync(dir, user.uid, user.gid);
    const server = new PgServer(bin, dir, await freePort(), user);
    await server.run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-locale', '-E', 'UTF8', '--no-sync']);
    return server;
  }

  url(db = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }

  private run(tool: string, args: string[]): Promise<void> {
    const child = spawn(join(this.bin, tool), args, { cwd: this.dir, stdio: ['ignore', 'ignore', 'pipe'], ...this.user });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) =>
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} exited with ${code}: ${stderr.trim()}`)))),
    );
  }

  async start(): Promise<void> {
    // fsync off is safe for these tests (a killed server's writes are in the OS's cache), but an
    // asynchronous commit is not: the last commits before a kill -9 would still be in the
    // server's own WAL buffers, and the crash tests check that what was stored survives.
    const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'fsync=off', 'full_page_writes=off'];
    this.child = spawn(join(this.bin, 'postgres'), ['-D', join(this.dir, 'data'), '-p', String(this.port), ...settings.flatMap((s) => ['-c', s])], {
      cwd: this.dir,
      stdio: 'ignore',
      ...this.user,
    });
    for (let i = 0; i < 100; i++) {
      const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('postgres did not start');
  }

  /** Whether the server process is up (a test that failed while it was down must not take the next ones with it). */
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Immediate shutdown, as a crash: every connection is dropped at once. */
  async crash(): Promise<void> {
    const child = this.child;
    child?.kill('SIGQUIT');
    if (child) await exited(child);
  }

  /** Freeze the server (SIGSTOP): it accepts no new connection until thawed. */
  freeze(frozen: boolean): void {
    this.child?.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
  }

  /** A clean (fast) shutdown, as an operator restarting the server. */
  async stop(): Promise<void> {
    const child = this.child;
    child?.kill('SIGINT');
    if (child) await exited(child);
  }

  async sql(text: string, values?: unknown[], db = 'postgres'): Promise<Array<Record<string, unknown>>> {
    const client = new pg.Client({ connectionString: this.url(db) });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * For tests not about time limits: a Desk answers around a store operation that passed its
 * limit (2 s by default), which a busy CI machine could make happen at random.
 */
const UNHURRIED: KeyvBackendOptions = { opTimeoutMs: 15_000 };

/** A Desk log that keeps every line, so a test sees the store errors the Desk answered around. */
function recordingLog(): { lines: string[]; storeTrouble: () => string[]; info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void } {
  const lines: string[] = [];
  const at = (level: string) => (obj: object, msg: string): void => {
    const err = (obj as { err?: unknown }).err;
    lines.push(`${level} ${msg}${err ? `: ${String(err)}` : ''}`);
  };
  return { lines, storeTrouble: () => lines.filter((l) => !l.startsWith('info')), info: at('info'), warn: at('warn'), error: at('error') };
}

describe.runIf(BIN)('store on a Postgres server of its own', () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await PgServer.create(BIN as string);
    await server.start();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    server?.remove();
  });

  const opened: KeyValue[] = [];
  const open = (opts?: KeyvBackendOptions, db?: string): KeyValue => {
    const kv = KeyvBackend.open(server.url(db), opts);
    opened.push(kv);
    return kv;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((kv) => kv.close()));
    server.freeze(false);
    if (!server.running) await server.start();
  });

  it('lets only one of two Desks on one Postgres answer each event, however they race', async () => {
    // A Desk whose store fails answers rather than drops, so a claim that timed out (60 at once
    // on two pools of new connections, on a busy machine) looked like a lost race. The limit here
    // is generous, and any store error is named.
    const log = recordingLog();
    const deskA = new Desk({ store: new JobStore(open(UNHURRIED)), log });
    const deskB = new Desk({ store: new JobStore(open(UNHURRIED)), log });
    const events = Array.from({ length: 20 }, (_, i) => `Ev${i}`);
    const claims = await Promise.all(events.map((id) => Promise.all([deskA.claimEvent('slack', id), deskB.claimEvent('slack', id), deskA.claimEvent('slack', id)])));
    expect(log.storeTrouble()).toEqual([]);
    for (const perEvent of claims) expect(perEvent.filter(Boolean)).toHaveLength(1);
  });

  it('finds a posting shared through one process as a duplicate in the other, and answers reactions on its card', async () => {
    const log = recordingLog();
    const deskA = new Desk({ store: new JobStore(open(UNHURRIED)), log });
    const deskB = new Desk({ store: new JobStore(open(UNHURRIED)), log });
    const channel = 'C-dup';
    const first = await deskA.handleMessage({ ...place, channel, messageId: '1.1', user: 'U1', text: BASE });
    if (first?.kind !== 'card') throw new Error('expected a card');
    await deskA.rememberReply({ ...place, channel }, '1.2', first.postingId);

    const second = await deskB.handleMessage({ ...place, channel, messageId: '2.1', user: 'U2', text: BASE });
    if (second?.kind !== 'card') throw new Error('expected a card');
    expect(second.card.sharedBefore?.by.id).toBe('U1');
    expect((await deskB.handleReaction({ ...place, channel, messageId: '1.2', user: 'U3', emoji: 'page_facing_up' }))?.kind).toBe('full');
    expect(log.storeTrouble()).toEqual([]);
  });

  it('keeps one store working when another on the same server closes', async () => {
    const a = open();
    const b = open();
    await a.set('shared-pool', 'still here');
    await a.close();
    expect(await b.get('shared-pool')).toBe('still here');
  });

  it('keeps postings, shares and message refs across a server restart and a reopened store', async () => {
    const channel = 'C-restart';
    const log = recordingLog();
    const kv = open(UNHURRIED);
    const desk = new Desk({ store: new JobStore(kv), log });
    const reply = await desk.handleMessage({ ...place, channel, messageId: '1.1', user: 'U1', text: OTHER_JOB });
    if (reply?.kind !== 'card') throw new Error('expected a card');
    await desk.rememberReply({ ...place, channel }, '1.2', reply.postingId);
    // Every store operation above succeeded: the Desk would have answered around a failed one.
    expect(log.storeTrouble()).toEqual([]);
    await kv.close();
    await server.stop();
    await server.start();

    const reopened = new Desk({ store: new JobStore(open(UNHURRIED)), log });
    expect((await reopened.handleReaction({ ...place, channel, messageId: '1.2', user: 'U2', emoji: 'page_facing_up' }))?.kind).toBe('full');
    const again = await reopened.handleMessage({ ...place, channel, messageId: '2.1', user: 'U3', text: OTHER_JOB });
    if (again?.kind !== 'card') throw new Error('expected a card');
    expect(again.card.sharedBefore?.by.id).toBe('U1');
    expect(log.storeTrouble()).toEqual([]);
  }, 60_000);

  it('still answers with cards while Postgres is down, refusing store work at once, then recovers by itself', async () => {
    const log = recordingLog();
    const kv = open({ opTimeoutMs: 5000 });
    const desk = new Desk({ store: new JobStore(kv), log });
    const channel = 'C-down';
    expect((await desk.handleMessage({ ...place, channel, messageId: '1', user: 'U1', text: BASE.replaceAll('Northwind', 'Southwind') }))?.kind).toBe('card');
    expect(await desk.claimEvent('slack', 'down-E1')).toBe(true);
    expect(log.storeTrouble()).toEqual([]);

    await server.crash();
    // A refused connection is an error at once, not a wait for the 5 s time limit.
    // A pooled connection whose end the client has not read yet fails as 'terminated', just as
    // fast: which one comes first is the event loop's order, not the store's.
    await expect(kv.ping()).rejects.toThrow(/ECONNREFUSED|Connection terminated/);
    expect((await desk.handleMessage({ ...place, channel, messageId: '2', user: 'U2', text: OTHER_JOB.replaceAll('Northwind', 'Southwind') }))?.kind).toBe('card');
    expect((await desk.handleMessage({ ...place, channel, messageId: '3', user: 'U2', text: BASE.replaceAll('Northwind', 'Southwind') }))?.kind).toBe('card');
    // Logged once for the outage (and once more for each different error), not once per operation.
    expect(log.lines.filter((l) => l.startsWith('warn store unavailable'))).toHaveLength(1);

    await server.start();
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      recovered = (await desk.claimEvent('slack', `down-after-${i}`)) && log.lines.includes('info store reachable again');
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toBe(true);
    const after = await desk.handleMessage({ ...place, channel, messageId: '4', user: 'U3', text: BASE.replaceAll('Northwind', 'Southwind') });
    if (after?.kind !== 'card') throw new Error('expected a card');
    // Shared before the crash: what Postgres kept is found again.
    expect(after.card.sharedBefore?.by.id).toBe('U1');
  }, 60_000);

  it('gives up on a server that hangs within its time limit, and works again once it answers', async () => {
    const kv = open({ opTimeoutMs: 500 });
    server.freeze(true);
    try {
      await expect(kv.get('hung')).rejects.toThrow(/time/);
      await expect(kv.claim('event:hung', 60_000)).rejects.toThrow(/time/);
    } finally {
      server.freeze(false);
    }
    // Works again: the same store, with the same 500 ms limit (which a thawed server on a busy
    // machine may still miss once or twice, so it is tried a few times).
    for (let i = 0; ; i++) {
      try {
        await kv.set('hung', 'answered');
        break;
      } catch (err) {
        if (i >= 20) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    expect(await kv.get('hung')).toBe('answered');
  }, 30_000);

  it('creates its table once the server is up, when it was down at start', async () => {
    await server.sql('CREATE DATABASE late');
    await server.crash();
    const kv = open({ opTimeoutMs: 1000 }, 'late');
    await expect(kv.set('first', 1)).rejects.toThrow();
    await server.start();
    await kv.set('first', 2);
    expect(await kv.get('first')).toBe(2);
    expect(await server.sql("SELECT count(*)::int AS n FROM keyv WHERE key = 'jobcard:first'", [], 'late')).toEqual([{ n: 1 }]);
  }, 60_000);

  it("checks health with a real read of the store's table, not only a round trip", async () => {
    await server.sql('CREATE DATABASE health');
    const kv = open({}, 'health');
    await kv.set('k', 1);
    await kv.ping();
    await server.sql('DROP TABLE keyv', [], 'health');
    // SELECT 1 would still answer; the table the store lives in is gone.
    await expect(kv.ping()).rejects.toThrow(/keyv/);
  });

  it('deletes expired rows that nobody reads again, and keeps live ones', async () => {
    const kv = open();
    expect(await kv.claim('event:sweep', 100)).toBe(true);
    await kv.set('sweep-short', 'gone soon', 100);
    await kv.set('sweep-kept', 'no expiry');
    await kv.set('sweep-later', 'expires later', 60_000);
    await new Promise((r) => setTimeout(r, 250));
    // A store opening sweeps at once (and then every hour).
    open();
    const keys = ['event:sweep', 'sweep-short', 'sweep-kept', 'sweep-later'].map((k) => `jobcard:${k}`);
    let left: string[] = [];
    for (let i = 0; i < 50; i++) {
      left = (await server.sql('SELECT key FROM keyv WHERE key = ANY($1) ORDER BY key', [keys])).map((r) => String(r.key));
      if (left.length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(left).toEqual(['jobcard:sweep-kept', 'jobcard:sweep-later']);
  });
});
