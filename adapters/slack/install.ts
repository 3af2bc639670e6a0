import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import { describeError, type Log } from '../../src/log.js';
import type { SealedRecords } from '../../src/store/sealed.js';
import type { RequestAuth } from './workspaces.js';

/**
 * "Add to Slack": the bot scopes an installation asks for (the same list as the manifests),
 * the store that keeps each workspace's installation sealed in jobcard's store, and the pages
 * a person sees at the end of the OAuth flow. Bolt's own InstallProvider runs the flow.
 */

/** What jobcard does with each scope is said in adapters/slack/manifest.yml. */
export const BOT_SCOPES = [
  'channels:history', 'groups:history', 'im:history', 'mpim:history',
  'channels:read', 'groups:read', 'im:read', 'mpim:read', 'im:write',
  'chat:write', 'commands', 'files:read', 'reactions:read',
] as const;

/**
 * What a stored installation must hold for the app to act in a workspace; everything else
 * Slack returned is kept as it came (Bolt reads it back: token rotation, the app id).
 */
const StoredInstallation = z.looseObject({
  team: z.looseObject({ id: z.string(), name: z.string().optional() }).nullish(),
  enterprise: z.looseObject({ id: z.string(), name: z.string().optional() }).nullish(),
  isEnterpriseInstall: z.boolean().optional(),
  bot: z.looseObject({ token: z.string(), id: z.string(), userId: z.string(), scopes: z.array(z.string()) }).optional(),
  user: z.looseObject({ id: z.string() }),
});

/** No installation for the workspace or organization an event came from (never installed, or removed). */
export class NotInstalledError extends Error {
  override readonly name = 'NotInstalledError';
}

/** Where an installation lives: per organization for an org-wide install, else per workspace. */
type InstallKey = { kind: 'org'; enterpriseId: string } | { kind: 'team'; teamId: string };

function keyOf(where: InstallKey): string {
  return where.kind === 'org' ? `slack:org:${where.enterpriseId}` : `slack:team:${where.teamId}`;
}

/** An org-wide install's workspaces seen so far (their memory goes when the org removes the app). */
const orgTeamPrefix = (enterpriseId: string): string => `slack:org-team:${enterpriseId}:`;

function installKeyOf(installation: Installation): InstallKey {
  if (installation.isEnterpriseInstall && installation.enterprise?.id) return { kind: 'org', enterpriseId: installation.enterprise.id };
  if (installation.team?.id) return { kind: 'team', teamId: installation.team.id };
  throw new Error('an installation names neither a workspace nor an organization');
}

export function installKeyOfQuery(query: InstallationQuery<boolean>): InstallKey {
  if (query.isEnterpriseInstall && query.enterpriseId) return { kind: 'org', enterpriseId: query.enterpriseId };
  if (query.teamId) return { kind: 'team', teamId: query.teamId };
  throw new NotInstalledError('the request names neither a workspace nor an organization');
}

/**
 * Bolt's InstallationStore on jobcard's store (SQLite, Redis, Postgres): each installation is
 * one sealed record, so its tokens are never in the store in the clear. Read on every event
 * (Bolt's authorize), so a workspace that removes the app is unknown to every process at once.
 */
export class SlackInstallations implements InstallationStore {
  /** Org workspaces this process has noted already: each is written once, not on every event. */
  private readonly noted = new Set<string>();

  constructor(
    private readonly records: SealedRecords,
    private readonly log: Log,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const where = installKeyOf(installation);
    await this.records.put(keyOf(where), installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const where = installKeyOfQuery(query);
    const found = await this.records.get(keyOf(where), StoredInstallation);
    if (!found) throw new NotInstalledError(where.kind === 'org' ? `no installation for organization ${where.enterpriseId}` : `no installation for workspace ${where.teamId}`);
    if (where.kind === 'org' && query.teamId) await this.noteOrgTeam(where.enterpriseId, query.teamId);
    // Validated for what the app needs; the rest is Slack's own record, as Bolt stored it.
    return found as unknown as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const where = installKeyOfQuery(query);
    await this.records.delete(keyOf(where));
    if (where.kind === 'org') {
      for (const key of await this.records.keys(orgTeamPrefix(where.enterpriseId))) await this.records.delete(key);
    }
  }

  /**
   * The token and ids to act with in a workspace outside any request (alerts, digests): its own
   * installation, or the org-wide one it was seen under; undefined when it has none.
   */
  async authFor(teamId: string): Promise<RequestAuth | undefined> {
    const own = await this.records.get(keyOf({ kind: 'team', teamId }), StoredInstallation);
    let found = own;
    if (!found) {
      const marker = (await this.records.keys('slack:org-team:')).find((k) => k.endsWith(`:${teamId}`));
      const enterpriseId = marker?.slice('slack:org-team:'.length, -(teamId.length + 1));
      if (enterpriseId) found = await this.records.get(keyOf({ kind: 'org', enterpriseId }), StoredInstallation);
    }
    if (!found?.bot) return undefined;
    return { botToken: found.bot.token, botId: found.bot.id, botUserId: found.bot.userId, teamId, enterpriseId: found.enterprise?.id };
  }

  /** Whether an installation is stored for this workspace or organization. */
  async has(query: InstallationQuery<boolean>): Promise<boolean> {
    return (await this.records.get(keyOf(installKeyOfQuery(query)), StoredInstallation)) !== undefined;
  }

  /** The workspaces an installation covers: the one workspace, or those of an org-wide install seen so far. */
  async teamsOf(query: InstallationQuery<boolean>): Promise<string[]> {
    const where = installKeyOfQuery(query);
    if (where.kind === 'team') return [where.teamId];
    const prefix = orgTeamPrefix(where.enterpriseId);
    const teams = (await this.records.keys(prefix)).map((k) => k.slice(prefix.length));
    return [...new Set([...teams, ...(query.teamId ? [query.teamId] : [])])];
  }

  private async noteOrgTeam(enterpriseId: string, teamId: string): Promise<void> {
    const key = `${orgTeamPrefix(enterpriseId)}${teamId}`;
    if (this.noted.has(key)) return;
    try {
      await this.records.put(key, { seen: true });
      this.noted.add(key);
    } catch (err) {
      // Only the uninstall's forgetting needs it; the event goes on.
      this.log.warn({ enterprise: enterpriseId, team: teamId, err: describeError(err) }, 'could not note a workspace of an org-wide install');
    }
  }
}

/** The end of the OAuth flow for the person installing: a short page, and one log line. */
export function installPages(log: Log): {
  successAsync: (installation: Installation, options: unknown, req: IncomingMessage, res: ServerResponse) => Promise<void>;
  failureAsync: (error: Error & { code?: string }, options: unknown, req: IncomingMessage, res: ServerResponse) => Promise<void>;
} {
  return {
    async successAsync(installation, _options, _req, res) {
      const org = installation.isEnterpriseInstall === true;
      const name = (org ? installation.enterprise?.name : installation.team?.name) ?? (org ? 'your organization' : 'your workspace');
      log.info({ team: installation.team?.id ?? null, enterprise: installation.enterprise?.id ?? null, orgWide: org }, 'Slack app installed');
      page(res, 200, 'jobcard is installed', `jobcard is now in ${escapeHtml(name)}. Invite it to a channel with <code>/invite @jobcard</code>, then paste a job posting there.`);
    },
    async failureAsync(error, _options, _req, res) {
      const code = error.code ?? 'unknown';
      const known = FAILURES.find((f) => code.endsWith(f.code));
      log.warn({ code, err: describeError(error) }, 'Slack installation failed');
      page(res, known?.status ?? 500, 'jobcard was not installed', known?.text ?? 'Something went wrong on our side while installing. Please try again in a minute.');
    },
  };
}

/**
 * What the person is told when the flow stops on their side (Bolt's installer error codes):
 * cancelled at Slack, or a state that is not this browser's (a stale tab, another browser, a
 * forged link). Anything else is ours: a generic line, and the reason in the log.
 */
const FAILURES: ReadonlyArray<{ code: string; status: number; text: string }> = [
  { code: 'authorization_error', status: 400, text: 'The installation was cancelled at Slack: nothing was installed.' },
  { code: 'missing_state', status: 400, text: 'The installation link expired or was opened in another browser. Start again from the Add to Slack page.' },
  { code: 'invalid_state', status: 400, text: 'The installation link expired or was opened in another browser. Start again from the Add to Slack page.' },
  { code: 'missing_code', status: 400, text: 'Slack did not send the installation back. Start again from the Add to Slack page.' },
];

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** A workspace's name is whatever its admins typed: escaped before it goes in the page. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function page(res: ServerResponse, status: number, title: string, bodyHtml: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${bodyHtml}</p></body></html>`);
}
