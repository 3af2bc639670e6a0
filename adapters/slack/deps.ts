import type { Desk } from '../../src/desk/index.js';
import type { ChannelKinds } from './channels.js';
import type { SharedFileReader } from './files.js';
import type { Log } from '../../src/log.js';
import type { OwnCards } from './own-cards.js';
import type { ThreadRoots } from './threads.js';
import type { SlackWeb } from './web.js';

/** Who the app is in the workspace, learned from auth.test at start-up. */
export interface BotIdentity {
  userId: string | null;
  botId: string | null;
  teamId: string | null;
  /** `https://team.slack.com/`, for links to messages. */
  url: string | null;
}

/** Everything a listener needs; one object built in app.ts and handed to each listener. */
export interface SlackDeps {
  desk: Desk;
  web: SlackWeb;
  files: SharedFileReader;
  threads: ThreadRoots;
  /** /jd cards waiting for their echo, to learn their ts. */
  ownCards: OwnCards;
  log: Log;
  identity(): BotIdentity;
  /** Who can read each channel (what the bot remembers from there is told only to them). */
  channels: ChannelKinds;
  /** JOBCARD_READ_BOTS: bots, apps and integrations whose postings get cards (bot, app or user ids). */
  readBots: ReadonlySet<string>;
}

/** A link to a message (the web client's archive URL), when the workspace URL is known. */
export function messageLink(identity: BotIdentity, channel: string, ts: string): string | null {
  if (!identity.url) return null;
  const base = identity.url.endsWith('/') ? identity.url : `${identity.url}/`;
  return `${base}archives/${channel}/p${ts.replace('.', '')}`;
}
