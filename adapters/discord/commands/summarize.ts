import {
  ApplicationCommandType, InteractionContextType, type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { DeskReply } from '../../../src/desk/types.js';
import { readTextAttachments } from '../attachments.js';
import type { BotContext } from '../context.js';
import { messageText } from '../markup.js';
import { defineCommand, type CommandOutcome } from './command.js';
import { answerDeferred, interactionPlace } from './respond.js';

export const SUMMARIZE_COMMAND_NAME = 'Summarize job posting';

/**
 * "Summarize job posting" on any message → its card. The message's author counts as the
 * one who shared it, and the message is remembered, so 📄 on it works afterwards.
 */
export async function runSummarize(ctx: BotContext, interaction: MessageContextMenuCommandInteraction): Promise<CommandOutcome> {
  await interaction.deferReply();
  const target = interaction.targetMessage;
  const files = await readTextAttachments(target.attachments, ctx.log);
  const text = messageText(target);
  const shared = {
    ...interactionPlace(interaction),
    user: target.author.id,
    userName: target.member?.displayName ?? target.author.displayName,
    link: target.url,
  };
  let reply: DeskReply;
  if (files.length > 0) {
    reply = (await ctx.desk.handleMessage({ ...shared, messageId: target.id, text, files })) ?? {
      kind: 'notice',
      text: "That message doesn't look like a job posting.",
    };
  } else if (text.trim() === '') {
    reply = { kind: 'notice', text: 'That message has no text I can read.' };
  } else {
    reply = await ctx.desk.handleCommand({ ...shared, text, messageId: target.id });
  }
  return answerDeferred(ctx, interaction, reply);
}

export const summarize = defineCommand<MessageContextMenuCommandInteraction>({
  data: {
    type: ApplicationCommandType.Message,
    name: SUMMARIZE_COMMAND_NAME,
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },
  is: (i): i is MessageContextMenuCommandInteraction =>
    i.isMessageContextMenuCommand() && i.commandName === SUMMARIZE_COMMAND_NAME,
  execute: runSummarize,
});
