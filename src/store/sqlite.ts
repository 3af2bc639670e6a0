import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database, { type Statement } from 'better-sqlite3';

/**
 * How long a statement waits for another process's write lock before failing. better-sqlite3 waits
 * on this thread, so it is short: jobcard processes hold the lock for a millisecond or two.
 */
const BUSY_TIMEOUT_MS = 500;
/**
 * The WAL is copied back into the database file (a checkpoint) by a short-lived helper process
 * once no write has come for IDLE_CHECKPOINT_MS, or when about CHECKPOINT_BYTES were written
 * since the last one. A checkpoint ends in an fsync, and on this thread it stalled the event
 * being answered: measured on this project's machines, 48 ms for a 4 MB WAL and 126 ms for
 * 16 MB, nearly all of it the fsync. SQLite's automatic checkpoint runs inside whichever write
 * crosses 4 MB, so one share in about a hundred took that long. A worker thread would do but
 * holds 16 MB of RSS; a separate process costs nothing here, and SQLite coordinates the two
 * connections itself (WAL mode, PASSIVE: never blocks a writer).
 */
const IDLE_CHECKPOINT_MS = 1000;
const CHECKPOINT_BYTES = 4 * 1024 * 1024;
/**
 * The helper process: open the file, checkpoint, exit (0 complete, 3 busy, 1 with the reason on
 * stderr). fileMustExist: a file deleted under the bot must not be created anew, empty, here.
 */
const CHECKPOINTER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2], { timeout: 5000, fileMustExist: true });
const [r] = db.pragma('wal_checkpoint(PASSIVE)');
db.close();
process.exitCode = r && r.busy === 0 ? 0 : 3;
`;
/** The helper's exit code when another connection kept the checkpoint from running: not a failure. */
const CHECKPOINT_BUSY = 3;
/** How much of the helper's stderr a failure report keeps. */
const CHECKPOINT_STDERR_CHARS = 400;
const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');
/** Expired rows are deleted this often, a bounded batch of rows at a time. */
const SWEEP_MS = 60 * 60 * 1000;
const SWEEP_BATCH = 500;

interface Row {
  key: string;
  value: string;
}

/** What started a checkpoint: writing paused, enough was written, or a caller asked. */
export type CheckpointTrigger = 'idle' | 'size' | 'asked';

/** Emitted as 'checkpoint' once the helper process is done (it no longer touches the file then). */
export interface CheckpointReport {
  trigger: CheckpointTrigger;
  /** SQLite copied the whole WAL into the database file. */
  complete: boolean;
}

/**
 * A keyv store on a SQLite file through better-sqlite3, in the table layout @keyv/sqlite uses
 * (`keyv(key, value)`, keyv's own record format), so files written by either read the same.
 *
 * better-sqlite3 rather than @keyv/sqlite: @keyv/sqlite runs on node-sqlite3, which prepares
 * every statement anew and hands each to libuv's thread pool; better-sqlite3 keeps prepared
 * statements and runs them in place. A share's reads and writes cost about a third of the CPU
 * that way (bench/store.ts), with no thread-pool queue to wait in. Each statement here touches
 * a few rows by primary key, so running it on the main thread takes microseconds.
 */
export class SqliteStore extends EventEmitter {
  /** keyv keeps expiry inside each record; this store does not expire rows by itself. */
  readonly ttlSupport = false;
  readonly opts: { dialect: 'sqlite'; url: string };
  namespace?: string;

  private readonly db: Database.Database;
  private readonly statements: {
    get: Statement<[string], Row>;
    getMany: Statement<[string], Row>;
    upsert: Statement<[string, string]>;
    remove: Statement<[string]>;
    removeMany: Statement<[string]>;
    claim: Statement<[string, string, number], Row>;
    keys: Statement<[string, string], { key: string }>;
    chunkEnd: Statement<[number, number], { last: number | null }>;
    sweep: Statement<[number, number, number]>;
  };
  private readonly writeMany: (entries: ReadonlyArray<{ key: string; value: string }>) => void;
  private readonly sweeper: NodeJS.Timeout;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private bytesSinceCheckpoint = 0;
  /** The checkpoint under way in the helper process, if any. */
  private checkpointing: Promise<boolean> | undefined;
  /** Its process, unref'd so it never keeps the bot alive, except while close() waits for it. */
  private checkpointer: ChildProcess | undefined;
  private readonly file: string;

  constructor(file: string, opts: { busyTimeoutMs?: number } = {}) {
    super();
    this.opts = { dialect: 'sqlite', url: `sqlite://${file}` };
    this.file = file;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
    // WAL lets readers and one writer work at once and skips an fsync per write; NORMAL
    // synchronous stays safe against corruption (a power cut may lose the last writes only).
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Checkpoints run in a helper process, not inside whichever write crosses the limit
    // (see CHECKPOINTER).
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.exec(`CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT)`);
    this.statements = {
      get: this.db.prepare('SELECT key, value FROM keyv WHERE key = ?'),
      getMany: this.db.prepare('SELECT key, value FROM keyv WHERE key IN (SELECT value FROM json_each(?))'),
      upsert: this.db.prepare('INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      remove: this.db.prepare('DELETE FROM keyv WHERE key = ?'),
      removeMany: this.db.prepare('DELETE FROM keyv WHERE key IN (SELECT value FROM json_each(?))'),
      // One statement, atomic in this process or any other: a new key is inserted, an expired
      // claim is taken over, a live one is left alone; RETURNING names the key only when we won.
      claim: this.db.prepare(
        `INSERT INTO keyv (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE json_extract(keyv.value, '$.expires') < ?
         RETURNING key, value`,
      ),
      // A range over the primary key: every key with a prefix, without a scan of the table.
      keys: this.db.prepare('SELECT key FROM keyv WHERE key >= ? AND key < ?'),
      chunkEnd: this.db.prepare('SELECT max(rowid) AS last FROM (SELECT rowid FROM keyv WHERE rowid > ? ORDER BY rowid LIMIT ?)'),
      // keyv keeps the expiry inside each record ({"value":…,"expires":…}); a row that is not
      // JSON is left alone.
      sweep: this.db.prepare(
        `DELETE FROM keyv WHERE rowid > ? AND rowid <= ? AND json_valid(value) AND json_extract(value, '$.expires') < ?`,
      ),
    };
    const upsert = this.statements.upsert;
    this.writeMany = this.db.transaction((entries: ReadonlyArray<{ key: string; value: string }>) => {
      for (const e of entries) upsert.run(e.key, e.value);
    });
    // Claims and link-cache records are never read again once they expire: without a sweep
    // the file would grow by one row per event forever.
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS).unref();
    // The table is in the database file itself from the start, not only in the WAL.
    this.checkpointHere();
  }

  async get(key: string): Promise<string | undefined> {
    return this.statements.get.get(key)?.value;
  }

  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    const rows = this.statements.getMany.all(JSON.stringify(keys));
    const byKey = new Map(rows.map((r) => [r.key, r.value]));
    return keys.map((k) => byKey.get(k));
  }

  async has(key: string): Promise<boolean> {
    return this.statements.get.get(key) !== undefined;
  }

  async set(key: string, value: string): Promise<void> {
    this.statements.upsert.run(key, value);
    this.wrote(key.length + value.length);
  }

  /** One transaction: every entry is written, or none. */
  async setMany(entries: Array<{ key: string; value: string }>): Promise<void> {
    this.writeMany(entries);
    this.wrote(entries.reduce((sum, e) => sum + e.key.length + e.value.length, 0));
  }

  async delete(key: string): Promise<boolean> {
    const { changes } = this.statements.remove.run(key);
    this.wrote(key.length);
    return changes > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const { changes } = this.statements.removeMany.run(JSON.stringify(keys));
    this.wrote(keys.length * 64);
    return changes > 0;
  }

  async clear(): Promise<void> {
    this.db.prepare('DELETE FROM keyv WHERE key LIKE ?').run(this.namespace ? `${this.namespace}:%` : '%');
  }

  /** Take `key` for `ttlMs` unless a live claim holds it: true when this call won. */
  claim(key: string, ttlMs: number): boolean {
    const now = Date.now();
    const won = this.statements.claim.get(key, JSON.stringify({ value: 1, expires: now + ttlMs }), now) !== undefined;
    this.wrote(key.length + 40);
    return won;
  }

  /** Every key that starts with `prefix` (for the purge of old shares). */
  keys(prefix: string): string[] {
    return this.statements.keys.all(prefix, `${prefix}\u{10ffff}`).map((r) => r.key);
  }

  /**
   * Copy the WAL back into the database file, in the helper process (an in-memory database has
   * no file to share, so it checkpoints here). Resolves whether SQLite reported it complete;
   * a checkpoint already under way is waited for rather than doubled. A helper that fails is
   * reported as an 'error' (the WAL grows until one succeeds); every run ends in a 'checkpoint'.
   */
  checkpoint(trigger: CheckpointTrigger = 'asked'): Promise<boolean> {
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    if (this.checkpointing) return this.checkpointing;
    this.bytesSinceCheckpoint = 0;
    if (!this.db.open) return Promise.resolve(false);
    if (this.file === ':memory:') return Promise.resolve(this.checkpointHere());
    const done = new Promise<boolean>((resolve) => {
      const child = spawn(process.execPath, ['-e', CHECKPOINTER, BETTER_SQLITE3, this.file], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-CHECKPOINT_STDERR_CHARS);
      });
      (child.stderr as (NodeJS.ReadableStream & { unref?: () => void }) | null)?.unref?.();
      let finished = false;
      const finish = (complete: boolean): void => {
        if (finished) return;
        finished = true;
        this.checkpointing = undefined;
        this.checkpointer = undefined;
        this.emit('checkpoint', { trigger, complete } satisfies CheckpointReport);
        resolve(complete);
      };
      child.on('error', (err) => {
        this.report(new Error(`WAL checkpoint helper could not start (${err.message}); checkpointing in the bot instead`));
        finish(this.checkpointHere());
      });
      child.on('close', (code, signal) => {
        if (code !== 0 && code !== CHECKPOINT_BUSY) this.checkpointFailed(code, signal, stderr);
        finish(code === 0);
      });
      child.unref();
      this.checkpointer = child;
    });
    this.checkpointing = done;
    return done;
  }

  /** Say why the helper failed and how large the WAL it left has grown. */
  private checkpointFailed(code: number | null, signal: NodeJS.Signals | null, stderr: string): void {
    const reason = lastErrorLine(stderr) ?? (signal ? `killed by ${signal}` : `exit code ${code}`);
    this.report(Object.assign(new Error(`WAL checkpoint failed: ${reason}`), { walBytes: fileSize(`${this.file}-wal`) }));
  }

  /** A checkpoint on this connection, on this thread (at open, or when no helper can start). */
  private checkpointHere(): boolean {
    if (!this.db.open) return false;
    try {
      // PASSIVE: copies what no reader still needs and never waits for another process.
      const [result] = this.db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      return result !== undefined && result.busy === 0 && result.log === result.checkpointed;
    } catch (err) {
      this.report(err);
      return false;
    }
  }

  /** Note a write (roughly its size) and move the next checkpoint to when writing pauses. */
  private wrote(bytes: number): void {
    this.bytesSinceCheckpoint += bytes;
    if (this.bytesSinceCheckpoint >= CHECKPOINT_BYTES && !this.checkpointing) {
      void this.checkpoint('size');
      return;
    }
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => void this.checkpoint('idle'), IDLE_CHECKPOINT_MS).unref();
  }

  /**
   * Delete rows whose expiry has passed, going through the table a batch of rows at a time with
   * a turn of the event loop between batches, so a large file never holds up the events being
   * answered. (An index on the expiry would spare the walk but cost every write a parse of its
   * record; the walk runs once an hour.)
   */
  async sweep(now = Date.now()): Promise<number> {
    let removed = 0;
    let after = 0;
    try {
      for (;;) {
        if (!this.db.open) return removed;
        const last = this.statements.chunkEnd.get(after, SWEEP_BATCH)?.last ?? null;
        if (last === null) return removed;
        removed += this.statements.sweep.run(after, last, now).changes;
        after = last;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (err) {
      this.report(err);
      return removed;
    }
  }

  /**
   * An 'error' for whoever watches the store (KeyvBackend passes them to the log). An
   * EventEmitter throws an 'error' nobody listens for: a store used on its own must not crash on one.
   */
  private report(err: unknown): void {
    if (this.listenerCount('error') > 0) this.emit('error', err);
  }

  ping(): void {
    this.db.prepare('SELECT 1').get();
  }

  async disconnect(): Promise<void> {
    clearInterval(this.sweeper);
    clearTimeout(this.checkpointTimer);
    // An unref'd process does not keep the event loop alive: without this, a close() during a
    // checkpoint waited on a promise nothing would ever settle, and the process just ended.
    this.checkpointer?.ref();
    (this.checkpointer?.stderr as (NodeJS.ReadableStream & { ref?: () => void }) | null)?.ref?.();
    await this.checkpointing;
    if (this.db.open) this.db.close();
  }
}

/** The last line of a helper's stderr that names an error (a Node stack's first line), if any. */
function lastErrorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^\w*(Error|Exception)\b/.test(l)) ?? lines.at(-1);
}

/** A file's size in bytes, or null when it cannot be read. */
function fileSize(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}
