import type { App, Context } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { JD_COMMAND, onJdCommand } from './command.js';
import { onMessage } from './message.js';
import { onReactionAdded } from './reaction.js';
import { onAppUninstalled, onTokensRevoked, type UninstallDeps } from './uninstall.js';

/**
 * The deps a request is handled with: the one workspace's (SLACK_BOT_TOKEN), or, with Add to
 * Slack, those of the workspace the request came from (built around its own token).
 */
export type DepsFor = (context: Context) => SlackDeps;

/** One workspace's listeners (each may keep state of its own, such as the full texts posted). */
interface Listeners {
  message: ReturnType<typeof onMessage>;
  reaction: ReturnType<typeof onReactionAdded>;
  command: ReturnType<typeof onJdCommand>;
}

/** Every listener the Slack app has, wired in one place. */
export function registerListeners(app: App, depsFor: DepsFor, uninstall: UninstallDeps): void {
  const built = new WeakMap<SlackDeps, Listeners>();
  const listenersFor = (context: Context): Listeners => {
    const deps = depsFor(context);
    let listeners = built.get(deps);
    if (!listeners) {
      listeners = { message: onMessage(deps), reaction: onReactionAdded(deps), command: onJdCommand(deps) };
      built.set(deps, listeners);
    }
    return listeners;
  };
  app.event('message', (args) => listenersFor(args.context).message(args));
  app.event('reaction_added', (args) => listenersFor(args.context).reaction(args));
  app.command(JD_COMMAND, (args) => listenersFor(args.context).command(args));
  app.event('app_uninstalled', onAppUninstalled(uninstall));
  app.event('tokens_revoked', onTokensRevoked(uninstall));
}
