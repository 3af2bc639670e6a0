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

type Embedded = Pick<Message, 'embeds'>;

/**
 * Plain text of a message: mentions as @names (cleanContent), the rest of the markup unwrapped,
 * then what it carries: a forwarded message (Discord's message_snapshots) and embeds (a link's
 * preview, or a feed's embed-only post: title, description, fields), read as part of the paste
 * of the person who posted it.
 */
export function messageText(message: Pick<Message, 'cleanContent' | 'messageSnapshots'> & Embedded): string {
  const forwarded = [...(message.messageSnapshots?.values() ?? [])].flatMap((snapshot) => [unwrapMarkup(snapshot.content ?? ''), ...embedTexts(snapshot)]);
  return [unwrapMarkup(message.cleanContent), ...forwarded, ...embedTexts(message)]
    .map((t) => t.trim())
    .filter(Boolean)
    .join('\n\n');
}

function embedTexts(message: Embedded): string[] {
  return (message.embeds ?? []).map((e) =>
    [e.author?.name, e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`)]
      .filter(Boolean)
      .map((t) => unwrapMarkup(String(t)))
      .join('\n'),
  );
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
