import type { AddressInfo } from 'node:net';
import { App, webApi, type CustomRoute } from '@slack/bolt';
import type { Desk } from '../../src/desk/index.js';
import { slackAlertDelivery, slackDigestDelivery } from './alerts.js';
import type { BotIdentity, SlackDeps } from './deps.js';
import { SlackStartError } from './errors.js';
import { ChannelKinds } from './channels.js';
import { SharedFileReader } from './files.js';
import { BOT_SCOPES, installPages, type SlackInstallations } from './install.js';
import { registerListeners } from './listeners/index.js';
import { boltLogger } from './log.js';
import { describeError, silentLog, type Log } from '../../src/log.js';
import { OwnCards } from './own-cards.js';
import { createSlackReceiver, type SlackReceiverOAuth } from './receiver.js';
import { ThreadRoots } from './threads.js';
import { AUTH_ERRORS, SlackWeb, slackErrorCode } from './web.js';
import { perWorkspaceDeliveries } from './team-delivery.js';
import { Workspaces } from './workspaces.js';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** How long stop() lets events already being handled finish. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface SlackAppOptions {
  desk: Desk;
  /** `xoxb-…`: every Web API call and file download, in the one workspace the app was installed to. */
  botToken?: string;
  /** Add to Slack instead of botToken: installs into many workspaces (HTTP mode only). */
  oauth?: SlackOAuthOptions;
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

/**
 * "Add to Slack" (Bolt's OAuth flow): /slack/install serves the button (and sets the state
 * cookie), /slack/oauth_redirect exchanges the code (oauth.v2.access) and stores the
 * installation; each event is then answered with its own workspace's token.
 */
export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state (Bolt's ClearStateStore), so a redirect from another browser or a forged one is refused. */
  stateSecret: string;
  installations: SlackInstallations;
  /** The redirect URL registered with the app, when it has several; its path is where the redirect is served. */
  redirectUri?: string;
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
  const { oauth } = opts;
  if (mode === 'http' && !opts.signingSecret) {
    throw new SlackStartError('config', 'Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) besides SLACK_BOT_TOKEN');
  }
  if (oauth ? opts.botToken !== undefined || mode === 'socket' : opts.botToken === undefined) {
    throw new SlackStartError('config', 'Slack needs either SLACK_BOT_TOKEN (one workspace) or the Add to Slack settings in HTTP mode, not both');
  }
  const apiUrl = withTrailingSlash(opts.apiUrl ?? DEFAULT_SLACK_API_URL);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: apiUrl,
    retryConfig: opts.retries === undefined ? webApi.retryPolicies.fiveRetriesInFiveMinutes : { retries: opts.retries },
    // 429s surface at once and SlackWeb waits them out itself, whatever the retry policy.
    rejectRateLimitedCalls: true,
  };
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
    ...(opts.botToken ? { token: opts.botToken } : {}),
    ...(mode === 'socket'
      ? { appToken: opts.appToken, socketMode: true }
      : {
          receiver: createSlackReceiver({
            signingSecret: opts.signingSecret as string,
            customRoutes: [healthz],
            log,
            ...(oauth ? { oauth: installerOptions(oauth, apiUrl, clientOptions, log) } : {}),
          }),
        }),
    // start() checks the token first, so a bad one gives our error rather than Bolt's.
    deferInitialization: true,
    // Own messages are dropped by the listeners (with other bots'); this keeps our tracking middleware first.
    ignoreSelf: false,
    convoStore: false,
    logger: boltLogger(log),
    clientOptions,
  });

  const webOptions = opts.rateLimitRetries === undefined ? {} : { rateLimitRetries: opts.rateLimitRetries };
  /** Everything the listeners need in one workspace, around the client that carries its token. */
  const workspaceDeps = (client: webApi.WebClient, token: string, identity: () => BotIdentity): SlackDeps => {
    const web = new SlackWeb(client, log, webOptions);
    return {
      desk: opts.desk,
      web,
      files: new SharedFileReader({ web, botToken: token, maxBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, apiUrl, log }),
      threads: new ThreadRoots(web),
      ownCards: new OwnCards(),
      log,
      identity,
      channels: new ChannelKinds(web),
      readBots: new Set(opts.readBots ?? []),
    };
  };
  let identity: BotIdentity = { userId: null, botId: null, teamId: null, url: null };
  let started = false;
  // One workspace: the deps around app.client (which carries SLACK_BOT_TOKEN). Add to Slack:
  // each workspace's own, from the token Bolt's authorize put in the request's context.
  const single = opts.botToken ? workspaceDeps(app.client, opts.botToken, () => identity) : undefined;
  const workspaces = oauth
    ? new Workspaces(
        // app.webClientOptions: the options above, with the logger Bolt gave them.
        (token, who) => workspaceDeps(new webApi.WebClient(token, app.webClientOptions), token, who),
        (deps) => workspaceUrl(deps),
      )
    : undefined;
  const web = single?.web;

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
  registerListeners(app, (context) => single ?? (workspaces as Workspaces).of(context), {
    desk: opts.desk,
    log,
    installations: oauth?.installations,
    workspaces,
  });
  // Alerts and digests (issue 19): how Slack checks who can see a channel, sends DMs and posts
  // digests; with Add to Slack, in each workspace with its own token.
  const deliveries = single
    ? { alerts: slackAlertDelivery(single), digests: slackDigestDelivery(single) }
    : perWorkspaceDeliveries(async (team) => {
        const auth = await oauth?.installations.authFor(team).catch((err: unknown) => {
          log.warn({ team, err: describeError(err) }, 'could not read the workspace’s installation');
          return undefined;
        });
        return auth ? workspaces?.of(auth) : undefined;
      });
  opts.desk.alerts.connect('slack', deliveries.alerts);
  opts.desk.digests.connect('slack', deliveries.digests);

  const idle = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  return {
    app,
    idle,
    async start(port: number, host?: string): Promise<SlackStarted> {
      if (oauth) {
        // Bolt's authorize becomes the installer's: each event's token is read from the store.
        await app.init();
        const server = await app.start(host ? { port, host } : port);
        started = true;
        const bound = (server.address() as AddressInfo | null)?.port ?? port;
        log.info({ mode, port: bound, install: '/slack/install' }, 'Slack app listening (HTTP, Add to Slack)');
        return { mode, port: bound, identity };
      }
      if (!web) throw new SlackStartError('config', 'Slack needs SLACK_BOT_TOKEN');
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

/** The options Bolt's receiver passes to its InstallProvider: the flow's endpoints, scopes and pages. */
function installerOptions(oauth: SlackOAuthOptions, apiUrl: string, clientOptions: webApi.WebClientOptions, log: Log): SlackReceiverOAuth {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: oauth.installations,
    scopes: [...BOT_SCOPES],
    ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
    installerOptions: {
      installPath: '/slack/install',
      redirectUriPath: oauth.redirectUri ? new URL(oauth.redirectUri).pathname : '/slack/oauth_redirect',
      // oauth.v2.access goes where every other call goes; the authorize page is beside the API (GovSlack too).
      clientOptions,
      authorizationUrl: new URL('../oauth/v2/authorize', apiUrl).toString(),
      callbackOptions: installPages(log),
    },
  };
}

/** The workspace's URL (for links to its messages), from auth.test with its own token; null when it cannot be had. */
async function workspaceUrl(deps: SlackDeps): Promise<string | null> {
  try {
    const res = await deps.web.call('auth.test', () => deps.web.client.auth.test());
    return res.url ?? null;
  } catch (err) {
    deps.web.reportFailure('auth.test', 'workspace', err);
    return null;
  }
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
