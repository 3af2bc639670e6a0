import { cleanPosting } from '../clean/index.js';
import type { LinkReader } from '../desk/desk.js';
import { detectPosting } from '../detect/index.js';
import { UserError } from '../errors.js';
import { extractPosting } from '../extract/index.js';
import type { Posting } from '../posting.js';
import { canonicalizeUrl, looksLikeJobLink } from './canonical.js';
import { companyFromPageTitle, type ReadResult } from './facts.js';
import { fetchLink, LINK_MESSAGES, LinkError, parseLink, type FetchedBody, type FetchOptions } from './fetch.js';
import { metaContent, pageTitle, parseHtml } from './html.js';
import { readDocument, readHtml, readJson } from './read.js';
import { boardTokenInPage, greenhouse, greenhouseApiUrl, greenhouseJobIdOf, GREENHOUSE_API } from './sites/greenhouse.js';
import { SITE_READERS, type SiteName, type SiteReader, type SiteRequest } from './sites/index.js';

export { canonicalizeUrl, looksLikeJobLink } from './canonical.js';
export { readDocument } from './read.js';
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
}

const DEFAULT_CACHE_TTL_MS = 24 * 60 * 60 * 1000;
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

  const get = (url: string, accept: FetchOptions['accept']): Promise<FetchedBody> =>
    fetchLink(url, { ...opts.fetch, allowPrivate: opts.allowPrivate ?? false, ...(accept ? { accept } : {}) });

  async function viaSite(reader: SiteReader, request: SiteRequest): Promise<ReadResult> {
    if (reader.site === 'linkedin') await linkedIn.turn();
    let body: FetchedBody;
    try {
      // Some APIs label JSON as text/plain; the reader parses it either way.
      body = await get(request.apiUrl, request.accept === 'json' ? ['json', 'text'] : ['html', 'text']);
    } catch (err) {
      if (reader.site === 'linkedin' && err instanceof LinkError && (err.status === 429 || err.status === 999)) linkedIn.rateLimited(err.retryAfterMs);
      throw err;
    }
    const read = request.accept === 'html' ? readHtml(parseHtml(body.text)) : readJson(safeJson(body.text), request);
    // An ATS that answers with an empty board or an unknown shape: the posting is gone.
    if (!read) throw new LinkError('not-found', LINK_MESSAGES.notFound);
    return { ...read, site: reader.site };
  }

  /** The page itself; a company careers page with ?gh_jid= goes to Greenhouse's API when its board is named. */
  async function viaPage(url: URL): Promise<ReadResult> {
    const page = await get(url.href, ['html', 'json', 'text']);
    const finalUrl = new URL(page.url);
    if (finalUrl.href !== url.href) {
      const redirected = siteRequest(finalUrl);
      if (redirected) return viaSite(redirected.reader, redirected.request);
    }
    const ghJid = greenhouseJobIdOf(url) ?? greenhouseJobIdOf(finalUrl);
    if (ghJid && page.kind === 'html') {
      const board = boardTokenInPage(page.text);
      if (board) {
        try {
          return await viaSite(greenhouse, { apiUrl: greenhouseApiUrl(board, ghJid, opts.baseUrls?.greenhouse ?? GREENHOUSE_API), accept: 'json' });
        } catch {
          // The page is still there to read.
        }
      }
    }
    return readDocument(page.text, { url: page.url });
  }

  function siteRequest(url: URL): { reader: SiteReader; request: SiteRequest } | null {
    for (const reader of SITE_READERS) {
      const request = reader.match(url, opts.baseUrls?.[reader.site as SiteName]);
      if (request) return { reader, request };
    }
    return null;
  }

  async function readFresh(url: URL, canonical: string): Promise<Posting> {
    const target = siteRequest(url);
    let read: ReadResult;
    if (target) {
      try {
        read = await viaSite(target.reader, target.request);
      } catch (err) {
        // Gone is gone, and a rate-limited LinkedIn must not be asked again through the page.
        if (!(err instanceof UserError) || err.code === 'not-found' || target.reader.site === 'linkedin') throw err;
        read = await viaPage(url);
      }
    } else {
      read = await viaPage(url);
    }
    const posting = toPosting(read, canonical);
    if (posting.company === null && target && SITES_WITHOUT_COMPANY.has(target.reader.site)) {
      const company = await companyFromHostedPage(url, target.reader.site, read.structured.title ?? posting.title);
      if (company) return toPosting({ ...read, structured: { ...read.structured, company } }, canonical);
    }
    return posting;
  }

  /** Lever's and Ashby's APIs never name the company; their hosted page's title does. */
  async function companyFromHostedPage(url: URL, site: string, jobTitle: string | null): Promise<string | null> {
    const base = opts.baseUrls?.[site as SiteName];
    try {
      const page = await get(base ? `${base.replace(/\/$/, '')}${url.pathname}` : url.href, ['html']);
      const doc = parseHtml(page.text);
      return companyFromPageTitle(metaContent(doc, 'og:title') ?? pageTitle(doc), jobTitle, null) ??
        companyFromPageTitle(pageTitle(doc), jobTitle, null);
    } catch {
      // The posting stands without it.
      return null;
    }
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
      const work = readFresh(url, canonical)
        .then(async (posting) => {
          await cache.set(canonical, posting);
          return posting;
        })
        .finally(() => inFlight.delete(canonical));
      inFlight.set(canonical, work);
      return work;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Structured facts and text become a Posting; a page with neither facts nor a posting's text is refused. */
export function toPosting(read: ReadResult, canonicalUrl: string): Posting {
  const cleaned = cleanPosting(read.text).text;
  const hasFacts = Boolean(read.structured.title);
  if (!hasFacts && (cleaned.length < 200 || !detectPosting(cleaned).isPosting)) {
    throw new LinkError('no-posting-at-link', LINK_MESSAGES.noPosting);
  }
  return extractPosting(cleaned, { structured: read.structured, source: { kind: 'link', url: canonicalUrl, site: read.site } });
}
