import { Events, MessageFlags, type Interaction } from 'discord.js';
import { commands } from '../commands/index.js';
import { NO_PINGS, once, type BotContext } from '../context.js';
import { describeError, logEvent } from '../../../src/log.js';
import type { Listener } from './listener.js';

const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** Application commands (/jd, "Summarize job posting") → their handlers; an internal error → a private apology. */
export async function onInteractionCreate(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (!interaction.isCommand()) return;
  await once(ctx, `interaction:${interaction.id}`, () => runCommand(ctx, interaction));
}

async function runCommand(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (!interaction.isCommand()) return;
  const startedAt = performance.now();
  try {
    for (const command of commands) {
      const outcome = await command.run(ctx, interaction);
      if (outcome) {
        logEvent(ctx.log, { platform: 'discord', kind: 'command', outcome, startedAt, channel: interaction.channelId });
        return;
      }
    }
    ctx.log.warn({ command: interaction.commandName }, 'unknown application command: re-run discord:register?');
  } catch (err) {
    ctx.log.error({ err: describeError(err), command: interaction.commandName }, 'application command failed');
    logEvent(ctx.log, { platform: 'discord', kind: 'command', outcome: 'error', startedAt, channel: interaction.channelId });
    try {
      if (interaction.deferred && !interaction.replied) await interaction.deleteReply();
      const answer = { content: APOLOGY, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS } as const;
      if (interaction.deferred || interaction.replied) await interaction.followUp(answer);
      else await interaction.reply(answer);
    } catch (inner) {
      ctx.log.warn({ err: describeError(inner) }, 'could not tell the user about the failure');
    }
  }
}

export const interactionCreate: Listener<typeof Events.InteractionCreate> = {
  event: Events.InteractionCreate,
  run: onInteractionCreate,
};
