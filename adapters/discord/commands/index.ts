import type { BotCommand } from './command.js';
import { jd } from './jd.js';
import { summarize } from './summarize.js';

/** Every application command: what `npm run discord:register` sends and what the bot answers. */
export const commands: readonly BotCommand[] = [jd, summarize];
