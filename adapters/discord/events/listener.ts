import type { ClientEvents } from 'discord.js';
import type { BotContext } from '../context.js';

/** One gateway event and what the bot does about it. */
export interface Listener<E extends keyof ClientEvents> {
  event: E;
  run(ctx: BotContext, ...args: ClientEvents[E]): Promise<void>;
}
