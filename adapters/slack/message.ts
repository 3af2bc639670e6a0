import type { types } from '@slack/bolt';

/** One Slack message as the renderers produce it: Block Kit plus the plain-text fallback. */
export interface SlackMessage {
  text: string;
  blocks: (types.KnownBlock | types.Block)[];
}

/** Below this a text element is not worth halving: drop a block instead. */
const SHORT_TEXT = 120;

/**
 * A smaller version of a card Slack refused as too long (`msg_blocks_too_long`): halve every
 * long text element, or, when all are short already, drop the last block before the footer.
 * Null when nothing is left to take away.
 */
export function shrinkMessage(msg: SlackMessage): SlackMessage | null {
  let halved = false;
  const blocks = msg.blocks.map((block) =>
    mapTexts(block, (text) => {
      if (text.length <= SHORT_TEXT) return text;
      halved = true;
      return cutText(text, Math.ceil(text.length / 2));
    }),
  );
  const text = cutText(msg.text, Math.min(msg.text.length, 3000));
  if (halved) return { text, blocks };
  if (blocks.length <= 1) return null;
  // Keep the footer (the last block): it says who shared the posting and how to get the rest.
  const dropAt = blocks.length >= 3 ? blocks.length - 2 : blocks.length - 1;
  return { text, blocks: blocks.filter((_, i) => i !== dropAt) };
}

/**
 * Split a full-text message Slack refused into two, keeping every word: the first half of the
 * blocks, then the second. Null for a single block (shrink it instead).
 */
export function splitMessage(msg: SlackMessage): [SlackMessage, SlackMessage] | null {
  if (msg.blocks.length < 2) return null;
  const mid = Math.ceil(msg.blocks.length / 2);
  const head = cutText(msg.text, Math.min(msg.text.length, 3000));
  return [
    { text: head, blocks: msg.blocks.slice(0, mid) },
    { text: `${cutText(msg.text, Math.min(msg.text.length, 140))} (continued)`, blocks: msg.blocks.slice(mid) },
  ];
}

/** Total characters of text in a message's blocks (Slack refuses roughly 12,000 and more). */
export function blockTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  for (const block of blocks) mapTexts(block, (text) => ((total += text.length), text));
  return total;
}

/**
 * Cut text to at most `max` characters at a word boundary, never inside an entity (`&amp;`)
 * or a `<…>` span, and mark the cut with an ellipsis.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.6) cut = cut.slice(0, space);
  cut = cut.replace(/&[a-z]{0,5}$/i, '').replace(/<[^>]*$/, '');
  return `${cut.trimEnd()}…`;
}

/** Apply `fn` to every Block Kit text object (`{type: 'mrkdwn' | 'plain_text', text}`) in a value. */
function mapTexts<T>(value: T, fn: (text: string) => string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => mapTexts(v, fn)) as T;
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const isTextObject = (obj.type === 'mrkdwn' || obj.type === 'plain_text') && typeof obj.text === 'string';
  for (const [key, v] of Object.entries(obj)) {
    out[key] = isTextObject && key === 'text' ? fn(v as string) : mapTexts(v, fn);
  }
  return out as T;
}
