import { ELLIPSIS } from '../../../src/card/cut.js';

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

/**
 * Cuts already-escaped Slack text to `limit`, ending in "…", without leaving half an entity
 * (`&am`) or half a token of ours (`<@U12`). Never splits a surrogate pair.
 */
export function cutSlack(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let head = text.slice(0, Math.max(0, limit - 1));
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  head = head.replace(/&[a-z]*$/, '').replace(/<[^>]*$/, '');
  return head.trimEnd() + ELLIPSIS;
}
