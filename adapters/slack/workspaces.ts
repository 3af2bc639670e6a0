import type { BotIdentity, SlackDeps } from './deps.js';
import { NotInstalledError } from './install.js';

/** What Bolt's authorize found for a request (its context): the token to act with and the ids it names. */
export interface RequestAuth {
  botToken?: string | undefined;
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  botId?: string | undefined;
  botUserId?: string | undefined;
}

/** Build a workspace's deps around its own bot token (app.ts: its Web API client, file reader, caches). */
export type OpenWorkspace = (token: string, identity: () => BotIdentity) => SlackDeps;

/** Workspaces whose deps are kept at once; the least recently active go first. */
const MAX_WORKSPACES = 500;

interface Open {
  deps: SlackDeps;
  teamId: string | null;
  enterpriseId: string | null;
}

/**
 * Add to Slack: the deps each workspace's events are handled with, built on first use around
 * the token Bolt's authorize read from the store (its own Web API client and file reader, and
 * the channel-kind and thread-root caches, which belong to one workspace), and kept for the
 * most recently active workspaces. A reinstall brings a new token, hence new deps. The
 * workspace's URL (for links to messages) comes from auth.test in the background: the first
 * event from a workspace may go without it.
 */
export class Workspaces {
  private readonly open = new Map<string, Open>();

  constructor(
    private readonly build: OpenWorkspace,
    private readonly workspaceUrl: (deps: SlackDeps) => Promise<string | null>,
    private readonly max = MAX_WORKSPACES,
  ) {}

  of(auth: RequestAuth): SlackDeps {
    if (!auth.botToken) throw new NotInstalledError('no bot token was found for this request');
    // Per workspace as well as per token: an org-wide install's one token serves many workspaces.
    const key = `${auth.teamId ?? ''}\n${auth.enterpriseId ?? ''}\n${auth.botToken}`;
    const hit = this.open.get(key);
    if (hit) {
      this.open.delete(key);
      this.open.set(key, hit);
      return hit.deps;
    }
    const identity: BotIdentity = { userId: auth.botUserId ?? null, botId: auth.botId ?? null, teamId: auth.teamId ?? null, url: null };
    const deps = this.build(auth.botToken, () => identity);
    void this.workspaceUrl(deps).then((url) => {
      identity.url = url;
    });
    this.open.set(key, { deps, teamId: auth.teamId ?? null, enterpriseId: auth.enterpriseId ?? null });
    if (this.open.size > this.max) {
      const oldest = this.open.keys().next().value;
      if (oldest !== undefined) this.open.delete(oldest);
    }
    return deps;
  }

  /** Drop the deps of a workspace, or of every workspace of an organization, that removed the app. */
  forget(where: { teamId?: string | undefined; enterpriseId?: string | undefined; orgWide: boolean }): void {
    for (const [key, entry] of this.open) {
      const matches = where.orgWide ? entry.enterpriseId !== null && entry.enterpriseId === where.enterpriseId : entry.teamId !== null && entry.teamId === where.teamId;
      if (matches) this.open.delete(key);
    }
  }

  get size(): number {
    return this.open.size;
  }
}
