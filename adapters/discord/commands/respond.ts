import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { DeskReply, Place } from '../../../src/desk/types.js';
import { NO_PINGS, placeOf, type BotContext } from '../context.js';
import { removeReplies } from '../post-card.js';
import { deskTextForDiscord } from '../markup.js';
import { cutDiscord } from '../render/escape.js';
import { renderCardDiscord } from '../render/card.js';
import { DISCORD_LIMITS } from '../render/limits.js';

export function interactionPlace(interaction: RepliableInteraction): Place {
  return placeOf({ guildId: interaction.guildId, channelId: interaction.channelId ?? 'unknown', channel: interaction.channel });
}

/** Who ran the command, as the server shows them. */
export function invokerName(interaction: RepliableInteraction): string {
  const member = interaction.member;
  if (member && 'displayName' in member) return member.displayName;
  return interaction.user.displayName;
}

/** Plain text of a Desk reply other than a card, within one message. */
export function replyText(reply: Exclude<DeskReply, { kind: 'card' }>): string {
  switch (reply.kind) {
    case 'notice':
    case 'help':
      return cutDiscord(deskTextForDiscord(reply.text), DISCORD_LIMITS.content);
    case 'list':
      return cutDiscord([`**${reply.title}**`, ...reply.items.map((i) => `• ${i}`)].join('\n'), DISCORD_LIMITS.content);
    case 'full':
      return cutDiscord(reply.text, DISCORD_LIMITS.content);
  }
}

/** An answer only the invoker sees, before anything was deferred. */
export async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  await interaction.reply({ content: cutDiscord(text, DISCORD_LIMITS.content), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
}

/**
 * Finish a deferred command: a card (or a list) replaces the "thinking…" reply for everyone;
 * anything else (bad input, help) is removed and said to the invoker alone.
 */
export async function answerDeferred(ctx: BotContext, interaction: RepliableInteraction, reply: DeskReply): Promise<DeskReply['kind']> {
  if (reply.kind === 'card') {
    const sent = await interaction.editReply({ embeds: renderCardDiscord(reply.card).embeds, allowedMentions: NO_PINGS });
    await ctx.desk.rememberReply(interactionPlace(interaction), sent.id, reply.postingId);
  } else if (reply.kind === 'list') {
    await interaction.editReply({ content: replyText(reply), allowedMentions: NO_PINGS });
  } else {
    await interaction.deleteReply();
    await interaction.followUp({ content: replyText(reply), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    // `/jd forget`: the forgotten share's card and full text go too.
    if (reply.kind === 'notice' && reply.remove) await removeReplies(ctx, reply.remove);
  }
  return reply.kind;
}
