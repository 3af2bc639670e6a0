import type { APIEmbed } from 'discord-api-types/v10';

/** Discord's message and embed limits (developer docs; ../shared/notes/platform-testing.md). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Across every embed of one message; discord.js checks fields one by one, not this. */
  totalEmbedText: 6000,
} as const;

/** The characters Discord counts toward the 6000 total for one embed. */
export function embedTextLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += embed.footer?.text.length ?? 0;
  total += embed.author?.name.length ?? 0;
  for (const f of embed.fields ?? []) total += f.name.length + f.value.length;
  return total;
}

export function embedsTextLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, e) => sum + embedTextLength(e), 0);
}
