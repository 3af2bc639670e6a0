import { cleanPosting } from '../clean/index.js';
import { detectPosting } from '../detect/index.js';
import { extractPosting } from '../extract/index.js';
import type { Posting } from '../posting.js';
import { companyFromPageTitle, type ReadResult } from './facts.js';
import { metaContent, pageTitle, parseHtml } from './html.js';
import { LINK_MESSAGES, LinkError, parseJsonBounded } from './limits.js';
import { readDocument, readHtml, readJson } from './read.js';
import type { SiteRequest } from './sites/types.js';

/**
 * The pure end of a link read: a fetched body becomes a ReadResult, a ReadResult a Posting.
 * No I/O and plain data in and out, so the bot can run these in its worker pool (with the
 * pool's time limit) and the CLI in-process; every parse is bounded (see limits.ts).
 */

/** A fetched body and what it was fetched as. */
export interface PageJob {
  /** The body, decoded. */
  text: string;
  /** The URL that answered, after redirects. */
  url: string;
  /** Set when the body is a site API's answer (read by that site's reader); absent for a page read by its content. */
  request?: SiteRequest;
}

/** A fetched body as a posting's text and facts; null when a site API answered with no posting in a shape we know. */
export function readPage(job: PageJob): ReadResult | null {
  if (!job.request) return readDocument(job.text, { url: job.url });
  if (job.request.accept === 'html') return readHtml(parseHtml(job.text));
  let json: unknown;
  try {
    json = parseJsonBounded(job.text);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    // Some APIs answer an error page with a 200: no posting, as with an unknown shape.
    return null;
  }
  return readJson(json, job.request);
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

/** The company a hosted job page's title names (Lever's and Ashby's APIs never do), or null. */
export function companyOfPage(html: string, jobTitle: string | null): string | null {
  const doc = parseHtml(html);
  return companyFromPageTitle(metaContent(doc, 'og:title') ?? pageTitle(doc), jobTitle, null) ??
    companyFromPageTitle(pageTitle(doc), jobTitle, null);
}

/**
 * Where a link reader runs the CPU work of a read: in-process by default; the bot passes one
 * that sends each call to its worker pool. A UserError thrown here must reach the caller as one.
 */
export interface LinkWork {
  readPage(job: PageJob): Promise<ReadResult | null>;
  toPosting(read: ReadResult, canonicalUrl: string): Promise<Posting>;
  companyOfPage(html: string, jobTitle: string | null): Promise<string | null>;
}

export const inProcessLinkWork: LinkWork = {
  readPage: async (job) => readPage(job),
  toPosting: async (read, canonicalUrl) => toPosting(read, canonicalUrl),
  companyOfPage: async (html, jobTitle) => companyOfPage(html, jobTitle),
};
