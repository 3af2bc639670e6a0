import { DomHandler, DomUtils, ElementType, Parser, type parseDocument } from 'htmlparser2';
import { LinkError, PAGE_LIMITS, PAGE_MESSAGES } from './limits.js';

/**
 * HTML to structured plain text: headings, paragraphs and list items ("• ") kept as blocks;
 * scripts, navigation, site header and footer, forms, cookie banners, sign-in modals and
 * "similar jobs" rails dropped. htmlparser2 only (a page parses in a few milliseconds).
 */

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlNode = HtmlDocument['children'][number];
export type HtmlElement = Parameters<typeof DomUtils.getAttributeValue>[0];

type HtmlText = Extract<HtmlNode, { data: string }>;
function isElement(node: HtmlNode): node is HtmlElement {
  return ElementType.isTag(node);
}
function isTextNode(node: HtmlNode): node is HtmlText {
  return node.type === ElementType.Text;
}
function childrenOf(node: HtmlNode): HtmlNode[] {
  return 'children' in node ? (node.children as HtmlNode[]) : [];
}

const PARSE_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } as const;

/**
 * htmlparser2's DOM builder with bounds: elements opened deeper than `keptDepth` are flattened
 * (their text joins the deepest element kept), and past `maxDepth` open elements or
 * `maxElements` in all the page is refused. Why here: htmlparser2 keeps its open-element stack
 * with unshift, so every open tag costs the depth so far (300k unclosed <div> took a minute),
 * and every walk of a DOM thousands deep overflows the call stack.
 */
class BoundedDomHandler extends DomHandler {
  /** Open elements the parser reported beyond keptDepth, not in the DOM. */
  private flattened = 0;
  private elements = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.elements > PAGE_LIMITS.maxElements) throw new LinkError('too-large', PAGE_MESSAGES.tooManyElements);
    // tagStack holds the document itself under the open elements.
    const depth = this.tagStack.length - 1;
    if (depth + this.flattened >= PAGE_LIMITS.maxDepth) throw new LinkError('too-large', PAGE_MESSAGES.tooDeep);
    if (depth < PAGE_LIMITS.keptDepth) {
      super.onopentag(name, attribs);
      return;
    }
    this.flattened++;
    // The tag is gone but its boundary still separates words.
    this.ontext(' ');
  }

  override onclosetag(): void {
    if (this.flattened > 0) {
      this.flattened--;
      this.ontext(' ');
      return;
    }
    super.onclosetag();
  }
}

/**
 * Parses a page or fragment into a DOM no deeper than PAGE_LIMITS.keptDepth; refuses (a short
 * LinkError) a page over the size, depth or element limits, in time linear in its length.
 */
export function parseHtml(html: string): HtmlDocument {
  if (html.length > PAGE_LIMITS.maxChars) throw new LinkError('too-large', PAGE_MESSAGES.tooLarge);
  const handler = new BoundedDomHandler();
  new Parser(handler, PARSE_OPTIONS).end(html);
  return handler.root;
}

/** Never content: code, media, controls. */
const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'picture', 'img', 'nav', 'form', 'select', 'input', 'textarea', 'label', 'dialog', 'head', 'link', 'meta',
]);
/** Site chrome when outside the main content; a section's own header inside <main>/<article> stays. */
const CHROME_TAGS = new Set(['header', 'footer']);
const CHROME_ROLES = /^(navigation|banner|contentinfo|dialog|alertdialog|search|complementary-nav)$/i;
/** Class and id words of page furniture that is never the posting. */
const CHROME_CLASS =
  /(^|[-_\s])(cookies?|cookie-?banner|consent|gdpr|onetrust|ot-sdk|cc-window|newsletter|breadcrumbs?|skip-?link|sr-only|visually-hidden|screen-reader-text|modal|sign-?in|sign-?up|log-?in|similar-jobs|related-jobs|more-jobs|recommended-jobs|people-also-viewed|job-alert|share-?(buttons?|links?|bar)|social-?(share|links)|site-?(header|footer|nav)|global-?(header|footer|nav)|footer|navbar)([-_\s]|$)/i;

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'blockquote', 'pre', 'address', 'figure',
  'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl', 'center', 'details', 'summary', 'fieldset', 'hr', 'body', 'html',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A button's words when it is only an action; a button that carries a fact (SEEK puts the
 * advertiser's name in one) is read like any inline text.
 */
const ACTION_BUTTON =
  /^(apply( now| for this (job|position|role))?|quick apply|easy apply|i'?m interested|save( job| this job)?|saved|share( this job)?|sign ?in|sign ?up|register|log ?in|join now|show (more|less)|see (more|less)|read more|more|less|report( this job| job)?|close|dismiss|accept( all)?( cookies)?|reject( all)?|decline|ok|got it|menu|search|next|previous|back|copy link|follow|message|×|✕)$/i;

function isChrome(el: HtmlElement, insideMain: boolean): boolean {
  const a = el.attribs;
  if (DROP_TAGS.has(el.name)) return true;
  if (el.name === 'button' || a.role === 'button') {
    const words = DomUtils.textContent(el).replace(/\s+/g, ' ').trim();
    if (words === '' || ACTION_BUTTON.test(words)) return true;
  }
  if (!insideMain && CHROME_TAGS.has(el.name)) return true;
  if ('hidden' in a || a['aria-hidden'] === 'true' && el.name !== 'span') return true;
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return true;
  if (a.role && CHROME_ROLES.test(a.role)) return true;
  const words = `${a.class ?? ''} ${a.id ?? ''}`;
  return words.trim() !== '' && CHROME_CLASS.test(words);
}

type BlockKind = 'heading' | 'para' | 'item';
interface Block {
  kind: BlockKind;
  text: string;
}

/** Collects inline text into blocks while the DOM is walked. */
class TextSink {
  readonly blocks: Block[] = [];
  private buf = '';
  private kind: BlockKind = 'para';

  text(s: string): void {
    this.buf += s;
  }
  /** Ends a definition-list term: "Location" becomes "Location:" (once). */
  endLabel(): void {
    // trimEnd, not /\s+$/: that regex is quadratic on a long run of spaces (a table of empty cells).
    this.buf = this.buf.trimEnd();
    if (this.buf !== '' && !/[:：]$/.test(this.buf)) this.buf += ':';
  }
  lineBreak(): void {
    this.buf += '\n';
  }
  flush(): void {
    const text = this.buf
      .split('\n')
      .map((l) => l.replace(/[ \t\f\r\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim())
      // A page that escaped its entities twice shows a literal "&nbsp;": nothing to read.
      .filter((l) => l !== '' && !/^(&(nbsp|#160|#xa0);?\s*)+$/i.test(l))
      .join('\n');
    this.buf = '';
    // Nothing written yet (an <li> opening straight into a <p>): the block keeps its kind.
    if (!text) return;
    this.blocks.push({ kind: this.kind, text: this.kind === 'item' ? `• ${text}` : text });
    this.kind = 'para';
  }
  start(kind: BlockKind): void {
    this.flush();
    this.kind = kind;
  }
}

function walk(node: HtmlNode, sink: TextSink, insideMain: boolean): void {
  if (isTextNode(node)) {
    sink.text(node.data.replace(/\s+/g, ' '));
    return;
  }
  if (!isElement(node)) {
    for (const child of childrenOf(node)) walk(child, sink, insideMain);
    return;
  }
  if (isChrome(node, insideMain)) return;
  const name = node.name;
  const main = insideMain || name === 'main' || name === 'article' || node.attribs.role === 'main';
  if (name === 'br') {
    sink.lineBreak();
    return;
  }
  if (HEADING_TAGS.has(name)) sink.start('heading');
  else if (name === 'li') sink.start('item');
  else if (name === 'dt') sink.start('para');
  else if (name === 'dd') sink.text(' ');
  else if (name === 'td' || name === 'th') sink.text(' ');
  else if (BLOCK_TAGS.has(name)) sink.flush();
  for (const child of childrenOf(node)) walk(child, sink, main);
  if (name === 'dt') sink.endLabel();
  else if (HEADING_TAGS.has(name) || name === 'li' || name === 'dd' || BLOCK_TAGS.has(name)) sink.flush();
}

/** Blocks of text under `root`, chrome dropped. */
export function htmlBlocks(root: HtmlDocument | HtmlElement): Block[] {
  const sink = new TextSink();
  const insideMain = root.type !== 'root' && (root as HtmlElement).name !== 'body' && (root as HtmlElement).name !== 'html';
  for (const child of root.children) walk(child, sink, insideMain);
  sink.flush();
  return sink.blocks;
}

/** Joins blocks: consecutive list items on adjacent lines, everything else one blank line apart. */
export function joinBlocks(blocks: readonly Block[]): string {
  let out = '';
  let prev: Block | null = null;
  for (const b of blocks) {
    if (prev) out += prev.kind === 'item' && b.kind === 'item' ? '\n' : '\n\n';
    out += b.text;
    prev = b;
  }
  return out;
}

/** A page or HTML fragment as structured plain text. */
export function htmlToText(input: string | HtmlDocument | HtmlElement): string {
  const root = typeof input === 'string' ? parseHtml(input) : input;
  return joinBlocks(htmlBlocks(root));
}

/** HTML that arrived entity-escaped (`&lt;p&gt;`), as Greenhouse's API sends it, made into HTML again. */
export function unescapeHtml(escaped: string): string {
  return DomUtils.textContent(parseHtml(escaped));
}

/** Whether a string holds markup rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  // [^<>]* rather than [^>]*: each try stops at the next '<', so the scan stays linear.
  return /<\/?(p|div|br|ul|ol|li|h[1-6]|span|strong|b|em|table|section)\b[^<>]*>/i.test(s);
}

export function hasClass(el: HtmlElement, cls: string): boolean {
  return (el.attribs.class ?? '').split(/\s+/).includes(cls);
}

/** Every element under `root` matching `test`, in document order. */
export function findAll(root: HtmlDocument | HtmlElement, test: (el: HtmlElement) => boolean): HtmlElement[] {
  return DomUtils.findAll(test, root.children);
}

export function findFirst(root: HtmlDocument | HtmlElement, test: (el: HtmlElement) => boolean): HtmlElement | null {
  return DomUtils.findOne(test, root.children) ?? null;
}

/** An element's text with whitespace collapsed. */
export function innerText(el: HtmlElement | HtmlDocument): string {
  return DomUtils.textContent(el).replace(/\s+/g, ' ').trim();
}

/** The page's <title>, or null. */
export function pageTitle(doc: HtmlDocument): string | null {
  const t = findFirst(doc, (el) => el.name === 'title');
  const text = t ? innerText(t) : '';
  return text || null;
}

/** The content of a <meta property|name="…"> tag, or null. */
export function metaContent(doc: HtmlDocument, key: string): string | null {
  const el = findFirst(doc, (e) => e.name === 'meta' && (e.attribs.property === key || e.attribs.name === key));
  return el?.attribs.content?.trim() || null;
}

/** Bodies of <script type="application/ld+json"> blocks. */
export function jsonLdScripts(doc: HtmlDocument): string[] {
  return findAll(doc, (el) => el.name === 'script' && /ld\+json/i.test(el.attribs.type ?? '')).map((el) => DomUtils.textContent(el));
}

/** The charset a page declares in its head, read from raw bytes (ASCII-compatible prescan). */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const direct = /<meta[^<>]+charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i.exec(head);
  return direct?.[1] ?? null;
}
