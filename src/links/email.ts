import { decodeWithCharset } from '../decode.js';
import type { ReadResult } from './facts.js';
import { htmlToText, looksLikeHtml } from './html.js';

/**
 * A raw e-mail pasted as it was saved (recruiters' mails forwarded to a group, a mailbox export):
 * transport headers (Received, DKIM-Signature, X-…), a MIME tree, quoted-printable text. What a
 * reader sees is the Subject and the first text part, so that is the text handed on: the
 * subject first (it often names the role: "Java/Oracle Developer needed in Dallas, TX"), then
 * the body with its soft line breaks and '=92' bytes decoded in the part's charset.
 */

const MAX_HEADER_LINES = 400;
const MAX_PARTS = 20;
const MAX_DEPTH = 4;
/** The headers that only a real message has, whatever its first line. */
const TRANSPORT = /^(?:received|return-path|message-id|mime-version|dkim-signature|delivered-to|x-[\w-]+)$/i;
const FIELD = /^([A-Za-z][A-Za-z0-9-]{0,60}):[ \t]?(.*)$/;

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Headers (unfolded, names in lower case) up to the first blank line, and the rest; null when the text opens with no header block. */
function splitHeaders(text: string): Part | null {
  const lines = text.split(/\r?\n/);
  const headers = new Map<string, string>();
  let last: string | null = null;
  let i = 0;
  for (; i < lines.length && i < MAX_HEADER_LINES; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') break;
    if (/^[ \t]/.test(line) && last !== null) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) return null;
    last = (m[1] ?? '').toLowerCase();
    if (!headers.has(last)) headers.set(last, (m[2] ?? '').trim());
  }
  return { headers, body: lines.slice(i + 1).join('\n') };
}

/** A parameter of a header value: `boundary="…"`, `charset=windows-1252`. */
function param(value: string, name: string): string | null {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** Quoted-printable text as bytes, then as text in its charset ("=B7" is '·' in Windows-1252). */
function decodeQuotedPrintable(body: string, charset: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 61 /* = */ && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 128) bytes.push(c);
    else bytes.push(...Buffer.from(joined.charAt(i), 'utf8'));
  }
  return decodeWithCharset(Uint8Array.from(bytes), charset);
}

function decodeBase64(body: string, charset: string): string {
  return decodeWithCharset(Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64')), charset);
}

/** The part's text: decoded, and made text when it is HTML. */
function textOfPart(part: Part): string {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const charset = param(type, 'charset') ?? 'utf-8';
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  let text = encoding === 'quoted-printable' ? decodeQuotedPrintable(part.body, charset) : encoding === 'base64' ? decodeBase64(part.body, charset) : part.body;
  if (/^text\/html/i.test(type) || looksLikeHtml(text)) text = htmlToText(text);
  return text;
}

/** The first text part of a MIME tree: text/plain before text/html. */
function firstText(part: Part, depth = 0): string | null {
  const type = part.headers.get('content-type') ?? 'text/plain';
  if (!/^multipart\//i.test(type)) return /^text\//i.test(type) ? textOfPart(part) : null;
  const boundary = param(type, 'boundary');
  if (boundary === null || depth >= MAX_DEPTH) return null;
  const pieces = part.body.split(`--${boundary}`).slice(1, MAX_PARTS + 1);
  const parts = pieces.filter((p) => !p.startsWith('--')).map((p) => splitHeaders(p.replace(/^\r?\n/, ''))).filter((p): p is Part => p !== null);
  const ordered = [...parts.filter((p) => /^text\/plain/i.test(p.headers.get('content-type') ?? 'text/plain')), ...parts];
  for (const p of ordered) {
    const text = firstText(p, depth + 1);
    if (text !== null && text.trim().length > 0) return text;
  }
  return null;
}

/** A pasted raw e-mail as its subject and first text part; null for any other text. */
export function readEmail(text: string): ReadResult | null {
  if (!FIELD.test(text.slice(0, 200).split('\n')[0] ?? '')) return null;
  const message = splitHeaders(text);
  if (message === null || ![...message.headers.keys()].some((k) => TRANSPORT.test(k))) return null;
  const subject = (message.headers.get('subject') ?? '').replace(/^(?:(?:re|fwd?|aw|tr)\s*:\s*)+/i, '').trim();
  const body = firstText(message);
  if (body === null) return null;
  return { text: [subject, body.trim()].filter((s) => s.length > 0).join('\n\n'), structured: {}, site: null };
}
