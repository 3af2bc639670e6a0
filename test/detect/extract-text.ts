/**
 * Crude text from the corpus's JSON and HTML files, for measuring the detector only: the real
 * pipeline has its own intake. JSON: every string value; HTML: the text between tags.
 */
const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITY[name.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript|svg|template)\b[\s\S]*?<\/\1>/gi, '\n')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(p|div|li|ul|ol|h[1-6]|section|article|tr|table|header|footer)\b[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}

function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
}

export function jsonToText(json: string): string {
  const out: string[] = [];
  strings(JSON.parse(json) as unknown, out);
  // ATS APIs send the description as escaped HTML inside a string.
  return out.map((s) => (/<\/?[a-z][^>]*>|&lt;/i.test(s) ? htmlToText(decodeEntities(s)) : s)).join('\n\n');
}

export function fileToText(name: string, content: string): string {
  if (name.endsWith('.json')) return jsonToText(content);
  if (name.endsWith('.html') || name.endsWith('.htm')) return htmlToText(content);
  return content;
}
