import { cutText, oneLine } from './cut.js';
import {
  emojiShortcode, emojiUnicode, payFitsOneLine, payGroupTexts, personName, placeLine, postedText, sharedBeforeText,
  sourceName, sponsorshipText, titleParts,
} from './lines.js';
import type { Card } from './types.js';

const asIs = (s: string): string => s;

export interface TextOptions {
  /** `unicode` (📄) where shortcodes are not turned into emoji, as in a bot's Discord message. */
  emoji?: 'shortcode' | 'unicode';
}

/**
 * The card as plain text (terminal, logs, the local playground, plain-text fallbacks).
 * Names stand in for mentions.
 */
export function renderCardText(card: Card, opts: TextOptions = {}): string {
  const lines: string[] = [];
  lines.push(titleParts(card, asIs).join(' · '));
  lines.push(placeLine(card, asIs));
  const pay = payGroupTexts(card, asIs);
  if (pay.length === 0) lines.push('Pay: not stated');
  else if (payFitsOneLine(pay)) lines.push(`Pay: ${pay.join(' · ')}`);
  else lines.push('Pay:', ...pay.map((p) => `  ${p}`));
  lines.push(`Sponsorship: ${sponsorshipText(card, asIs)}`);
  if (card.requirements.length === 0) lines.push('Requirements: not stated');
  else lines.push('Key requirements:', ...card.requirements.map((r) => `  • ${r}`));
  if (card.sharedBefore !== null) {
    const where = card.sharedBefore.channelId === null ? null : `#${oneLine(card.sharedBefore.channelId)}`;
    const before = sharedBeforeText(card.sharedBefore, personName(card.sharedBefore.by), where, asIs);
    lines.push(card.sharedBefore.link === null ? before : `${before}: ${oneLine(card.sharedBefore.link)}`);
  }
  if (card.link !== null) lines.push(card.link);
  const footer = [postedText(card, asIs), sourceName(card)];
  if (card.footer.sharedBy !== null) footer.push(`shared by ${personName(card.footer.sharedBy)}`);
  lines.push(footer.filter((p): p is string => p !== null).join(' · '));
  const emoji = opts.emoji === 'unicode' ? emojiUnicode(card) : emojiShortcode(card);
  lines.push(`React ${emoji} for the full posting`);
  return lines.map((l) => cutText(l, 1000)).join('\n');
}
