import { closeSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * The SQLite file under the store, seen from outside SQLite. A connection keeps working on a
 * file deleted or replaced under it (it holds the old inode), and serves reads from its page
 * cache after the file was overwritten: SQLite itself would notice neither until a restart.
 */

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Which file a connection has open: a file recreated at the same path is another one. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

/** What can be wrong with the file at the store's path. */
export type FileProblem = 'file-missing' | 'file-replaced' | 'file-corrupt';

export interface FileFinding {
  problem: FileProblem;
  detail: string;
}

export function identityOf(file: string): FileIdentity {
  const { dev, ino } = statSync(file);
  return { dev, ino };
}

/** Whether the file starts as a SQLite database does (false when it cannot be read). */
export function hasSqliteHeader(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What is wrong with the file at `file`, compared with the one the store opened: gone, another
 * file in its place, or not a SQLite file any more. A stat and a 16-byte read.
 */
export function inspectFile(file: string, opened: FileIdentity): FileFinding | undefined {
  let now: FileIdentity;
  try {
    now = identityOf(file);
  } catch (err) {
    return { problem: 'file-missing', detail: `the store file ${file} is gone (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})` };
  }
  if (now.dev !== opened.dev || now.ino !== opened.ino) {
    return { problem: 'file-replaced', detail: `the store file ${file} was replaced by another file while open` };
  }
  if (!hasSqliteHeader(file)) return { problem: 'file-corrupt', detail: `the store file ${file} is no longer a SQLite database (overwritten?)` };
  return undefined;
}

/**
 * Copy what the open connection still reads into a new file beside `file` (VACUUM INTO: one
 * consistent snapshot, WAL included), checked with SQLite's quick_check. Returns its path; throws
 * when the copy cannot be made (the directory not writable, the pages unreadable) or is damaged.
 * Synchronous, so no write can land between the copy and the switch to it.
 */
export function rescueCopy(db: Database.Database, file: string): string {
  const rescue = `${file}.rescue-${process.pid}`;
  rmSync(rescue, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(rescue);
    const copy = new Database(rescue, { fileMustExist: true });
    try {
      const verdict = copy.pragma('quick_check', { simple: true });
      if (verdict !== 'ok') throw new Error(`the copy failed SQLite's quick_check: ${String(verdict)}`);
      copy.prepare('SELECT count(*) FROM keyv').get();
    } finally {
      copy.close();
    }
    return rescue;
  } catch (err) {
    rmSync(rescue, { force: true });
    throw err;
  }
}

/** Move a bad file out of the way, kept beside the path for a post-mortem. Returns where it went. */
export function setAside(file: string, why: 'corrupt' | 'replaced'): string {
  const aside = `${file}.${why}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  return aside;
}

/** The WAL and shared-memory files beside a database file. */
const JOURNAL_SUFFIXES = ['-wal', '-shm'] as const;

/** Which WAL and shared-memory files a connection has open (absent ones left out). */
export function journalOf(file: string): FileIdentity[] {
  return JOURNAL_SUFFIXES.flatMap((suffix) => {
    try {
      return [identityOf(`${file}${suffix}`)];
    } catch {
      return [];
    }
  });
}

/**
 * Remove the WAL and shared-memory files left at the path by the file that was there: a new file
 * opened beside them would replay another database's WAL into itself. With `only`, just those
 * files (the old connection's), so a file put in place with its own WAL keeps it.
 */
export function removeJournal(file: string, only?: readonly FileIdentity[]): void {
  for (const suffix of JOURNAL_SUFFIXES) {
    const path = `${file}${suffix}`;
    if (only) {
      let id: FileIdentity;
      try {
        id = identityOf(path);
      } catch {
        continue;
      }
      if (!only.some((o) => o.dev === id.dev && o.ino === id.ino)) continue;
    }
    rmSync(path, { force: true });
  }
}
