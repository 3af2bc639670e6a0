import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

/**
 * A stand-in web site on 127.0.0.1 (port 0) for the link tests: routes answer the way real
 * job sites and ATS APIs do (status, headers, bytes), plus the misbehaviour a fetcher must
 * survive (slow answers, endless bodies, redirect loops). It never talks to anything else.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface SimpleRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface HttpSite {
  /** http://127.0.0.1:PORT */
  origin: string;
  url(path: string): string;
  /** Answer `path` (pathname, or pathname+search when the key contains '?') with a fixed response or a handler. */
  route(path: string, answer: SimpleRoute | Handler): void;
  /** Every request seen, as pathname+search. */
  requests: string[];
  close(): Promise<void>;
}

export async function startHttpSite(): Promise<HttpSite> {
  const routes = new Map<string, SimpleRoute | Handler>();
  const requests: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const answer = routes.get(url.pathname + url.search) ?? routes.get(url.pathname);
    if (!answer) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><h1>Page not found</h1>');
      return;
    }
    if (typeof answer === 'function') {
      Promise.resolve(answer(req, res, url)).catch(() => res.destroy());
      return;
    }
    res.writeHead(answer.status ?? 200, answer.headers ?? { 'content-type': 'text/html; charset=utf-8' });
    res.end(answer.body ?? '');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, answer) => void routes.set(path, answer),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A JSON answer as ATS APIs send it. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): SimpleRoute {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/** An HTML answer; pass bytes to control the encoding exactly. */
export function html(body: string | Uint8Array, contentType = 'text/html; charset=utf-8', status = 200): SimpleRoute {
  return { status, headers: { 'content-type': contentType }, body };
}

export function redirect(location: string, status = 302): SimpleRoute {
  return { status, headers: { location, 'content-type': 'text/html' }, body: '' };
}

/** Headers first, then nothing for `ms`: a server that hangs mid-answer. */
export function slow(ms: number): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write('<!doctype html><html><body><p>Loading');
    const t = setTimeout(() => res.end('</p></body></html>'), ms);
    res.on('close', () => clearTimeout(t));
  };
}

/**
 * A compressed answer (Content-Encoding gzip, br or deflate) that sends the first part of its
 * compressed body and then stalls, connection open: the decompressor has data but never an end.
 */
export function stalledCompressed(encoding: 'gzip' | 'br' | 'deflate', text = '<!doctype html><p>Senior Data Engineer</p>'.repeat(2_000)): Handler {
  const compress = { gzip: gzipSync, br: brotliCompressSync, deflate: deflateSync }[encoding];
  const body = compress(Buffer.from(text));
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding });
    res.write(body.subarray(0, Math.floor(body.length / 2)));
  };
}

/** A body of `totalBytes` streamed in 64 KB chunks without a Content-Length; stops when the client leaves. */
export function endless(totalBytes: number): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    const pump = (): void => {
      while (!closed && sent < totalBytes) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!closed) res.end();
    };
    pump();
  };
}
