import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { JD_COMMAND, onJdCommand } from './command.js';
import { onMessage } from './message.js';
import { onReactionAdded } from './reaction.js';

/** Every listener the Slack app has, wired in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.event('message', onMessage(deps));
  app.event('reaction_added', onReactionAdded(deps));
  app.command(JD_COMMAND, onJdCommand(deps));
}
