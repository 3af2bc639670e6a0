export { createDiscordBot, DiscordStartError, INTENTS, type DiscordBot, type DiscordBotOptions } from './bot.js';
export { commands } from './commands/index.js';
export type { DiscordLogger } from './log.js';
