import { Events, type Client, type ClientEvents } from 'discord.js';
import type { BotContext } from '../context.js';
import { describeError } from '../../../src/log.js';
import { onDmReactionPacket } from './dmReactionAdd.js';
import { interactionCreate } from './interactionCreate.js';
import type { Listener } from './listener.js';
import { messageCreate } from './messageCreate.js';
import { messageUpdate, onDeletePacket } from './messageChange.js';
import { messageReactionAdd } from './messageReactionAdd.js';

/** Wire every listener to the client; a listener's failure is logged, never thrown into discord.js. */
export function registerListeners(client: Client, ctx: BotContext): void {
  listen(client, ctx, messageCreate);
  listen(client, ctx, messageUpdate);
  listen(client, ctx, messageReactionAdd);
  listen(client, ctx, interactionCreate);
  // Gateway packets discord.js would drop: 📄 in a DM channel it has not cached.
  client.on(Events.Raw, (packet: unknown) => {
    onDmReactionPacket(ctx, packet).catch((err: unknown) => {
      ctx.log.error({ err: describeError(err), event: 'dmReactionAdd' }, 'Discord listener failed');
    });
    // Deletes carry only ids (and discord.js drops those of uncached DMs): read them raw.
    onDeletePacket(ctx, packet).catch((err: unknown) => {
      ctx.log.error({ err: describeError(err), event: 'messageDelete' }, 'Discord listener failed');
    });
  });
}

function listen<E extends keyof ClientEvents>(client: Client, ctx: BotContext, listener: Listener<E>): void {
  client.on(listener.event, (...args: ClientEvents[E]) => {
    listener.run(ctx, ...args).catch((err: unknown) => {
      ctx.log.error({ err: describeError(err), event: listener.event }, 'Discord listener failed');
    });
  });
}
