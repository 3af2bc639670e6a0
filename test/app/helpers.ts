import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { pollUntil } from '../fakes/poll.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');

export function seedText(name: string): string {
  return readFileSync(path.join(repoRoot, 'fixtures', 'seeds', name), 'utf8');
}

export const SEED_003 = '003-linkedin-capital-one-senior-mle.txt';

export interface TempDir {
  dir: string;
  sqliteUrl: string;
  remove(): void;
}

/** A temporary directory holding the store's SQLite file. */
export function tempStore(): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), 'jobcard-app-'));
  return { dir, sqliteUrl: `sqlite://${path.join(dir, 'jobcard.sqlite')}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface LogRecord {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A real pino logger writing JSON into memory, so tests read what an operator would. */
export function capturingLogger(level = 'info'): { log: Logger; records: LogRecord[]; raw: string[] } {
  const records: LogRecord[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done): void {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        raw.push(line);
        records.push(JSON.parse(line) as LogRecord);
      }
      done();
    },
  });
  return { log: pino({ level, base: { app: 'jobcard' } }, sink), records, raw };
}

export function waitUntil<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
  return pollUntil(probe, what, timeoutMs);
}

/**
 * A loopback proxy in front of a stand-in that holds requests to one path until released:
 * a reply "in flight" for as long as a test needs.
 */
export interface HoldingProxy {
  url: string;
  /** Requests held so far (path). */
  held: string[];
  release(): void;
  close(): Promise<void>;
}

export async function holdingProxy(target: string, holdPath: RegExp): Promise<HoldingProxy> {
  const upstream = new URL(target);
  const held: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const forward = (req: IncomingMessage, body: Buffer, res: import('node:http').ServerResponse): void => {
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => res.writeHead(502).end());
    out.end(body);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (holdPath.test(req.url ?? '')) {
        held.push(req.url ?? '');
        void gate.then(() => forward(req, body, res));
      } else {
        forward(req, body, res);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held,
    release: () => release(),
    async close(): Promise<void> {
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
