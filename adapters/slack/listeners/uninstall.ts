import type { Context, InstallationQuery } from '@slack/bolt';
import { z } from 'zod';
import type { Desk } from '../../../src/desk/index.js';
import { describeError, type Log } from '../../../src/log.js';
import type { SlackInstallations } from '../install.js';
import type { Workspaces } from '../workspaces.js';

/** What the uninstall listeners need; installations and workspaces only with Add to Slack. */
export interface UninstallDeps {
  desk: Desk;
  log: Log;
  installations?: SlackInstallations | undefined;
  workspaces?: Workspaces | undefined;
}

const TokensRevoked = z.looseObject({
  type: z.literal('tokens_revoked'),
  tokens: z.looseObject({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
});

/** Who the event is about. Bolt skips authorize for these two events, so only the ids from the envelope are known. */
function queryOf(context: Context): InstallationQuery<boolean> {
  return {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
  } as InstallationQuery<boolean>;
}

function where(query: InstallationQuery<boolean>): object {
  return { team: query.teamId ?? null, enterprise: query.enterpriseId ?? null, orgWide: query.isEnterpriseInstall };
}

/**
 * `app_uninstalled`: the app was removed from a workspace (or an organization). Its
 * installation is deleted, so no process acts there again, and so is everything jobcard
 * remembers from there (its shares, lists, and postings no other workspace shared): a
 * workspace that removes the app takes its memory with it, as a deleted message does.
 */
export function onAppUninstalled(deps: UninstallDeps): (args: { context: Context }) => Promise<void> {
  return async ({ context }) => {
    const query = queryOf(context);
    try {
      const teams = deps.installations ? await deps.installations.teamsOf(query) : query.teamId ? [query.teamId] : [];
      if (deps.installations) await deps.installations.deleteInstallation(query);
      deps.workspaces?.forget({ teamId: query.teamId, enterpriseId: query.enterpriseId, orgWide: query.isEnterpriseInstall });
      let forgotten = 0;
      for (const team of teams) forgotten += await deps.desk.forgetTeam('slack', team);
      deps.log.info({ ...where(query), workspaces: teams.length, sharesForgotten: forgotten }, 'Slack app uninstalled: installation and memory deleted');
    } catch (err) {
      deps.log.error({ ...where(query), err: describeError(err) }, 'handling app_uninstalled failed: the installation or the workspace’s memory may still be stored');
    }
  };
}

/**
 * `tokens_revoked`: a bot token revoked leaves the app nothing to act with there, so the
 * installation is deleted (the memory goes with `app_uninstalled`, which follows a removal).
 * jobcard asks for no user tokens, so a revoked user token changes nothing.
 */
export function onTokensRevoked(deps: UninstallDeps): (args: { event: unknown; context: Context }) => Promise<void> {
  return async ({ event, context }) => {
    const parsed = TokensRevoked.safeParse(event);
    const bots = parsed.success ? (parsed.data.tokens.bot ?? []) : [];
    const query = queryOf(context);
    if (bots.length === 0) {
      deps.log.debug({ ...where(query), reason: 'no bot token revoked' }, 'ignored event');
      return;
    }
    if (!deps.installations) {
      deps.log.error({ ...where(query) }, 'Slack revoked the bot token: reinstall the app and set SLACK_BOT_TOKEN to the new token');
      return;
    }
    try {
      await deps.installations.deleteInstallation(query);
      deps.workspaces?.forget({ teamId: query.teamId, enterpriseId: query.enterpriseId, orgWide: query.isEnterpriseInstall });
      deps.log.info({ ...where(query) }, 'Slack bot token revoked: installation deleted');
    } catch (err) {
      deps.log.error({ ...where(query), err: describeError(err) }, 'handling tokens_revoked failed: the installation may still be stored');
    }
  };
}
