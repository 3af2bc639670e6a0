import { cutText, ELLIPSIS } from '../../../src/card/cut.js';

/**
 * Slack markup escaping. Slack reads only `&`, `<` and `>` as control characters; escaped,
 * nothing from a posting can become a mention (`<!channel>`, `<@U…>`), a channel link or a
 * labelled link. Every `<` left in our output is one we wrote.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's own markup tokens for people and channels, only for ids of the right shape. */
export function slackUser(id: string | null): string | null {
  return id !== null && /^[UW][A-Z0-9]{2,}$/.test(id) ? `<@${id}>` : null;
}
export function slackChannel(id: string | null): string | null {
  return id !== null && /^[CGD][A-Z0-9]{2,}$/.test(id) ? `<#${id}>` : null;
}

/** A link in Slack syntax; the URL's own `|`, `<`, `>` and `&` cannot break out of it. */
export function slackLink(url: string, label: string): string {
  const safeUrl = url.replace(/&/g, '&amp;').replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  return `<${safeUrl}|${escapeSlack(label)}>`;
}

/** What a cut may leave at its end that would show as broken markup: half an entity (`&am`), half a `<…>` token. */
const HALF_TOKEN = /&#?[a-z0-9]*$|<[^>]*$/i;

/**
 * The one cutter for Slack text: cuts already-escaped text to at most `limit` UTF-16 units
 * (what Slack counts, or more), ending in "…". Like every card cut it never splits a surrogate
 * pair and prefers a word boundary near the end; then it drops half an entity (`&am`) or half
 * a link or mention of ours (`<https://…|Lev`, `<@U12`), which Slack would show as litter.
 */
export function cutSlack(text: string, limit: number): string {
  const cut = cutText(text, limit);
  if (cut === text || !cut.endsWith(ELLIPSIS)) return cut;
  let head = cut.slice(0, -ELLIPSIS.length);
  // Dropping one half token can bare another (`&am <@U1`), so repeat until none is left.
  for (let prev = ''; prev !== head; ) {
    prev = head;
    head = head.replace(HALF_TOKEN, '').trimEnd();
  }
  return head + ELLIPSIS;
}
