import { UserError, type UserErrorCode } from '../errors.js';

/**
 * What a fetched or saved page may cost to read, and the one error link reading throws. No
 * I/O here: the parsing modules (html, jsonld, read, page) import it, and they run in a
 * worker thread as well as in-process.
 */

export const PAGE_LIMITS = {
  /** Characters of HTML or JSON read at all (the fetcher already stops at 3 MB of bytes). */
  maxChars: 4_000_000,
  /** HTML elements kept nested; deeper ones are flattened into the deepest kept one. */
  keptDepth: 256,
  /**
   * Open HTML elements at once past which a page is refused: the parser's cost per tag grows
   * with it (a 3 MB page of stray closing tags under 512 open ones reads in about a second).
   */
  maxDepth: 512,
  /** HTML elements in a whole page (a heavy careers page has some 30k). */
  maxElements: 100_000,
  /** Nesting of a JSON document (an ATS answer nests about 10 deep). */
  maxJsonDepth: 200,
} as const;

/** A UserError that also tells callers the HTTP status behind it (site readers branch on it). */
export class LinkError extends UserError {
  constructor(
    code: UserErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(code, message);
  }
}

export const PAGE_MESSAGES = {
  tooLarge: 'That page is too large to read.',
  tooDeep: 'That page is too deeply nested to read.',
  tooManyElements: 'That page has too many parts to read.',
} as const;

/** What a link that cannot be read is answered with. */
export const LINK_MESSAGES = {
  notFound: 'That posting was taken down (the link answers "not found").',
  loginWall: 'That link is behind a login wall.',
  forbidden: 'That site refused to show the page to a bot.',
  timeout: 'That link took too long to answer.',
  tooLarge: PAGE_MESSAGES.tooLarge,
  noPosting: 'No job posting found at that link.',
  badUrl: "That doesn't look like a valid link.",
  unsupportedScheme: 'Only http and https links are read.',
  tooManyRedirects: 'That link redirects too many times.',
  redirectLoop: 'That link redirects in a loop.',
  rateLimited: 'That site is rate-limiting us; try again in a few minutes.',
  failed: 'That link could not be read.',
} as const;

/** How deep a parsed JSON value nests, walked with a stack of its own (never recursion); stops counting past `limit`. */
export function jsonDepth(value: unknown, limit: number = PAGE_LIMITS.maxJsonDepth): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [v, depth] = pending.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') pending.push([child, d]);
    }
  }
  return deepest;
}

/**
 * JSON.parse with the page limits: V8 parses any depth without recursion, but everything that
 * walks the result afterwards recurses, so a document nested past maxJsonDepth is refused.
 * Throws SyntaxError for text that is not JSON, LinkError('too-large') past a limit.
 */
export function parseJsonBounded(text: string): unknown {
  if (text.length > PAGE_LIMITS.maxChars) throw new LinkError('too-large', PAGE_MESSAGES.tooLarge);
  const value: unknown = JSON.parse(text);
  if (jsonDepth(value) > PAGE_LIMITS.maxJsonDepth) throw new LinkError('too-large', PAGE_MESSAGES.tooDeep);
  return value;
}
