import type { LinkReader } from '../desk/desk.js';
import { errorMessage, UserError } from '../errors.js';
import type { Posting } from '../posting.js';
import { canonicalizeUrl, looksLikeJobLink } from './canonical.js';
import type { ReadResult } from './facts.js';
import { FETCH_DEFAULTS, fetchLink, LINK_MESSAGES, LinkError, parseLink, type FetchedBody, type FetchOptions } from './fetch.js';
import { inProcessLinkWork, type LinkWork } from './page.js';
import { boardTokenInPage, greenhouse, greenhouseApiUrl, greenhouseJobIdOf, GREENHOUSE_API } from './sites/greenhouse.js';
import { SITE_READERS, type SiteName, type SiteReader, type SiteRequest } from './sites/index.js';

export { canonicalizeUrl, looksLikeJobLink } from './canonical.js';
export { readDocument } from './read.js';
export { companyOfPage, inProcessLinkWork, linkWorkVia, readPage, runLinkStep, toPosting, type LinkStep, type LinkStepResult, type LinkWork, type PageJob } from './page.js';
export type { LinkReader } from '../desk/desk.js';

/** Postings read from links, by canonical URL (in memory here; the store can hold it in keyv). */
export interface LinkCache {
  get(canonicalUrl: string): Promise<Posting | undefined> | Posting | undefined;
  set(canonicalUrl: string, posting: Posting): Promise<void> | void;
}

/** The store's link cache methods (src/store/types.ts), adapted when a store is passed. */
export interface LinkCacheStore {
  getLink(canonicalUrl: string): Promise<Posting | undefined>;
  putLink(canonicalUrl: string, posting: Posting, ttlMs: number): Promise<void>;
}

export interface LinkReaderOptions {
  /** JOBCARD_ALLOW_PRIVATE_URLS, read from the environment by the caller. */
  allowPrivate?: boolean;
  /** Fetcher settings (timeouts, caps, resolver, trusted origins): tests shorten and redirect them. */
  fetch?: Omit<FetchOptions, 'allowPrivate' | 'accept'>;
  /** Site API base URLs, so tests point the readers at a local server. */
  baseUrls?: Partial<Record<SiteName, string>>;
  cache?: LinkCache;
  store?: LinkCacheStore;
  cacheTtlMs?: number;
  /** Least time between two requests to LinkedIn (default 2 s): it rate-limits hard. */
  linkedInIntervalMs?: number;
  /** How long to leave LinkedIn alone after a 429 when it gives no Retry-After (default 10 min). */
  linkedInCooldownMs?: number;
  now?: () => number;
  /**
   * One deadline for a whole read, from the first request to the parsed posting: redirects, a
   * site API and the page behind it, parsing. Default: the fetcher's timeout (10 s).
   */
  deadlineMs?: number;
  /** Where parsing, cleaning and extracting run (the bot's worker pool); in-process by default. */
  work?: LinkWork;
  /** Gets one line per link that could not be read (its host, the error code, how long it took). */
  log?: LinkLog;
}

export interface LinkLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const DEFAULT_CACHE_TTL_MS = 24 * 60 * 60 * 1000;
// A streamed answer (an Ashby board) is not held, so its cap is about time on the wire, not memory.
const STREAM_MAX_BYTES = 64 * 1024 * 1024;
const SITES_WITHOUT_COMPANY: ReadonlySet<string> = new Set(['lever', 'ashby']);

/** A bounded in-memory cache with a time to live. */
export function memoryLinkCache(ttlMs = DEFAULT_CACHE_TTL_MS, maxEntries = 500, now: () => number = Date.now): LinkCache {
  const entries = new Map<string, { posting: Posting; at: number }>();
  return {
    get(url) {
      const hit = entries.get(url);
      if (!hit) return undefined;
      if (now() - hit.at > ttlMs) {
        entries.delete(url);
        return undefined;
      }
      return hit.posting;
    },
    set(url, posting) {
      entries.delete(url);
      entries.set(url, { posting, at: now() });
      // Oldest first out: Map keeps insertion order.
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}

function storeCache(store: LinkCacheStore, ttlMs: number): LinkCache {
  return { get: (url) => store.getLink(url), set: (url, posting) => store.putLink(url, posting, ttlMs) };
}

/** Keeps LinkedIn requests spaced out and stops them entirely for a while after a 429. */
class Politeness {
  private nextAt = 0;
  private blockedUntil = 0;
  constructor(
    private readonly intervalMs: number,
    private readonly cooldownMs: number,
    private readonly now: () => number,
  ) {}

  async turn(): Promise<void> {
    if (this.now() < this.blockedUntil) throw new LinkError('fetch-failed', 'LinkedIn is limiting requests right now; try again in a few minutes.');
    const wait = this.nextAt - this.now();
    this.nextAt = Math.max(this.now(), this.nextAt) + this.intervalMs;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  rateLimited(retryAfterMs: number | null): void {
    this.blockedUntil = this.now() + (retryAfterMs ?? this.cooldownMs);
  }
}

/** The LinkReader the Desk and the CLI use: canonical URL, cache, best source, clean, extract. */
export function createLinkReader(opts: LinkReaderOptions = {}): LinkReader {
  const ttl = opts.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const now = opts.now ?? Date.now;
  const cache = opts.cache ?? (opts.store ? storeCache(opts.store, ttl) : memoryLinkCache(ttl, 500, now));
  const inFlight = new Map<string, Promise<Posting>>();
  const linkedIn = new Politeness(opts.linkedInIntervalMs ?? 2_000, opts.linkedInCooldownMs ?? 10 * 60_000, now);
  const deadlineMs = opts.deadlineMs ?? FETCH_DEFAULTS.timeoutMs;
  const work = opts.work ?? inProcessLinkWork;

  const get = (url: string, accept: FetchOptions['accept'], signal: AbortSignal, extra: Pick<FetchOptions, 'onChunk' | 'maxBytes'> = {}): Promise<FetchedBody> =>
    fetchLink(url, { ...opts.fetch, ...extra, allowPrivate: opts.allowPrivate ?? false, signal, ...(accept ? { accept } : {}) });

  async function viaSite(reader: SiteReader, request: SiteRequest, signal: AbortSignal): Promise<ReadResult> {
    if (reader.site === 'linkedin') await linkedIn.turn();
    const accept: FetchOptions['accept'] = request.accept === 'json' ? ['json', 'text'] : ['html', 'text'];
    const stream = reader.streamRead?.(request) ?? null;
    let body: FetchedBody;
    try {
      // Some APIs label JSON as text/plain; the reader parses it either way. A streaming reader
      // holds only what it needs, so the answer may be larger than a page.
      body = stream
        ? await get(request.apiUrl, accept, signal, { onChunk: (chunk) => stream.push(chunk), maxBytes: Math.max(opts.fetch?.maxBytes ?? 0, STREAM_MAX_BYTES) })
        : await get(request.apiUrl, accept, signal);
    } catch (err) {
      if (reader.site === 'linkedin' && err instanceof LinkError && (err.status === 429 || err.status === 999)) linkedIn.rateLimited(err.retryAfterMs);
      throw err;
    }
    // A streamed answer was read as it arrived, here; everything else is parsed by the page worker.
    const read = stream ? stream.end() : await work.readPage({ text: body.text, url: body.url, request });
    // An ATS that answers with an empty board or an unknown shape: the posting is gone.
    if (!read) throw new LinkError('not-found', LINK_MESSAGES.notFound);
    return { ...read, site: reader.site };
  }

  /** The page itself; a company careers page with ?gh_jid= goes to Greenhouse's API when its board is named. */
  async function viaPage(url: URL, signal: AbortSignal): Promise<ReadResult> {
    const page = await get(url.href, ['html', 'json', 'text'], signal);
    const finalUrl = new URL(page.url);
    if (finalUrl.href !== url.href) {
      const redirected = siteRequest(finalUrl);
      if (redirected) return viaSite(redirected.reader, redirected.request, signal);
    }
    const ghJid = greenhouseJobIdOf(url) ?? greenhouseJobIdOf(finalUrl);
    if (ghJid && page.kind === 'html') {
      const board = boardTokenInPage(page.text);
      if (board) {
        try {
          return await viaSite(greenhouse, { apiUrl: greenhouseApiUrl(board, ghJid, opts.baseUrls?.greenhouse ?? GREENHOUSE_API), accept: 'json' }, signal);
        } catch (err) {
          // The page is still there to read, unless the time is up.
          if (signal.aborted) throw err;
        }
      }
    }
    const read = await work.readPage({ text: page.text, url: page.url });
    if (!read) throw new LinkError('no-posting-at-link', LINK_MESSAGES.noPosting);
    return read;
  }

  function siteRequest(url: URL): { reader: SiteReader; request: SiteRequest } | null {
    for (const reader of SITE_READERS) {
      const request = reader.match(url, opts.baseUrls?.[reader.site as SiteName]);
      if (request) return { reader, request };
    }
    return null;
  }

  async function readFresh(url: URL, canonical: string, signal: AbortSignal): Promise<Posting> {
    const target = siteRequest(url);
    let read: ReadResult;
    if (target) {
      try {
        read = await viaSite(target.reader, target.request, signal);
      } catch (err) {
        // Gone is gone, a rate-limited LinkedIn must not be asked again through the page, and
        // a read out of time stays out of time.
        if (!(err instanceof UserError) || err.code === 'not-found' || target.reader.site === 'linkedin' || signal.aborted) throw err;
        read = await viaPage(url, signal);
      }
    } else {
      read = await viaPage(url, signal);
    }
    throwIfExpired(signal);
    const posting = await work.toPosting(read, canonical);
    if (posting.company === null && target && SITES_WITHOUT_COMPANY.has(target.reader.site)) {
      const company = await companyFromHostedPage(url, target.reader.site, read.structured.title ?? posting.title, signal);
      if (company) return work.toPosting({ ...read, structured: { ...read.structured, company } }, canonical);
    }
    return posting;
  }

  /** Lever's and Ashby's APIs never name the company; their hosted page's title does. */
  async function companyFromHostedPage(url: URL, site: string, jobTitle: string | null, signal: AbortSignal): Promise<string | null> {
    const base = opts.baseUrls?.[site as SiteName];
    try {
      const page = await get(base ? `${base.replace(/\/$/, '')}${url.pathname}` : url.href, ['html'], signal);
      return await work.companyOfPage(page.text, jobTitle);
    } catch {
      // The posting stands without it.
      return null;
    }
  }

  /**
   * readFresh within the one deadline: its signal ends every fetch still running, and the race
   * settles the read even when a step does not listen (a parse in the worker pool, LinkedIn's
   * politeness wait), so the in-flight entry always goes.
   */
  async function readWithinDeadline(url: URL, canonical: string): Promise<Posting> {
    const deadline = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        deadline.abort();
        reject(new LinkError('timeout', LINK_MESSAGES.timeout));
      }, deadlineMs);
    });
    try {
      const posting = await Promise.race([readFresh(url, canonical, deadline.signal), expired]);
      await cache.set(canonical, posting);
      return posting;
    } finally {
      clearTimeout(timer);
    }
  }

  function logFailure(url: URL, err: unknown, startedAt: number): void {
    const fields = { host: url.hostname, ms: Math.round(performance.now() - startedAt) };
    if (err instanceof UserError && err.code !== 'timeout') opts.log?.info({ ...fields, code: err.code }, 'link not read');
    else if (err instanceof UserError) opts.log?.warn({ ...fields, code: err.code }, 'link read timed out');
    else opts.log?.warn({ ...fields, err: errorMessage(err) }, 'link read failed');
  }

  return {
    canonicalize: canonicalizeUrl,
    looksLikeJobLink,
    async read(raw: string): Promise<Posting> {
      const url = parseLink(raw);
      const canonical = canonicalizeUrl(url.href);
      const cached = await cache.get(canonical);
      if (cached) return cached;
      // The same link shared twice at once is fetched once.
      const pending = inFlight.get(canonical);
      if (pending) return pending;
      const startedAt = performance.now();
      const reading = readWithinDeadline(url, canonical);
      inFlight.set(canonical, reading);
      // Settled one way or the other (the deadline sees to it), the entry goes: a later share fetches afresh.
      reading.then(
        () => inFlight.delete(canonical),
        (err: unknown) => {
          inFlight.delete(canonical);
          logFailure(url, err, startedAt);
        },
      );
      return reading;
    },
  };
}

function throwIfExpired(signal: AbortSignal): void {
  if (signal.aborted) throw new LinkError('timeout', LINK_MESSAGES.timeout);
}
