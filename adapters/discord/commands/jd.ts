import {
  ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType, PermissionFlagsBits,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../context.js';
import { defineCommand, type CommandOutcome } from './command.js';
import { answerDeferred, interactionPlace, invokerName, replyPrivately, replyText } from './respond.js';

/** Discord's own ceiling for a string option; longer postings are pasted (they arrive as message.txt). */
const TEXT_MAX = 6000;

/** The options as Discord delivers them: absent options are null. */
const JdOptions = z.object({
  text: z.string().trim().nullable(),
  url: z
    .string()
    .trim()
    .nullable()
    .refine((u) => u === null || /^https?:\/\/\S+$/i.test(u), {
      message: 'The `url` option takes a web address starting with https:// (or http://).',
    }),
});

/** `/jd text:<posting> url:<link>` → the card in the channel; bad input → a note to the invoker only. */
export async function runJd(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<CommandOutcome> {
  const parsed = JdOptions.safeParse({
    text: interaction.options.getString('text'),
    url: interaction.options.getString('url'),
  });
  if (!parsed.success) {
    await replyPrivately(interaction, parsed.error.issues[0]?.message ?? 'That input is not valid.');
    return 'notice';
  }
  const input = [parsed.data.text, parsed.data.url].filter((s): s is string => !!s).join('\n');
  const event = {
    ...interactionPlace(interaction),
    user: interaction.user.id,
    userName: invokerName(interaction),
    text: input,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false,
    // The member's permissions in this channel: who may turn its digest on or off.
    ...(interaction.memberPermissions ? { mayManageChannel: interaction.memberPermissions.any([PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageMessages]) } : {}),
  };
  if (input === '') {
    // Help needs no work: answer at once, privately, without a public "thinking…".
    const help = await ctx.desk.handleCommand(event);
    if (help.kind !== 'card') {
      await replyPrivately(interaction, replyText(help));
      return help.kind;
    }
  }
  // Reading a link can take longer than Discord's 3 seconds: acknowledge first.
  await interaction.deferReply();
  return answerDeferred(ctx, interaction, await ctx.desk.handleCommand(event));
}

export const jd = defineCommand<ChatInputCommandInteraction>({
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'jd',
    description: 'Summarize a job posting: pay per location, visa sponsorship, key requirements',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'text',
        description: 'A posting to summarise; or watch <filter>, unwatch <id>, digest weekly|daily|off, recent, search',
        required: false,
        max_length: TEXT_MAX,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'url',
        description: 'A link to the posting',
        required: false,
        max_length: 2000,
      },
    ],
  },
  is: (i): i is ChatInputCommandInteraction => i.isChatInputCommand() && i.commandName === 'jd',
  execute: runJd,
});
