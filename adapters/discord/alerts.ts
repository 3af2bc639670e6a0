import { ChannelType, PermissionFlagsBits, Routes } from 'discord.js';
import type { Alert, AlertDelivery, SharedPosting } from '../../src/alerts/alerts.js';
import type { Digest } from '../../src/alerts/digest.js';
import type { DigestDelivery } from '../../src/alerts/digests.js';
import { explainFilter } from '../../src/alerts/explain.js';
import type { DigestSchedule } from '../../src/alerts/memory.js';
import { describeError } from '../../src/log.js';
import { NO_PINGS, type BotContext } from './context.js';
import { renderCardDiscord } from './render/card.js';
import { renderDigestDiscord } from './render/digest.js';
import { cutDiscord, discordChannel, discordUser, escapeDiscord } from './render/escape.js';
import { DISCORD_LIMITS } from './render/limits.js';

/** The line above the card in an alert DM: which watches matched, who shared it where, and the link. */
export function alertIntro(alert: Alert): string {
  const watches = alert.watches.map((w) => `#${w.id} (${escapeDiscord(explainFilter(w.filter).replace(/^Watching: /, ''))})`).join(', ');
  const who = discordUser(alert.share.user) ?? 'someone';
  const where = discordChannel(alert.share.channel) ?? 'a channel';
  const link = alert.share.link ? `: ${alert.share.link}` : '';
  return cutDiscord(`🔔 A posting matching your watch ${watches} was shared by ${who} in ${where}${link}`, DISCORD_LIMITS.content);
}

/**
 * Whether a member of the share's server can view its channel, from the server's roles and the
 * channel's overwrites (discord.js's permissionsFor). A channel everyone may view needs only
 * membership; a private thread counts as unseen (its members are not known here).
 */
async function canView(ctx: BotContext, user: string, share: SharedPosting): Promise<boolean> {
  if (share.kind === 'dm') return false;
  const guild = ctx.client.guilds.cache.get(share.team);
  if (!guild) return false;
  const member = await guild.members.fetch(user).catch(() => null);
  if (!member) return false;
  if (share.kind === 'public') return true;
  const channel = guild.channels.cache.get(share.channel) ?? (await guild.channels.fetch(share.channel).catch(() => null));
  if (!channel || channel.type === ChannelType.PrivateThread) return false;
  return channel.permissionsFor(member)?.has(PermissionFlagsBits.ViewChannel) ?? false;
}

/** Alerts on Discord: visibility from the server's permissions, the DM as the card's embed with a line above. */
export function discordAlertDelivery(ctx: BotContext): AlertDelivery {
  return {
    canSee: (user, share) => canView(ctx, user, share),
    async send(alert: Alert): Promise<boolean> {
      try {
        const user = await ctx.client.users.fetch(alert.user);
        const dm = await user.createDM();
        await dm.send({ content: alertIntro(alert), embeds: renderCardDiscord(alert.card).embeds, allowedMentions: NO_PINGS });
        return true;
      } catch (err) {
        // Someone who closed their DMs to the server's members (50007), most often.
        ctx.log.warn({ err: describeError(err) }, 'could not send an alert DM');
        return false;
      }
    },
  };
}

/** Digests on Discord: one embed in the channel, sent by id (any shard's process can post it). */
export function discordDigestDelivery(ctx: BotContext): DigestDelivery {
  return {
    async post(schedule: DigestSchedule, digest: Digest): Promise<boolean> {
      try {
        await ctx.client.rest.post(Routes.channelMessages(schedule.channel), { body: { ...renderDigestDiscord(digest), allowed_mentions: { parse: [] } } });
        return true;
      } catch (err) {
        ctx.log.warn({ channel: schedule.channel, err: describeError(err) }, 'could not post a digest');
        return false;
      }
    },
  };
}
