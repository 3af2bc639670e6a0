/** The one mark every renderer uses where it shortened something. */
export const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `limit` UTF-16 units (what platforms count, or more), ending in "…"
 * when shortened. Never splits a surrogate pair; prefers a word boundary near the end.
 */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  if (limit <= 0) return '';
  if (limit === 1) return ELLIPSIS;
  let end = limit - 1;
  // Do not leave half of a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  let head = text.slice(0, end);
  const space = head.search(/\s\S*$/);
  // Back up to a space only when it costs little, so long words still show most of the text.
  if (space > 0 && end - space < 24) head = head.slice(0, space);
  return head.trimEnd() + ELLIPSIS;
}

/** Collapses runs of whitespace to one space: for one-line card parts. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
