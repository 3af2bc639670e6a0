import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster on a free loopback port, for tests that need a real server
 * when POSTGRES_URL is not set: PostgreSQL's server binaries from POSTGRES_BIN_DIR or Debian's
 * /usr/lib/postgresql/<version>/bin. Null when none is installed, so the tests skip cleanly.
 */
export interface PostgresCluster {
  url: string;
  close(): Promise<void>;
}

/** PostgreSQL's server binaries: POSTGRES_BIN_DIR, Debian's layout (newest first), or the usual bin folders. */
export function postgresBinDir(): string | undefined {
  let debian: string[] = [];
  try {
    debian = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    // Not Debian's layout.
  }
  return [process.env.POSTGRES_BIN_DIR, ...debian, '/usr/local/bin', '/usr/bin'].find((d): d is string => !!d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'postgres')));
}

/** Postgres refuses to run as root: as root, run it as `postgres`, or `nobody`. */
export function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const id = (flag: string): number => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      // No such user: try the next.
    }
  }
  return { uid: 65534, gid: 65534 };
}

/** A loopback port nothing listens on now (bound, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster | null> {
  const bin = postgresBinDir();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'jobcard-pg-alerts-'));
  const user = serverUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    const init = spawn(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-locale', '-E', 'UTF8', '--no-sync'], { cwd: dir, stdio: 'ignore', ...user });
    init.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb exited with ${code}`))));
  });
  const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'fsync=off', 'full_page_writes=off'];
  const child: ChildProcess = spawn(join(bin, 'postgres'), ['-D', join(dir, 'data'), '-p', String(port), ...settings.flatMap((s) => ['-c', s])], { cwd: dir, stdio: 'ignore', ...user });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return { url, close };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await close();
  throw new Error('postgres did not start');
}
