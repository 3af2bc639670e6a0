import { cutText, ELLIPSIS } from '../../../src/card/cut.js';

/** Characters Discord markdown reads anywhere in a line; a backslash shows them literally. */
const INLINE_MARKUP = /[\\*_~`|<>[\]]/g;
/** Syntax that only counts at the start of a line: headings, quotes, lists, subtext. */
const LINE_START_MARKUP = /^([ \t]*)([#>+-])/gm;
/** "1." / "1)" starting a line makes a numbered list; the digit cannot be escaped, the dot can. */
const ORDERED_LIST = /^([ \t]*)(\d+)([.)])/gm;
/** @everyone / @here: a zero-width space after "@" keeps the word and loses the ping. */
const MASS_MENTION = /@(everyone|here)/gi;

/**
 * Escapes posting text for Discord markdown: no formatting, no masked links, and no mention
 * of any kind (`<@id>`, `<@&role>`, `<#chan>`, `</cmd:id>`, `<t:…>` all start with an escaped
 * `<`). Messages are also sent with allowed_mentions parse [] as a second guard.
 */
export function escapeDiscord(text: string): string {
  return text
    .replace(INLINE_MARKUP, '\\$&')
    .replace(LINE_START_MARKUP, '$1\\$2')
    .replace(ORDERED_LIST, '$1$2\\$3')
    .replace(MASS_MENTION, '@\u200b$1');
}

/** For surfaces Discord shows as plain text (embed footers, file contents): only defuse pings. */
export function defuseMentions(text: string): string {
  return text.replace(MASS_MENTION, '@\u200b$1');
}

/** Discord's own mention tokens, only for snowflake-shaped ids. */
export function discordUser(id: string | null): string | null {
  return id !== null && /^\d{15,21}$/.test(id) ? `<@${id}>` : null;
}
export function discordChannel(id: string | null): string | null {
  return id !== null && /^\d{15,21}$/.test(id) ? `<#${id}>` : null;
}

/**
 * Cuts escaped Discord text to at most `limit` UTF-16 units, ending in "…". Like every card cut
 * it never splits a surrogate pair and prefers a word boundary near the end; then it drops a
 * dangling backslash (which would escape the "…") and half a token of ours (`<@12`).
 */
export function cutDiscord(text: string, limit: number): string {
  const cut = cutText(text, limit);
  if (cut === text || !cut.endsWith(ELLIPSIS)) return cut;
  let head = cut.slice(0, -ELLIPSIS.length);
  // Each repair can expose another at the new end, so repeat until none applies.
  for (let prev = ''; prev !== head; ) {
    prev = head;
    // Our own tokens are unescaped "<…>"; drop a half-written one.
    head = head.replace(/(^|[^\\])<[^>]*$/, '$1').trimEnd();
    // An odd run of trailing backslashes means the last one escapes nothing now.
    const run = /\\+$/.exec(head)?.[0].length ?? 0;
    if (run % 2 === 1) head = head.slice(0, -1);
  }
  return head + ELLIPSIS;
}
