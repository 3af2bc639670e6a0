import type { APIEmbed } from 'discord-api-types/v10';
import { cutDigest, type Digest, type DigestGroup, type DigestLine } from '../../../src/alerts/digest.js';
import { cutDiscord, escapeDiscord } from './escape.js';
import { DISCORD_LIMITS, embedTextLength } from './limits.js';

const DIGEST_COLOUR = 0x2f6f9f;
/** One posting's line at most (a hostile title cannot take a whole field). */
const LINE_CHARS = 300;

function lineText(line: DigestLine): string {
  const text = cutDiscord(escapeDiscord(line.text), LINE_CHARS);
  // A masked link to the share, its URL kept out of Discord's markdown.
  return line.link && /^https:\/\/\S+$/.test(line.link) && !/[()]/.test(line.link) ? `• ${text} · [share](${line.link})` : `• ${text}`;
}

function embedFor(digest: Digest, groups: DigestGroup[], hidden: number): APIEmbed {
  const counts = new Map(digest.groups.map((g) => [g.level, g.lines.length]));
  return {
    title: cutDiscord(escapeDiscord(digest.title), DISCORD_LIMITS.title),
    description: cutDiscord(escapeDiscord(digest.summary), DISCORD_LIMITS.description),
    color: DIGEST_COLOUR,
    fields: groups.map((g) => ({ name: cutDiscord(`${escapeDiscord(g.level)} (${counts.get(g.level) ?? g.lines.length})`, DISCORD_LIMITS.fieldName), value: g.lines.map(lineText).join('\n') })),
    ...(hidden > 0 ? { footer: { text: `and ${hidden} more` } } : {}),
  };
}

/**
 * A digest as one Discord embed: a field per level (name and count) with one line per posting,
 * cut to Discord's limits (1,024 a field, 25 fields, 6,000 in all) with "and N more" below.
 */
export function renderDigestDiscord(digest: Digest): { embeds: APIEmbed[] } {
  const fits = (groups: DigestGroup[], hidden: number): boolean => {
    const embed = embedFor(digest, groups, hidden);
    const fields = embed.fields ?? [];
    return fields.length <= DISCORD_LIMITS.fields && fields.every((f) => f.value.length <= DISCORD_LIMITS.fieldValue) && embedTextLength(embed) <= DISCORD_LIMITS.totalEmbedText;
  };
  const { groups, hidden } = cutDigest(digest, fits);
  return { embeds: [embedFor(digest, groups, hidden)] };
}
