/**
 * Crude plain text of a corpus file, for measuring pay extraction only (the real intake
 * lives elsewhere): JSON objects give their string fields, HTML pages their text nodes.
 */
const BLOCK_TAGS = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|button)\b[^>]*>/gi;

function decode(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', bull: '•' };
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, b: string) => {
    if (/^#x/i.test(b)) return String.fromCodePoint(parseInt(b.slice(2), 16));
    if (b.startsWith('#')) return String.fromCodePoint(parseInt(b.slice(1), 10));
    return named[b.toLowerCase()] ?? m;
  });
}

export function htmlToText(html: string): string {
  let s = html.replace(/<(script|style|noscript|svg)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ');
  s = s.replace(BLOCK_TAGS, '\n').replace(/<[^>]+>/g, ' ');
  s = decode(s);
  return s.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter((l) => l.length > 0).join('\n');
}

function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
}

/** JSON from an ATS: its HTML fields (decoded once or twice) as text; plain duplicates skipped. */
export function jsonToText(json: string): string {
  const out: string[] = [];
  strings(JSON.parse(json) as unknown, out);
  const parts = out.filter((s) => s.length > 2 && !/^https?:\/\//.test(s));
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const p of parts) {
    let t = p;
    for (let i = 0; i < 2 && /&lt;|&gt;|&amp;/.test(t); i++) t = decode(t);
    t = /<[a-z]/i.test(t) ? htmlToText(t) : t;
    const key = t.replace(/\s+/g, ' ').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    texts.push(t);
  }
  return texts.join('\n\n');
}
