import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import {
  emojiUnicode, payFitsOneLine, payGroupTexts, personName, placeLine, postedText, sharedBeforeText,
  sourceName, sponsorshipText, titleParts,
} from '../../../src/card/lines.js';
import type { Card, PersonRef } from '../../../src/card/types.js';
import { cutDiscord, defuseMentions, discordChannel, discordUser, escapeDiscord } from './escape.js';
import { DISCORD_LIMITS, embedsTextLength } from './limits.js';

/**
 * Budgets per part, adding up to well under the 6000 Discord allows across a message's
 * embeds (title 256 + description 1500 + fields 3 × ~1040 + footer 600 ≈ 5500).
 */
const BUDGET = {
  descriptionLine: 600,
  description: 1500,
  footer: 600,
} as const;

const CARD_COLOUR = 0x2b6cb0;

export interface DiscordCardMessage {
  embeds: APIEmbed[];
  allowed_mentions: { parse: [] };
}

function person(p: PersonRef): string {
  return (p.platform === 'discord' ? discordUser(p.id) : null) ?? escapeDiscord(personName(p));
}

function description(card: Card): string {
  const lines: string[] = [];
  const company = card.title.company === null ? null : `**${escapeDiscord(card.title.company)}**`;
  const level = card.title.level === null ? null : escapeDiscord(card.title.level);
  const head = [company, level].filter((p): p is string => p !== null).join(' · ');
  if (head !== '') lines.push(head);
  lines.push(placeLine(card, escapeDiscord));
  if (card.footer.sharedBy !== null) lines.push(`Shared by ${person(card.footer.sharedBy)}`);
  const before = card.sharedBefore;
  if (before !== null) {
    const where = before.by.platform === 'discord' ? discordChannel(before.channelId) : null;
    let text = `🔁 ${sharedBeforeText(before, person(before.by), where, escapeDiscord)}`;
    if (before.link !== null && /^https?:\/\/[^\s()]+$/.test(before.link)) text += ` · [see the first share](${before.link})`;
    lines.push(text);
  }
  return cutDiscord(lines.map((l) => cutDiscord(l, BUDGET.descriptionLine)).join('\n'), BUDGET.description);
}

function fields(card: Card): APIEmbedField[] {
  const pay = payGroupTexts(card, escapeDiscord);
  const payValue = pay.length === 0 ? 'not stated' : payFitsOneLine(pay) ? pay.join(' · ') : pay.map((p) => `• ${p}`).join('\n');
  const reqValue = card.requirements.length === 0
    ? 'not stated'
    : card.requirements.map((r) => `• ${escapeDiscord(r)}`).join('\n');
  const list: APIEmbedField[] = [
    { name: 'Pay', value: payValue },
    { name: 'Sponsorship', value: sponsorshipText(card, escapeDiscord, (q) => `*${q}*`) },
    { name: card.requirements.length === 0 ? 'Requirements' : 'Key requirements', value: reqValue },
  ];
  return list.map((f) => ({
    name: cutDiscord(f.name, DISCORD_LIMITS.fieldName),
    value: cutDiscord(f.value, DISCORD_LIMITS.fieldValue),
    inline: false,
  }));
}

function footer(card: Card): string {
  // Footers show plain text: no markdown to escape, and mentions there never render.
  const parts = [postedText(card, (s) => s), sourceName(card), `react ${emojiUnicode(card)} for the full posting`];
  return cutDiscord(defuseMentions(parts.filter((p): p is string => p !== null).join(' · ')), BUDGET.footer);
}

/** The card as one Discord embed, within every embed limit and the 6000 total; pings nobody. */
export function renderCardDiscord(card: Card): DiscordCardMessage {
  const title = titleParts(card, escapeDiscord)[0] ?? 'Job posting';
  const embed: APIEmbed = {
    title: cutDiscord(title, DISCORD_LIMITS.title),
    description: description(card),
    color: CARD_COLOUR,
    fields: fields(card),
    footer: { text: footer(card) },
  };
  if (card.link !== null && card.link.length <= 2000) embed.url = card.link;
  const embeds = [embed];
  // The budgets make this unreachable; it stays as the last guard of the 6000 total.
  if (embedsTextLength(embeds) > DISCORD_LIMITS.totalEmbedText) embed.fields = embed.fields?.slice(0, 2);
  return { embeds, allowed_mentions: { parse: [] } };
}
