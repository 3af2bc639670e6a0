import type { types } from '@slack/bolt';
import { cutSlack } from './render/escape.js';
import { SLACK_LIMITS } from './render/limits.js';

/** One Slack message as the renderers produce it: Block Kit plus the plain-text fallback. */
export interface SlackMessage {
  text: string;
  blocks: (types.KnownBlock | types.Block)[];
}

/** Below this a text element is not worth halving: drop a block instead. */
const SHORT_TEXT = 120;
/** How much of the first message's fallback text the second one repeats before "(continued)". */
const CONTINUED_HEAD = 140;

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
      return cutSlack(text, Math.ceil(text.length / 2));
    }),
  );
  const text = cutSlack(msg.text, SLACK_LIMITS.fallbackText);
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
  const head = cutSlack(msg.text, SLACK_LIMITS.fallbackText);
  return [
    { text: head, blocks: msg.blocks.slice(0, mid) },
    { text: `${cutSlack(msg.text, CONTINUED_HEAD)} (continued)`, blocks: msg.blocks.slice(mid) },
  ];
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
