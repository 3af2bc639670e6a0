import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { KeyvBackend } from '../../src/store/keyv-backend.js';
import { StoreFault } from '../../src/store/backend.js';
import { SqliteStore, type CheckpointReport, type SqliteRecovery } from '../../src/store/sqlite.js';
import { ensureBuilt } from '../app/build.js';
import { repoRoot } from '../app/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'jobcard-sqlite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
const freshFile = (): string => join(tmp, `s-${process.pid}-${++n}.sqlite`);
const open: Array<{ disconnect?: () => Promise<void>; close?: () => Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) await (o.disconnect?.() ?? o.close?.());
});
function store(file: string, opts?: { busyTimeoutMs?: number }): SqliteStore {
  const s = new SqliteStore(file, opts);
  open.push(s);
  return s;
}

/** A keyv record as keyv writes it. */
const record = (value: unknown, expires?: number): string => JSON.stringify(expires === undefined ? { value } : { value, expires });

describe('SQLite store (better-sqlite3)', () => {
  it('reads many keys in the order asked, with gaps for missing ones', async () => {
    const s = store(freshFile());
    await s.setMany([
      { key: 'a', value: record(1) },
      { key: 'c', value: record(3) },
    ]);
    expect(await s.getMany(['c', 'b', 'a'])).toEqual([record(3), undefined, record(1)]);
    expect(await s.has('a')).toBe(true);
    expect(await s.delete('a')).toBe(true);
    expect(await s.delete('a')).toBe(false);
  });

  it('lets one of two connections to one file claim an event, and takes over an expired claim', async () => {
    const file = freshFile();
    const a = store(file);
    const b = store(file);
    expect([a.claim('event:1', 60_000), b.claim('event:1', 60_000)]).toEqual([true, false]);
    expect(b.claim('event:2', -1)).toBe(true);
    expect(a.claim('event:2', 60_000)).toBe(true);
    expect(b.claim('event:2', 60_000)).toBe(false);
  });

  it('sweeps expired rows in batches and keeps live ones and rows that are not JSON', async () => {
    const s = store(freshFile());
    const now = Date.now();
    const expired = Array.from({ length: 1200 }, (_, i) => ({ key: `event:${i}`, value: record(1, now - 1000) }));
    await s.setMany([...expired, { key: 'posting:x', value: record({ title: 'x' }, now + 60_000) }, { key: 'forever', value: record(2) }]);
    await s.set('odd', 'not json');
    expect(await s.sweep(now)).toBe(1200);
    expect(await s.getMany(['event:0', 'event:1199', 'posting:x', 'forever', 'odd'])).toEqual([
      undefined,
      undefined,
      record({ title: 'x' }, now + 60_000),
      record(2),
      'not json',
    ]);
  });

  it('writes a batch in one transaction: a failing batch leaves nothing behind', async () => {
    const s = store(freshFile());
    const bad = { key: 'b', value: Symbol('not bindable') as unknown as string };
    await expect(s.setMany([{ key: 'a', value: record(1) }, bad])).rejects.toThrow();
    expect(await s.get('a')).toBeUndefined();
  });

  it("waits only briefly for another process's write lock, then fails instead of freezing the bot", async () => {
    const file = freshFile();
    const s = store(file, { busyTimeoutMs: 100 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      await expect(s.set('k', record(1))).rejects.toThrow(/locked|busy/i);
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await s.set('k', record(1));
    expect(await s.get('k')).toBe(record(1));
  });

  /** The rows of a copy of the database file alone (the WAL left out), made now. */
  function fileAlone(file: string): Map<string, string> {
    const copy = freshFile();
    copyFileSync(file, copy);
    const db = new Database(copy, { readonly: true });
    try {
      return new Map((db.prepare('SELECT key, value FROM keyv').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
    } finally {
      db.close();
    }
  }

  /**
   * The next checkpoint's report, with the database file alone as it stood when the helper
   * process ended. The copy is made inside the event, while no helper runs: a copy taken while
   * one writes the file may be torn ("database disk image is malformed").
   */
  function nextCheckpoint(s: SqliteStore, file: string): Promise<{ report: CheckpointReport; rows: Map<string, string> }> {
    return new Promise((resolve) => s.once('checkpoint', (report: CheckpointReport) => resolve({ report, rows: fileAlone(file) })));
  }

  it('copies the WAL into the database file once writing pauses, in a helper process, not inside the write', async () => {
    const file = freshFile();
    const s = store(file);
    const checkpointed = nextCheckpoint(s, file);
    await s.set('k', record(1));
    // Right after the write it is only in the WAL: the write did not checkpoint (and no helper runs yet).
    expect(fileAlone(file).get('k')).toBeUndefined();
    const { report, rows } = await checkpointed;
    expect(report).toEqual({ trigger: 'idle', complete: true });
    expect(rows.get('k')).toBe(record(1));
  });

  it('checkpoints during a long burst of writes too, so the WAL stays bounded', async () => {
    const file = freshFile();
    const s = store(file);
    const checkpointed = nextCheckpoint(s, file);
    const big = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 6; i++) await s.set(`big${i}`, record(big));
    // No pause: the checkpoint was started by the amount written, after the fourth write at the latest.
    const { report, rows } = await checkpointed;
    expect(report.trigger).toBe('size');
    expect(rows.size).toBeGreaterThanOrEqual(4);
  });

  it('closes cleanly while a checkpoint runs, in a process with nothing else to keep it alive', () => {
    // Vitest keeps its own event loop busy, so this runs in a plain node process of its own, on
    // the built module as users run it.
    ensureBuilt();
    const store = join(repoRoot, 'dist', 'src', 'store', 'sqlite.js');
    const script = `
      const { SqliteStore } = await import(${JSON.stringify(store)});
      const s = new SqliteStore(${JSON.stringify(freshFile())});
      const big = JSON.stringify({ value: 'x'.repeat(1024 * 1024) });
      for (let i = 0; i < 5; i++) await s.set('big' + i, big);
      await s.disconnect();
      console.log('closed');
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
    // ensureBuilt compiles dist/ when a source is newer: about a minute on a busy machine.
  }, 180_000);

  it('reports a checkpoint as complete when nothing holds the WAL', async () => {
    const s = store(freshFile());
    await s.set('k', record(1));
    expect(await s.checkpoint()).toBe(true);
  });

  /** A store whose faults and recoveries are kept, as KeyvBackend would log them. */
  function watched(file: string): { s: SqliteStore; faults: StoreFault[]; recovered: Promise<SqliteRecovery> } {
    const s = store(file);
    const faults: StoreFault[] = [];
    s.on('error', (err: unknown) => {
      if (err instanceof StoreFault) faults.push(err);
    });
    return { s, faults, recovered: new Promise((resolve) => s.once('recovered', resolve)) };
  }

  it('starts an empty file when the one it had open is overwritten and none of it can be read any more, keeping the bad one aside', async () => {
    const file = freshFile();
    const writer = store(file);
    await writer.set('old', record(1));
    await writer.disconnect();
    // A connection that has read nothing yet: every page would come from the garbage.
    const { s, faults, recovered } = watched(file);
    writeFileSync(file, randomBytes(statSync(file).size));
    expect(() => s.check()).toThrow(StoreFault);
    expect(faults.map((f) => f.problem)).toEqual(['file-corrupt']);
    expect((await recovered).action).toMatch(/^started an empty store file/);
    s.check();
    expect(await s.get('old')).toBeUndefined();
    await s.set('new', record(2));
    expect(await s.get('new')).toBe(record(2));
    expect(readdirSync(dirname(file)).filter((f) => f.startsWith(`${basename(file)}.corrupt-`))).toHaveLength(1);
  });

  it('reopens on another SQLite file moved into its place (a backup restored), and reads what that file holds', async () => {
    const file = freshFile();
    const { s, faults, recovered } = watched(file);
    await s.set('mine', record(1));
    const backup = freshFile();
    const other = store(backup);
    await other.set('restored', record(2));
    await other.disconnect();
    renameSync(backup, file);
    expect(() => s.check()).toThrow(/replaced/);
    expect(faults.map((f) => f.problem)).toEqual(['file-replaced']);
    expect((await recovered).action).toMatch(/^reopened on the SQLite file/);
    expect(await s.getMany(['restored', 'mine'])).toEqual([record(2), undefined]);
  });

  it('notices a deleted file from a failed statement too, not only from its watch', async () => {
    const file = freshFile();
    const { s, recovered } = watched(file);
    await s.set('k', record(1));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    // The connection still works on the unlinked file: the next check finds it gone and brings it back whole.
    expect(await s.get('k')).toBe(record(1));
    expect(() => s.check()).toThrow(/gone/);
    expect((await recovered).problem).toBe('file-missing');
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(reader.prepare('SELECT value FROM keyv WHERE key = ?').pluck().get('k')).toBe(record(1));
    } finally {
      reader.close();
    }
  });

  it('is what sqlite:// URLs open: a KeyvBackend on it keeps values across a reopen', async () => {
    const file = freshFile();
    const kv = KeyvBackend.open(`sqlite://${file}`);
    await kv.setMany([{ key: 'x', value: { n: 1 } }, { key: 'gone', value: 1, ttlMs: 1 }]);
    await kv.close();
    const again = KeyvBackend.open(`sqlite://${file}`);
    open.push(again);
    await new Promise((r) => setTimeout(r, 5));
    expect(await again.getMany(['x', 'gone'])).toEqual([{ n: 1 }, undefined]);
  });
});
