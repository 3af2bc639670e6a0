import { Events, GatewayDispatchEvents, type Message, type PartialMessage } from 'discord.js';
import { z } from 'zod';
import { describeError, logEvent, type EventOutcome } from '../../../src/log.js';
import { once, placeOf, type BotContext } from '../context.js';
import { editCard, removeReplies, replyWithCard, replyWithText } from '../post-card.js';
import type { Listener } from './listener.js';
import { deskMessage, skipReason } from './messageCreate.js';

/**
 * MESSAGE_UPDATE: a message edited into a posting gets its card; an edited posting's card is
 * edited in place; a posting edited into chat loses its card. Discord also sends an update when
 * it adds a link's preview (embeds) to a message; such an update leaves `edited_timestamp`
 * unset (or as it was), and only matters to a message that had no card yet.
 */
export async function onMessageUpdate(ctx: BotContext, before: Message | PartialMessage | null, after: Message | PartialMessage): Promise<void> {
  const message = after.partial ? await after.fetch().catch(() => null) : after;
  if (!message) return;
  const skip = skipReason(ctx, message);
  if (skip) {
    ctx.log.debug({ channel: message.channelId, message: message.id, reason: skip }, 'ignored event');
    return;
  }
  const edited = message.editedTimestamp;
  const userEdit = edited !== null && edited !== (before && !before.partial ? before.editedTimestamp : undefined);
  // One key per version of the message: a replayed update is answered once, a later edit again.
  await once(ctx, `update:${message.id}:${edited ?? 'preview'}:${message.embeds.length}`, () => answerEdit(ctx, message, userEdit));
}

async function answerEdit(ctx: BotContext, message: Message, userEdit: boolean): Promise<void> {
  const startedAt = performance.now();
  let outcome: EventOutcome = 'ignored';
  try {
    const result = await ctx.desk.handleEdit(deskMessage(message), { userEdit });
    switch (result.action) {
      case 'none':
        ctx.log.debug({ channel: message.channelId, message: message.id, reason: result.reason }, 'ignored event');
        return;
      case 'post':
        if (result.reply.kind === 'card') await replyWithCard(ctx, message, result.reply);
        else if (result.reply.kind === 'notice') await replyWithText(ctx, message, result.reply.text);
        outcome = result.reply.kind;
        return;
      case 'update': {
        const stale = [];
        for (const ref of result.messages) {
          if (ref.role !== 'full' && (await editCard(ctx, ref, result.reply.card))) {
            await ctx.desk.rememberReply(placeOf(message), ref.messageId, result.reply.postingId, message.id);
          } else stale.push(ref);
        }
        // The full text of the posting as it was no longer matches it.
        await removeReplies(ctx, stale);
        outcome = 'updated';
        return;
      }
      case 'remove':
        await removeReplies(ctx, result.messages);
        outcome = 'removed';
        return;
    }
  } finally {
    logEvent(ctx.log, { platform: 'discord', kind: 'edit', outcome, startedAt, channel: message.channelId });
  }
}

export const messageUpdate: Listener<typeof Events.MessageUpdate> = {
  event: Events.MessageUpdate,
  run: onMessageUpdate,
};

/** MESSAGE_DELETE and MESSAGE_DELETE_BULK as the gateway sends them: ids only. */
const DeletePacket = z.union([
  z.object({ t: z.literal(GatewayDispatchEvents.MessageDelete), d: z.object({ id: z.string(), channel_id: z.string(), guild_id: z.string().optional() }) }),
  z.object({ t: z.literal(GatewayDispatchEvents.MessageDeleteBulk), d: z.object({ ids: z.array(z.string()), channel_id: z.string(), guild_id: z.string().optional() }) }),
]);

/**
 * A message deleted (one, or a moderator's bulk delete): the Desk forgets each share and the
 * bot's cards and full texts for it are deleted. Read from the raw packet: deletes carry only
 * ids, and discord.js drops those of a DM channel it has not cached.
 */
export async function onDeletePacket(ctx: BotContext, packet: unknown): Promise<void> {
  const parsed = DeletePacket.safeParse(packet);
  if (!parsed.success || ctx.stopping) return;
  const d = parsed.data.d;
  const ids = 'ids' in d ? d.ids : [d.id];
  const place = placeOf({ guildId: d.guild_id ?? null, channelId: d.channel_id });
  for (const id of ids) {
    await once(ctx, `delete:${d.channel_id}:${id}`, async () => {
      const startedAt = performance.now();
      let outcome: EventOutcome = 'ignored';
      try {
        const replies = await ctx.desk.handleDelete({ ...place, messageId: id });
        if (!replies) {
          ctx.log.debug({ channel: d.channel_id, message: id, reason: 'deleted message had no card' }, 'ignored event');
          return;
        }
        await removeReplies(ctx, replies);
        outcome = 'removed';
      } catch (err) {
        outcome = 'error';
        ctx.log.error({ channel: d.channel_id, err: describeError(err) }, 'handling a Discord delete failed');
      } finally {
        logEvent(ctx.log, { platform: 'discord', kind: 'delete', outcome, startedAt, channel: d.channel_id });
      }
    });
  }
}
