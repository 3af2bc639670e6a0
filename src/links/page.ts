import { cleanPosting } from '../clean/index.js';
import { detectPosting } from '../detect/index.js';
import { isUserError, type UserErrorCode } from '../errors.js';
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

/** One call of LinkWork as plain data: what the bot sends to a pool worker. */
export type LinkStep =
  | { step: 'read-page'; job: PageJob }
  | { step: 'to-posting'; read: ReadResult; canonicalUrl: string }
  | { step: 'company'; html: string; jobTitle: string | null };

interface LinkStepValues {
  'read-page': ReadResult | null;
  'to-posting': Posting;
  company: string | null;
}

/**
 * A step's answer as plain data: a worker thread's errors reach the main thread as bare Errors
 * (structured clone keeps no class or code), so a user error travels as its code and message.
 */
export type LinkStepResult<S extends LinkStep = LinkStep> =
  | { ok: true; value: LinkStepValues[S['step']] }
  | { ok: false; code: UserErrorCode; message: string; status: number | null };

function valueOf(step: LinkStep): LinkStepValues[LinkStep['step']] {
  if (step.step === 'read-page') return readPage(step.job);
  if (step.step === 'to-posting') return toPosting(step.read, step.canonicalUrl);
  return companyOfPage(step.html, step.jobTitle);
}

/** Runs one step where it is received (a pool worker): user errors become data, anything else is thrown. */
export function runLinkStep<S extends LinkStep>(step: S): LinkStepResult<S> {
  try {
    return { ok: true, value: valueOf(step) as LinkStepValues[S['step']] };
  } catch (err) {
    if (!isUserError(err)) throw err;
    return { ok: false, code: err.code, message: err.message, status: err instanceof LinkError ? err.status : null };
  }
}

/** LinkWork that sends each step through `run` (the bot's worker pool) and throws a user error as a LinkError again. */
export function linkWorkVia(run: (step: LinkStep) => Promise<LinkStepResult>): LinkWork {
  const call = async <S extends LinkStep>(step: S): Promise<LinkStepValues[S['step']]> => {
    const result = (await run(step)) as LinkStepResult<S>;
    if (!result.ok) throw new LinkError(result.code, result.message, result.status);
    return result.value;
  };
  return {
    readPage: (job) => call({ step: 'read-page', job }),
    toPosting: (read, canonicalUrl) => call({ step: 'to-posting', read, canonicalUrl }),
    companyOfPage: (html, jobTitle) => call({ step: 'company', html, jobTitle }),
  };
}
