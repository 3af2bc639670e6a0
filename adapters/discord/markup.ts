import type { Message } from 'discord.js';

/**
 * Discord markup that is not the posting's own text, as [pattern, replacement] pairs:
 * links wrapped in <…> to suppress their preview, custom emoji, and timestamps.
 */
const UNWRAP: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/<(https?:\/\/[^\s>]+)>/g, (_m, url) => url ?? ''],
  [/<a?:(\w+):\d+>/g, (_m, name) => `:${name ?? ''}:`],
  [/<t:(-?\d+)(?::[tTdDfFR])?>/g, (_m, secs) => new Date(Number(secs) * 1000).toISOString().slice(0, 10)],
];

/** Plain text of a message: mentions as @names (cleanContent), then the rest of the markup unwrapped. */
export function messageText(message: Pick<Message, 'cleanContent'>): string {
  return unwrapMarkup(message.cleanContent);
}

export function unwrapMarkup(text: string): string {
  let out = text;
  for (const [pattern, replace] of UNWRAP) out = out.replace(pattern, replace);
  return out;
}

/** Slack-style shortcodes in the Desk's notices and help; Discord shows them literally in bot messages. */
const SHORTCODES: Readonly<Record<string, string>> = {
  page_facing_up: '📄',
  warning: '⚠️',
  mag: '🔍',
  repeat: '🔁',
};

/** Desk text (notices, help) for a Discord message: shortcodes as emoji. */
export function deskTextForDiscord(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => SHORTCODES[name] ?? whole);
}
