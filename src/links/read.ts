import { decodeWithCharset } from '../decode.js';
import { compactFacts, composeText, isRecord, type ReadResult } from './facts.js';
import { htmlToText, jsonLdScripts, metaCharset, parseHtml, type HtmlDocument } from './html.js';
import { findJobPostings, parseJsonLd, readJobPosting } from './jsonld.js';
import { parseJsonBounded } from './limits.js';
import { descriptionText, readRecord } from './record.js';
import { SITE_READERS, siteOfHost, type SiteRequest } from './sites/index.js';
import { readProfiledPage } from './sites/profiles.js';
import { parseTablePaste } from './table.js';
import { readEmail } from './email.js';
import { readFrontMatter } from './front-matter.js';

export type { ReadResult } from './facts.js';

export interface ReadOptions {
  /** Where the content was saved from (only for naming; detection is by content). */
  fileName?: string;
  /** The URL the content came from: names the site, and picks one job out of a board answer. */
  url?: string;
  /** A job id to pick out of a list answer (Ashby's board). */
  jobId?: string;
}

type Kind = 'html' | 'json' | 'text';

/** What a document is, by its content: a saved page, an API answer, or plain text. */
export function sniffDocumentKind(text: string): Kind {
  const head = text.slice(0, 2048).replace(/^\ufeff/, '').trimStart();
  if (/^[{[]/.test(head)) {
    try {
      JSON.parse(text.replace(/^\ufeff/, ''));
      return 'json';
    } catch {
      return 'text';
    }
  }
  if (/^<(!doctype\s+html|html[\s>]|\?xml[^>]*>\s*<(!doctype\s+html|html))/i.test(head)) return 'html';
  // A saved fragment (LinkedIn's guest endpoint answers one): markup from the first character, with
  // closing tags; the guest answer opens with whitespace and empty comments ("<!---->").
  const markup = head.replace(/^(?:<!--[\s\S]*?-->\s*)+/, '');
  // Saved answers are cut anywhere, so any common element may come first ("<h4 class=…>").
  if (/^<(section|div|main|article|body|head|meta|p|h[1-6]|ul|ol|li|span|a|header|footer|nav|table|form|strong)[\s>]/i.test(markup) && /<\/[a-z][a-z0-9]*>/i.test(text)) return 'html';
  return 'text';
}

function toText(content: string | Uint8Array): string {
  if (typeof content === 'string') return content;
  const head = Buffer.from(content.subarray(0, 2048)).toString('latin1').trimStart();
  const charset = /^</.test(head) ? metaCharset(content) ?? '' : '';
  return decodeWithCharset(content, charset);
}

/** A parsed page as a posting: the site's own markup first, then JSON-LD, then a known board's marked fields, then the page text. */
export function readHtml(doc: HtmlDocument, url?: URL): ReadResult {
  for (const reader of SITE_READERS) {
    if (reader.recognizeHtml?.(doc)) {
      const read = reader.fromHtml?.(doc);
      if (read) return read;
    }
  }
  const site = url ? siteOfHost(url.hostname) : null;
  for (const body of jsonLdScripts(doc)) {
    const [jp] = findJobPostings(parseJsonLd(body));
    if (!jp) continue;
    const ld = readJobPosting(jp);
    // The JSON-LD description is the posting without the page around it; without one, the page text.
    const main = ld.description && ld.description.length >= 200 ? ld.description : htmlToText(doc);
    return { text: composeText(ld.facts, [main]), structured: ld.facts, site };
  }
  const profiled = readProfiledPage(doc);
  if (profiled) return profiled;
  return { text: htmlToText(doc), structured: {}, site };
}

/** An API answer as a posting, recognised by its shape; null when no reader knows it. */
export function readJson(json: unknown, want?: SiteRequest): ReadResult | null {
  for (const reader of SITE_READERS) {
    if (!reader.recognize(json)) continue;
    const read = reader.fromJson(json, want);
    if (read) return read;
  }
  // A board list saved whole (Greenhouse's ?content=true list, a Lever postings array): the one job wanted.
  const list = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.jobs) ? json.jobs : null;
  if (list && list.length > 0) {
    const wanted = want?.jobId ? list.filter((j) => isRecord(j) && String(j.id ?? '').toLowerCase() === want.jobId?.toLowerCase()) : list.length === 1 ? list : [];
    for (const job of wanted) {
      const read = readJson(job);
      if (read) return read;
    }
  }
  const [jp] = findJobPostings(json);
  if (jp) {
    const ld = readJobPosting(jp);
    return { text: composeText(ld.facts, [ld.description]), structured: ld.facts, site: null };
  }
  // A scraper's or job API's record: its keys name the facts.
  return readRecord(json);
}

/** "…\n  },\n}": the trailing commas scrapers and page models leave, which JSON does not allow. */
function withoutTrailingCommas(text: string): string {
  return text.replace(/,(\s*[}\]])/g, '$1');
}

/** JSON that is a document, or a piece cut out of one ('"jobInfoWrapperModel": { … }'). */
function parseJsonPaste(text: string): unknown {
  const t = text.replace(/^\ufeff/, '').trim();
  const candidates = /^[{[]/.test(t) ? [t, withoutTrailingCommas(t)] : /^"[^"\n]{1,80}"\s*:/.test(t) ? [`{${withoutTrailingCommas(t).replace(/,\s*$/, '')}}`] : [];
  for (const c of candidates) {
    try {
      return parseJsonBounded(c);
    } catch {
      // the next candidate, or not JSON
    }
  }
  return undefined;
}

// Markup in a paste: HTML that arrived entity-escaped, or enough closed block tags to be a page's source.
const ESCAPED_TAG = /&lt;\/?(?:p|li|ul|ol|br|div|h[1-6]|strong|b|em|span)\b/gi;
const CLOSED_BLOCK = /<\/(?:p|li|div|h[1-6]|ul|ol)>/gi;

/**
 * A pasted text that is data rather than prose: a JSON record (or a fragment of one) read by
 * its keys, or HTML (escaped or not) made into text. Null for ordinary text.
 */
export function readStructuredPaste(text: string): ReadResult | null {
  const json = parseJsonPaste(text);
  if (json !== undefined) {
    const read = readJson(json);
    if (read) return read;
  }
  // A table row under its header (CSV, TSV, Markdown): a record whose keys are the column names.
  const row = parseTablePaste(text);
  if (row !== null) {
    const read = readRecord(row);
    if (read) return read;
  }
  // A raw e-mail (transport headers, MIME parts, quoted-printable): its subject and first text part.
  const mail = readEmail(text);
  if (mail) return mail;
  // Front matter about a job ("title: … @ Company - Vaga de Emprego", "company: …") names its title and company.
  const fm = readFrontMatter(text);
  if (fm) return fm;
  // Raw tags count only in a paste that is markup from its start: in text with a few tags
  // (front matter, a template), HTML's whitespace rules would run its lines together.
  if ((text.match(ESCAPED_TAG)?.length ?? 0) >= 2 || (/^\s*</.test(text) && (text.match(CLOSED_BLOCK)?.length ?? 0) >= 3)) {
    return { text: descriptionText(text), structured: {}, site: null };
  }
  return null;
}

/** The job id a posting URL names: an ATS UUID, a Greenhouse number, or ?gh_jid=. */
function jobIdInUrl(url: URL): string | undefined {
  return /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(url.pathname)?.[0] ??
    /\/jobs\/(\d+)/.exec(url.pathname)?.[1] ??
    url.searchParams.get('gh_jid') ??
    undefined;
}

/**
 * A saved page, an API response or a plain text, read into the posting text and the facts it
 * gives as data. Detection is by content, never by file name.
 */
export function readDocument(content: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const text = toText(content);
  let url: URL | undefined;
  try {
    url = opts.url ? new URL(opts.url) : undefined;
  } catch {
    url = undefined;
  }
  const kind = sniffDocumentKind(text);
  if (kind === 'json') {
    const jobId = opts.jobId ?? (url ? jobIdInUrl(url) : undefined);
    const read = readJson(parseJsonBounded(text.replace(/^\ufeff/, '')), jobId ? { apiUrl: '', accept: 'json', jobId } : undefined);
    if (read) return read;
    return { text, structured: compactFacts({}), site: url ? siteOfHost(url.hostname) : null };
  }
  if (kind === 'html') return readHtml(parseHtml(text), url);
  const pasted = readStructuredPaste(text);
  if (pasted) return { ...pasted, site: pasted.site ?? (url ? siteOfHost(url.hostname) : null) };
  return { text, structured: {}, site: url ? siteOfHost(url.hostname) : null };
}
