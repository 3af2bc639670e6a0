import type { Interaction, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { DeskReply } from '../../../src/desk/types.js';
import type { BotContext } from '../context.js';

/** What a command ended up saying: the kind of Desk reply it posted. */
export type CommandOutcome = DeskReply['kind'];

/** An application command: its definition (what registration sends) next to its handler. */
export interface Command<I extends Interaction> {
  data: RESTPostAPIApplicationCommandsJSONBody;
  /** Type guard: this interaction is an invocation of this command. */
  is(interaction: Interaction): interaction is I;
  execute(ctx: BotContext, interaction: I): Promise<CommandOutcome>;
}

/** A command with its interaction type erased, so commands of every kind sit in one list. */
export interface BotCommand {
  data: RESTPostAPIApplicationCommandsJSONBody;
  /** Runs the command when the interaction is its own; null otherwise. */
  run(ctx: BotContext, interaction: Interaction): Promise<CommandOutcome | null>;
}

export function defineCommand<I extends Interaction>(command: Command<I>): BotCommand {
  return {
    data: command.data,
    async run(ctx, interaction) {
      if (!command.is(interaction)) return null;
      return command.execute(ctx, interaction);
    },
  };
}
