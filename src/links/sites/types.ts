import type { FetchedBody } from '../fetch.js';
import type { ReadResult } from '../facts.js';
import type { HtmlDocument } from '../html.js';

/**
 * A site reader: which posting URLs are its own, the API that serves them as data, and how
 * that data (fetched, or saved on disk) becomes a ReadResult.
 */
export interface SiteReader {
  site: string;
  /** The API request for a posting URL, or null when the URL is not this site's. */
  match(url: URL, baseUrl?: string): SiteRequest | null;
  /** Whether a parsed JSON document is this site's API answer. */
  recognize(json: unknown): boolean;
  /** The posting in this site's JSON; `want` picks one job out of a board answer. */
  fromJson(json: unknown, want?: SiteRequest): ReadResult | null;
  /** For sites whose source is HTML (LinkedIn's guest page): whether a parsed page is theirs, and its posting. */
  recognizeHtml?(doc: HtmlDocument): boolean;
  fromHtml?(doc: HtmlDocument): ReadResult | null;
  /**
   * For answers too big to hold (a whole Ashby board for one job): a reader fed the answer
   * chunk by chunk, which says when it has what it needs; null when this request cannot stream.
   */
  streamRead?(want: SiteRequest): StreamingRead | null;
}

export interface StreamingRead {
  /** One chunk of the raw answer; true once no more is needed. */
  push(chunk: Uint8Array): boolean;
  /** The posting, once the answer ended or push said enough; null when it was not there. */
  end(): ReadResult | null;
}

export interface SiteRequest {
  /** The API URL to GET. */
  apiUrl: string;
  /** What to ask for: the ATS APIs answer JSON, LinkedIn's guest endpoint HTML. */
  accept: 'json' | 'html';
  /** An id to pick out of a list answer (Ashby's board). */
  jobId?: string;
}

/** How site readers reach the network (the one fetcher, with its options bound). */
export type Fetcher = (url: string, accept: 'json' | 'html') => Promise<FetchedBody>;
