import type { AddressInfo } from 'node:net';
import { App, webApi, type CustomRoute } from '@slack/bolt';
import type { Desk } from '../../src/desk/index.js';
import { slackAlertDelivery, slackDigestDelivery } from './alerts.js';
import type { BotIdentity, SlackDeps } from './deps.js';
import { SlackStartError } from './errors.js';
import { ChannelKinds } from './channels.js';
import { SharedFileReader } from './files.js';
import { registerListeners } from './listeners/index.js';
import { boltLogger } from './log.js';
import { describeError, silentLog, type Log } from '../../src/log.js';
import { OwnCards } from './own-cards.js';
import { createSlackReceiver } from './receiver.js';
import { ThreadRoots } from './threads.js';
import { AUTH_ERRORS, SlackWeb, slackErrorCode } from './web.js';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** How long stop() lets events already being handled finish. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface SlackAppOptions {
  desk: Desk;
  /** `xoxb-…`: every Web API call and file download. */
  botToken: string;
  /** HTTP mode (Events API, /jd, interactivity on /slack/events). */
  signingSecret?: string;
  /** `xapp-…`: Socket Mode, no public URL needed. Wins over signingSecret when both are set. */
  appToken?: string;
  /** Web API base URL (SLACK_API_URL): GovSlack, proxies, test stand-ins. */
  apiUrl?: string;
  /** WebClient retries for failed requests other than rate limits (429s are always waited out). */
  retries?: number;
  /** How many times one call answered 429 is tried again, after its Retry-After. */
  rateLimitRetries?: number;
  /** Largest shared text file read, in bytes. */
  maxFileBytes?: number;
  logger?: Log;
  /** JOBCARD_READ_BOTS: ids of bots, apps or integrations whose postings get cards (never the app itself). */
  readBots?: readonly string[];
  /** What GET /healthz reports in HTTP mode (the whole process's health); 503 when not ok. */
  health?: () => Promise<{ ok: boolean }>;
}

export interface SlackStarted {
  mode: 'http' | 'socket';
  /** The HTTP port bound (HTTP mode), or null in Socket Mode. */
  port: number | null;
  identity: BotIdentity;
}

export interface SlackApp {
  app: App;
  /** Check the token (a clear error when Slack rejects it), then listen (HTTP) or connect (Socket Mode). */
  start(port: number, host?: string): Promise<SlackStarted>;
  /** Let events in hand finish, then stop listening. */
  stop(): Promise<void>;
  /** Resolves once no event, command or reaction is being handled. */
  idle(): Promise<void>;
}

/** The Slack app: Bolt with our listeners, talking to the core only through the Desk. */
export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const log = opts.logger ?? silentLog;
  const mode = opts.appToken ? 'socket' : 'http';
  if (mode === 'http' && !opts.signingSecret) {
    throw new SlackStartError('config', 'Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) besides SLACK_BOT_TOKEN');
  }
  const apiUrl = withTrailingSlash(opts.apiUrl ?? DEFAULT_SLACK_API_URL);
  const healthz: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      const report = opts.health ? opts.health() : Promise.resolve({ ok: started, platform: 'slack', started });
      report.then(
        (h) => res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(h)),
        () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false}'),
      );
    },
  };

  const app = new App({
    token: opts.botToken,
    ...(mode === 'socket'
      ? { appToken: opts.appToken, socketMode: true }
      : { receiver: createSlackReceiver({ signingSecret: opts.signingSecret as string, customRoutes: [healthz], log }) }),
    // start() checks the token first, so a bad one gives our error rather than Bolt's.
    deferInitialization: true,
    // Own messages are dropped by the listeners (with other bots'); this keeps our tracking middleware first.
    ignoreSelf: false,
    convoStore: false,
    logger: boltLogger(log),
    clientOptions: {
      slackApiUrl: apiUrl,
      retryConfig: opts.retries === undefined ? webApi.retryPolicies.fiveRetriesInFiveMinutes : { retries: opts.retries },
      // 429s surface at once and SlackWeb waits them out itself, whatever the retry policy.
      rejectRateLimitedCalls: true,
    },
  });

  const web = new SlackWeb(app.client, log, opts.rateLimitRetries === undefined ? {} : { rateLimitRetries: opts.rateLimitRetries });
  let identity: BotIdentity = { userId: null, botId: null, teamId: null, url: null };
  let started = false;
  const deps: SlackDeps = {
    desk: opts.desk,
    web,
    files: new SharedFileReader({ web, botToken: opts.botToken, maxBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, apiUrl, log }),
    threads: new ThreadRoots(web),
    ownCards: new OwnCards(),
    log,
    identity: () => identity,
    channels: new ChannelKinds(web),
    readBots: new Set(opts.readBots ?? []),
  };

  const inFlight = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  app.error(async (err) => {
    log.error({ err: describeError(err) }, 'unhandled error in a Slack listener');
  });
  registerListeners(app, deps);
  // Alerts and digests (issue 19): how Slack checks who can see a channel, sends DMs and posts digests.
  opts.desk.alerts.connect('slack', slackAlertDelivery(deps));
  opts.desk.digests.connect('slack', slackDigestDelivery(deps));

  const idle = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  return {
    app,
    idle,
    async start(port: number, host?: string): Promise<SlackStarted> {
      identity = await checkToken(web, apiUrl);
      await web.call('auth.test', () => app.init());
      if (mode === 'socket') {
        try {
          await app.start();
        } catch (err) {
          throw startError(err, 'SLACK_APP_TOKEN', apiUrl);
        }
        started = true;
        log.info({ mode, team: identity.teamId }, 'Slack app connected (Socket Mode)');
        return { mode, port: null, identity };
      }
      const server = await app.start(host ? { port, host } : port);
      started = true;
      const bound = (server.address() as AddressInfo | null)?.port ?? port;
      log.info({ mode, port: bound, team: identity.teamId }, 'Slack app listening (HTTP)');
      return { mode, port: bound, identity };
    },
    async stop(): Promise<void> {
      if (!started) return;
      started = false;
      await Promise.race([idle(), new Promise((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref())]);
      await app.stop();
    },
  };
}

/** auth.test with the bot token: who we are, or a one-line error a person can act on. */
async function checkToken(web: SlackWeb, apiUrl: string): Promise<BotIdentity> {
  try {
    const res = await web.call('auth.test', () => web.client.auth.test());
    return { userId: res.user_id ?? null, botId: res.bot_id ?? null, teamId: res.team_id ?? null, url: res.url ?? null };
  } catch (err) {
    throw startError(err, 'SLACK_BOT_TOKEN', apiUrl);
  }
}

function startError(err: unknown, variable: string, apiUrl: string): Error {
  const code = slackErrorCode(err);
  if (code && AUTH_ERRORS.has(code)) {
    return new SlackStartError('invalid_auth', `Slack rejected ${variable} (${code}): copy it again from the app's settings at api.slack.com/apps, and reinstall the app if it was revoked`);
  }
  if (code) return new SlackStartError('invalid_auth', `Slack refused to start the app (${code}); check ${variable} and the app's settings`);
  if (err instanceof webApi.WebAPIRequestError || err instanceof webApi.WebAPIHTTPError) {
    return new SlackStartError('unreachable', `Could not reach the Slack API at ${apiUrl}: ${err.message}`);
  }
  return err instanceof Error ? err : new Error(String(err));
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
