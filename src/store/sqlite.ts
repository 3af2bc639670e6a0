import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import { StoreFault } from './backend.js';
import { hasSqliteHeader, identityOf, inspectFile, journalOf, removeJournal, rescueCopy, setAside, type FileIdentity, type FileProblem } from './sqlite-file.js';

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
/**
 * How often the file is looked at (a stat and a 16-byte read) for being deleted, replaced or
 * overwritten: SQLite notices none of these while the connection is open, and writes made
 * meanwhile would be lost at the next restart.
 */
const WATCH_MS = 5000;
/** How long after a failed recovery the next may start. */
const RECOVERY_RETRY_MS = 1000;
/** The key a write probe writes and deletes again (in one transaction): never a jobcard key. */
const PROBE_KEY = '\u0000jobcard-write-probe';
/** Error codes of a statement that a bad file or disk explains (better-sqlite3's SqliteError.code). */
const FILE_TROUBLE = /^SQLITE_(CORRUPT|NOTADB)/;
const DISK_TROUBLE = /^SQLITE_(IOERR|READONLY|FULL|CANTOPEN)/;

interface Row {
  key: string;
  value: string;
}

/** What started a checkpoint: writing paused, enough was written, or a caller asked. */
export type CheckpointTrigger = 'idle' | 'size' | 'asked';

/** Emitted as 'recovered' when a fault is over: which one, and what was done about it. */
export interface SqliteRecovery {
  problem: StoreFault['problem'];
  action: string;
}

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

  private db!: Database.Database;
  private statements!: {
    get: Statement<[string], Row>;
    getMany: Statement<[string], Row>;
    upsert: Statement<[string, string]>;
    remove: Statement<[string]>;
    removeMany: Statement<[string]>;
    claim: Statement<[string, string, number], Row>;
    keys: Statement<[string, string], { key: string }>;
    chunkEnd: Statement<[number, number], { last: number | null }>;
    sweep: Statement<[number, number, number]>;
    probe: Statement<[], { found: number }>;
  };
  private writeMany!: (entries: ReadonlyArray<{ key: string; value: string }>) => void;
  private readonly sweeper: NodeJS.Timeout;
  private readonly watcher: NodeJS.Timeout | undefined;
  private readonly busyTimeoutMs: number;
  /** The file the connection has open (none for ':memory:'). */
  private identity: FileIdentity | undefined;
  /** Its WAL and shared-memory files. */
  private journal: FileIdentity[] = [];
  /** What is wrong now, reported once as an 'error' and kept for health until recovered. */
  private fault: StoreFault | undefined;
  /** Why the last recovery attempt failed, reported once per different reason. */
  private recoveryFailure = '';
  private recovering: NodeJS.Immediate | undefined;
  private lastFailedRecovery = 0;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private bytesSinceCheckpoint = 0;
  /** The checkpoint under way in the helper process, if any. */
  private checkpointing: Promise<boolean> | undefined;
  /** Its process, unref'd so it never keeps the bot alive, except while close() waits for it. */
  private checkpointer: ChildProcess | undefined;
  private readonly file: string;
  private closed = false;

  constructor(file: string, opts: { busyTimeoutMs?: number } = {}) {
    super();
    this.opts = { dialect: 'sqlite', url: `sqlite://${file}` };
    this.file = file;
    this.busyTimeoutMs = opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.connect();
    // Claims and link-cache records are never read again once they expire: without a sweep
    // the file would grow by one row per event forever.
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS).unref();
    if (file !== ':memory:') this.watcher = setInterval(() => this.watch(), WATCH_MS).unref();
  }

  /** Open the file (creating it when absent) with the table and the statements: at start, and again to recover. */
  private connect(): void {
    const file = this.file;
    this.db = new Database(file, { timeout: this.busyTimeoutMs });
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
      // Health's read: the table's root page and its first row, from the file (or the page cache).
      probe: this.db.prepare('SELECT count(*) AS found FROM (SELECT 1 FROM keyv LIMIT 1)'),
    };
    const upsert = this.statements.upsert;
    this.writeMany = this.db.transaction((entries: ReadonlyArray<{ key: string; value: string }>) => {
      for (const e of entries) upsert.run(e.key, e.value);
    });
    // The table is in the database file itself from the start, not only in the WAL.
    this.checkpointHere();
    this.identity = file === ':memory:' ? undefined : identityOf(file);
    this.journal = file === ':memory:' ? [] : journalOf(file);
  }

  async get(key: string): Promise<string | undefined> {
    return this.guard('read', () => this.statements.get.get(key)?.value);
  }

  async getMany(keys: string[]): Promise<Array<string | undefined>> {
    const rows = this.guard('read', () => this.statements.getMany.all(JSON.stringify(keys)));
    const byKey = new Map(rows.map((r) => [r.key, r.value]));
    return keys.map((k) => byKey.get(k));
  }

  async has(key: string): Promise<boolean> {
    return this.guard('read', () => this.statements.get.get(key) !== undefined);
  }

  async set(key: string, value: string): Promise<void> {
    this.guard('write', () => this.statements.upsert.run(key, value));
    this.wrote(key.length + value.length);
  }

  /** One transaction: every entry is written, or none. */
  async setMany(entries: Array<{ key: string; value: string }>): Promise<void> {
    this.guard('write', () => this.writeMany(entries));
    this.wrote(entries.reduce((sum, e) => sum + e.key.length + e.value.length, 0));
  }

  async delete(key: string): Promise<boolean> {
    const { changes } = this.guard('write', () => this.statements.remove.run(key));
    this.wrote(key.length);
    return changes > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const { changes } = this.guard('write', () => this.statements.removeMany.run(JSON.stringify(keys)));
    this.wrote(keys.length * 64);
    return changes > 0;
  }

  async clear(): Promise<void> {
    this.guard('write', () => this.db.prepare('DELETE FROM keyv WHERE key LIKE ?').run(this.namespace ? `${this.namespace}:%` : '%'));
  }

  /** Take `key` for `ttlMs` unless a live claim holds it: true when this call won. */
  claim(key: string, ttlMs: number): boolean {
    const now = Date.now();
    const won = this.guard('write', () => this.statements.claim.get(key, JSON.stringify({ value: 1, expires: now + ttlMs }), now) !== undefined);
    this.wrote(key.length + 40);
    return won;
  }

  /** Every key that starts with `prefix` (for the purge of old shares). */
  keys(prefix: string): string[] {
    return this.guard('read', () => this.statements.keys.all(prefix, `${prefix}\u{10ffff}`)).map((r) => r.key);
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
    this.report(Object.assign(new Error(`WAL checkpoint failed: ${reason}`), { details: { walBytes: fileSize(`${this.file}-wal`) } }));
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

  /**
   * Health: the file at the path is still the one open and a SQLite file, a real read of the
   * table works, and so does a write when writes failed lately. Throws a StoreFault naming the
   * problem for as long as it lasts; recovery, if it can be done here, is under way meanwhile.
   */
  check(): void {
    this.watch();
    if (this.fault) throw this.fault;
    this.guard('read', () => this.statements.probe.get());
  }

  /** Run a statement; one that fails the way a bad file or disk explains raises a fault. */
  private guard<T>(kind: 'read' | 'write', run: () => T): T {
    try {
      return run();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && FILE_TROUBLE.test(code)) {
        if (!this.watch()) this.found('file-corrupt', `reading the store file ${this.file} failed: ${(err as Error).message}`);
      } else if (typeof code === 'string' && DISK_TROUBLE.test(code) && kind === 'write' && !this.watch()) {
        this.found('writes-failing', `writing the store file ${this.file} failed: ${(err as Error).message} (${code})`);
      }
      throw err;
    }
  }

  /**
   * Look at the file (every WATCH_MS, on each health check, after a statement failed): a new
   * fault is reported and its recovery started; writes that failed are tried again. Returns the
   * fault the store is in, if any.
   */
  private watch(): StoreFault | undefined {
    if (!this.identity || this.closed) return this.fault;
    if (!this.db.open) {
      this.scheduleRecovery();
      return this.fault;
    }
    const finding = inspectFile(this.file, this.identity);
    if (finding) {
      this.found(finding.problem, finding.detail);
    } else if (this.fault?.problem === 'writes-failing') {
      this.probeWrite();
    } else if (this.fault?.problem === 'file-missing' || this.fault?.problem === 'file-replaced') {
      // The file at the path is the open one again (a directory renamed back, say).
      this.recovered('the store file is back where it was');
    }
    return this.fault;
  }

  /** Note a fault: reported once (as an 'error'), kept for health, and recovery scheduled. */
  private found(problem: FileProblem | 'writes-failing', detail: string): void {
    if (this.fault?.problem !== problem) {
      this.fault = new StoreFault(problem, detail);
      this.recoveryFailure = '';
      this.report(this.fault);
    }
    if (problem !== 'writes-failing') this.scheduleRecovery();
  }

  /** The fault is over: emitted as 'recovered' with what was done. */
  private recovered(action: string): void {
    const fault = this.fault;
    this.fault = undefined;
    this.recoveryFailure = '';
    if (fault) this.emit('recovered', { problem: fault.problem, action } satisfies SqliteRecovery);
  }

  /**
   * Recover on the next turn of the event loop (the health check that found the fault reports it
   * first), and after a failed attempt not again for RECOVERY_RETRY_MS: health may be asked often.
   */
  private scheduleRecovery(): void {
    if (this.recovering || Date.now() - this.lastFailedRecovery < RECOVERY_RETRY_MS) return;
    this.recovering = setImmediate(() => {
      this.recovering = undefined;
      this.recover();
    });
  }

  /** A write that leaves nothing behind: when it works again, so do writes. */
  private probeWrite(): void {
    try {
      this.db.transaction(() => {
        this.statements.upsert.run(PROBE_KEY, '1');
        this.statements.remove.run(PROBE_KEY);
      })();
      this.recovered('writes work again');
    } catch {
      // Still failing: the fault stands.
    }
  }

  /**
   * Put a working file at the path again, keeping what the open connection still reads:
   *
   * - another SQLite file put in place of ours: reopen on it (someone restored a backup);
   * - ours deleted, overwritten or replaced by garbage: copy what the connection reads into a
   *   new file (rescueCopy); a bad file is set aside beside the path, then the copy takes its
   *   place. When no copy can be read (the pages are garbage), start an empty file instead.
   *
   * When nothing can be written there (a read-only directory), the connection is kept as it is,
   * so reads and writes go on in the unlinked file, and the next watch tries again. The old
   * connection is closed before anything new is at the path: closing removes its WAL by name.
   * (With a second process on the same file, its connection keeps the old file until its own
   * watch moves it over: its writes in between are not in the new file.)
   */
  private recover(): void {
    const fault = this.fault;
    if (this.closed || !fault || fault.problem === 'writes-failing') return;
    try {
      if (!this.db.open) {
        this.reconnect();
        this.recovered(`opened the store file ${this.file} again`);
        return;
      }
      if (fault.problem === 'file-replaced' && hasSqliteHeader(this.file)) {
        this.reconnect();
        this.recovered(`reopened on the SQLite file now at ${this.file}; what was written to the replaced one since is not in it`);
        return;
      }
      let rescue: string | undefined;
      let unreadable = '';
      try {
        rescue = rescueCopy(this.db, this.file);
      } catch (err) {
        // A deleted or replaced file is still whole through the connection: failing to copy it means
        // nothing can be written beside it. Keep the connection and try again later.
        if (fault.problem !== 'file-corrupt') throw err;
        unreadable = (err as Error).message;
      }
      const aside = fault.problem === 'file-missing' ? undefined : setAside(this.file, fault.problem === 'file-corrupt' ? 'corrupt' : 'replaced');
      this.reconnect(rescue);
      const kept = aside ? `; the bad file is kept as ${aside}` : '';
      this.recovered(
        rescue
          ? `recreated the store file ${this.file} from what the open connection still read: nothing lost${kept}`
          : `started an empty store file at ${this.file}: the corrupt one could not be read (${unreadable}), so what it held is forgotten${kept}`,
      );
    } catch (err) {
      this.lastFailedRecovery = Date.now();
      const reason = `could not recover the store file ${this.file}: ${(err as Error).message}`;
      if (reason !== this.recoveryFailure) {
        this.recoveryFailure = reason;
        this.report(new StoreFault(fault.problem, reason));
      }
    }
  }

  /** Close the connection, clear what the old file left at the path, and open the path (moving `rescue` there first). */
  private reconnect(rescue?: string): void {
    this.checkpointer?.kill();
    if (this.db.open) {
      try {
        this.db.close();
      } catch {
        // Closing checkpoints into the old file, which may be the broken one: nothing to keep there.
      }
    }
    if (rescue) {
      removeJournal(this.file);
      renameSync(rescue, this.file);
    } else if (!existsSync(this.file)) {
      removeJournal(this.file);
    } else {
      // Another file is at the path: only what the old one left goes (closing does not always remove it).
      removeJournal(this.file, this.journal);
    }
    this.connect();
  }

  async disconnect(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    clearInterval(this.watcher);
    if (this.recovering) clearImmediate(this.recovering);
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
