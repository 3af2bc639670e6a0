import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';
import { decodeWithCharset } from '../decode.js';
import { metaCharset } from './html.js';
import { UserError } from '../errors.js';
import { LINK_MESSAGES, LinkError } from './limits.js';
import { pinnedLookup, vetHost, warnPrivateAllowedOnce, type Resolver } from './ssrf.js';

export { LINK_MESSAGES, LinkError } from './limits.js';
export { metaCharset } from './html.js';

/**
 * The one fetcher of the project. Every hop of a redirect chain is parsed, its host resolved
 * and vetted by the SSRF guard, and the socket pinned to the vetted address; timeouts and the
 * body cap make sure a bad link ends in a short UserError, never a hang.
 */

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 5_000,
  timeoutMs: 10_000,
  maxRedirects: 5,
  maxBytes: 3 * 1024 * 1024,
} as const;

// A current desktop Chrome: some careers sites serve a stripped page (or nothing) to unknown agents.
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export type BodyKind = 'html' | 'json' | 'text';

export interface FetchOptions {
  /** JOBCARD_ALLOW_PRIVATE_URLS, read by the caller. */
  allowPrivate?: boolean;
  resolver?: Resolver;
  connectTimeoutMs?: number;
  /** The whole exchange, redirects and body included. */
  timeoutMs?: number;
  maxRedirects?: number;
  maxBytes?: number;
  /** What the caller wants back: sent as Accept, and the kinds a response may be. */
  accept?: readonly BodyKind[];
  headers?: Record<string, string>;
  /**
   * Streams the body to this callback instead of keeping it (a board of megabytes read for one
   * job): it returns true to stop reading. The answer's `text` is then empty; maxBytes still
   * caps what is read.
   */
  onChunk?: (chunk: Uint8Array) => boolean;
  /**
   * Origins (`http://host:port`) exempt from the private-address check, still resolved once
   * and pinned: a local ATS mirror in development, the loopback stand-in site in tests.
   */
  trustedOrigins?: readonly string[];
  /** The caller's own deadline (one for a whole link read): aborting it ends this fetch as a timeout too. */
  signal?: AbortSignal;
  log?: { warn(obj: object, msg: string): void };
}

export interface FetchedBody {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  kind: BodyKind;
  contentType: string;
  charset: string;
  text: string;
}


const ACCEPT_HEADER: Record<BodyKind, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9',
  json: 'application/json',
  text: 'text/plain;q=0.8',
};

// Paths a site redirects to when it wants a signed-in user.
const LOGIN_PATH = /(^|\/)(login|log-in|signin|sign-in|sign_in|authwall|auth|sso|uas\/login|account\/login|checkpoint)(\/|$|\?)/i;

/** Parses a link as a user typed it; only http and https. */
export function parseLink(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LinkError('bad-url', LINK_MESSAGES.badUrl);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LinkError('unsupported-scheme', LINK_MESSAGES.unsupportedScheme);
  }
  if (url.username || url.password) throw new LinkError('bad-url', LINK_MESSAGES.badUrl);
  return url;
}

/** GET a link, following up to maxRedirects redirects, each vetted. Throws LinkError. */
export async function fetchLink(raw: string, opts: FetchOptions = {}): Promise<FetchedBody> {
  const o: ResolvedOptions = { ...FETCH_DEFAULTS, ...stripUndefined(opts) };
  const accept = opts.accept ?? ['html', 'json', 'text'];
  if (opts.allowPrivate) warnPrivateAllowedOnce(opts.log);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([controller.signal, opts.signal]) : controller.signal;
  const seen = new Set<string>();
  try {
    let url = parseLink(raw);
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const res = await fetchOnce(url, accept, o, signal);
      if (res.location !== null) {
        if (hop >= o.maxRedirects) throw new LinkError('fetch-failed', LINK_MESSAGES.tooManyRedirects);
        let next: URL;
        try {
          next = parseLink(new URL(res.location, url).href);
        } catch (err) {
          // A redirect to javascript:, file: or garbage is the site's fault, but it still ends here.
          throw err instanceof LinkError ? err : new LinkError('fetch-failed', LINK_MESSAGES.failed);
        }
        if (LOGIN_PATH.test(next.pathname) && next.href !== url.href) throw new LinkError('login-wall', LINK_MESSAGES.loginWall, res.status);
        if (seen.has(next.href)) throw new LinkError('fetch-failed', LINK_MESSAGES.redirectLoop);
        url = next;
        continue;
      }
      return { ...(res.body as Omit<FetchedBody, 'url'>), url: url.href };
    }
  } catch (err) {
    throw toLinkError(err, signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

interface HopResult {
  status: number;
  location: string | null;
  body: Omit<FetchedBody, 'url'> | null;
}

type ResolvedOptions = FetchOptions & { connectTimeoutMs: number; timeoutMs: number; maxRedirects: number; maxBytes: number };

async function fetchOnce(url: URL, accept: readonly BodyKind[], o: ResolvedOptions, signal: AbortSignal): Promise<HopResult> {
  const trusted = o.trustedOrigins?.includes(url.origin) ?? false;
  // DNS has no abort signal of its own: the whole-request deadline must still hold.
  const vetted = await untilAborted(vetHost(url.hostname, { allowPrivate: (o.allowPrivate ?? false) || trusted, ...(o.resolver ? { resolver: o.resolver } : {}) }), signal);
  const agent = new Agent({
    connect: { timeout: o.connectTimeoutMs, lookup: pinnedLookup(vetted) },
    headersTimeout: o.timeoutMs,
    bodyTimeout: o.timeoutMs,
    // One socket per hop and no reuse: the next hop is vetted afresh.
    pipelining: 0,
  });
  try {
    const res = await request(url, {
      method: 'GET',
      dispatcher: agent,
      signal,
      headers: {
        'user-agent': BROWSER_USER_AGENT,
        'accept-language': 'en-US,en;q=0.9',
        accept: `${accept.map((k) => ACCEPT_HEADER[k]).join(',')},*/*;q=0.1`,
        'accept-encoding': 'gzip, deflate, br',
        ...o.headers,
      },
    });
    const status = res.statusCode;
    const header = (name: string): string => {
      const v = res.headers[name];
      return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
    };
    if (status >= 300 && status < 400 && status !== 304) {
      discard(res.body);
      const location = header('location');
      if (!location) throw new LinkError('fetch-failed', LINK_MESSAGES.failed, status);
      return { status, location, body: null };
    }
    if (status >= 400) {
      discard(res.body);
      throw statusError(status, header('retry-after'));
    }
    const declaredLength = Number(header('content-length'));
    if (Number.isFinite(declaredLength) && declaredLength > o.maxBytes && !header('content-encoding')) {
      discard(res.body);
      throw new LinkError('too-large', LINK_MESSAGES.tooLarge, status);
    }
    const contentType = header('content-type');
    const declaredKind = kindOfContentType(contentType);
    if (declaredKind === 'refused') {
      discard(res.body);
      throw new LinkError('no-posting-at-link', LINK_MESSAGES.noPosting, status);
    }
    if (o.onChunk) {
      const kind = declaredKind ?? 'json';
      if (!accept.includes(kind)) throw new LinkError('no-posting-at-link', LINK_MESSAGES.noPosting, status);
      await streamBody(res.body, header('content-encoding'), o.maxBytes, signal, o.onChunk);
      return { status, location: null, body: { status, kind, contentType, charset: 'utf-8', text: '' } };
    }
    const bytes = await readBody(res.body, header('content-encoding'), o.maxBytes, signal);
    const kind = declaredKind ?? sniffKind(bytes);
    if (!accept.includes(kind)) throw new LinkError('no-posting-at-link', LINK_MESSAGES.noPosting, status);
    const charset = pickCharset(contentType, bytes, kind);
    return { status, location: null, body: { status, kind, contentType, charset, text: decodeWithCharset(bytes, charset) } };
  } finally {
    agent.destroy().catch(() => undefined);
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new LinkError('timeout', LINK_MESSAGES.timeout));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new LinkError('timeout', LINK_MESSAGES.timeout));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Drops a body we will not read; the stream's abort error is expected, not a fault. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function statusError(status: number, retryAfter: string): LinkError {
  if (status === 404 || status === 410) return new LinkError('not-found', LINK_MESSAGES.notFound, status);
  if (status === 401 || status === 407) return new LinkError('login-wall', LINK_MESSAGES.loginWall, status);
  if (status === 403 || status === 451) return new LinkError('forbidden', LINK_MESSAGES.forbidden, status);
  if (status === 429 || status === 999) return new LinkError('fetch-failed', LINK_MESSAGES.rateLimited, status, parseRetryAfter(retryAfter));
  if (status === 408 || status === 504) return new LinkError('timeout', LINK_MESSAGES.timeout, status);
  return new LinkError('fetch-failed', LINK_MESSAGES.failed, status);
}

/** Retry-After as milliseconds (seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function decompressorFor(encoding: string): Transform | null {
  const e = encoding.trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return createGunzip();
  if (e === 'deflate') return createInflate();
  if (e === 'br') return createBrotliDecompress();
  return null;
}

/**
 * Reads a body, decompressed, up to maxBytes (counted after decompression, so a zip bomb stops
 * too). One pipeline: a timeout, a reset socket or corrupt compressed data ends the read with
 * an error and tears every stage down (a plain .pipe() would leave the decompressor waiting).
 */
async function readBody(body: Readable, encoding: string, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw new LinkError('too-large', LINK_MESSAGES.tooLarge);
      chunks.push(chunk);
    }
  };
  const decompressor = decompressorFor(encoding);
  await (decompressor ? pipeline(body, decompressor, collect, { signal }) : pipeline(body, collect, { signal }));
  return Buffer.concat(chunks, total);
}

/** Hands a body to `onChunk` as it arrives (after decompression), up to maxBytes; stops reading once onChunk says so. */
async function streamBody(body: Readable, encoding: string, maxBytes: number, signal: AbortSignal, onChunk: (chunk: Uint8Array) => boolean): Promise<void> {
  const enough = new Error('enough read');
  let total = 0;
  const feed = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw new LinkError('too-large', LINK_MESSAGES.tooLarge);
      if (onChunk(chunk)) throw enough;
    }
  };
  const decompressor = decompressorFor(encoding);
  try {
    await (decompressor ? pipeline(body, decompressor, feed, { signal }) : pipeline(body, feed, { signal }));
  } catch (err) {
    // Stopping early is the point, not a failure; the pipeline has closed the socket.
    if (err !== enough) throw err;
  }
}

/** The kind a Content-Type announces; null when absent or generic; 'refused' for PDFs, images and the like. */
export function kindOfContentType(contentType: string): BodyKind | 'refused' | null {
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === '' || mime === 'application/octet-stream' || mime === 'binary/octet-stream') return null;
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (mime === 'application/json' || mime === 'text/json' || mime.endsWith('+json') || mime === 'text/javascript' || mime === 'application/javascript') return 'json';
  if (mime === 'text/plain') return 'text';
  return 'refused';
}

function sniffKind(bytes: Uint8Array): BodyKind {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart();
  if (/^[{[]/.test(head)) return 'json';
  if (/^<(!doctype|html|head|body|meta|div|p|!--|\?xml)/i.test(head)) return 'html';
  return 'text';
}

/**
 * The charset to decode with: the Content-Type header, else a <meta charset> or http-equiv in
 * the first 4 KB, else '' (decodeWithCharset then goes by BOM, strict UTF-8, a detected legacy
 * charset, Windows-1252).
 */
export function pickCharset(contentType: string, bytes: Uint8Array, kind: BodyKind): string {
  const fromHeader = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader;
  if (kind === 'json') return 'utf-8'; // RFC 8259: JSON on the wire is UTF-8
  if (kind === 'html') return metaCharset(bytes) ?? '';
  return '';
}

function toLinkError(err: unknown, aborted: boolean): unknown {
  if (err instanceof UserError) return err;
  if (aborted) return new LinkError('timeout', LINK_MESSAGES.timeout);
  const code = (err as { code?: string } | null)?.code;
  // No error code: not the network's doing but ours; let it surface as an internal error.
  if (typeof code !== 'string') return err;
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return new LinkError('timeout', LINK_MESSAGES.timeout);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new LinkError('fetch-failed', "That link's site could not be found.");
  return new LinkError('fetch-failed', LINK_MESSAGES.failed);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
