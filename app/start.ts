import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { DiscordBot, ShardStatus } from '../adapters/discord/bot.js';
import type { Playground } from '../adapters/local/server.js';
import type { SlackApp } from '../adapters/slack/app.js';
import { adminIds, fullTextEmoji, slackMode, slackOAuth, type Config } from '../src/config.js';
import { Desk } from '../src/desk/index.js';
import { createLinkReader, linkWorkVia } from '../src/links/index.js';
import { warnPrivateAllowedOnce } from '../src/links/ssrf.js';
import { describeError, redactUrl } from '../src/log.js';
import { CorePool, type CorePoolStatus } from '../src/pool/pool.js';
import { openStore, SealError, Sealer, StoreFault, type JobStore, type Store, type StoreProblem } from '../src/store/index.js';
import type { Card } from '../src/card/types.js';
import { warmUp } from '../src/warm-up/index.js';

/** Each platform's card renderer, loaded only with its platform (warmed up with the core). */
const slackRenderer = async (): Promise<(card: Card) => unknown> => (await import('../adapters/slack/render/card.js')).renderCardSlack;
const discordRenderer = async (): Promise<(card: Card) => unknown> => (await import('../adapters/discord/render/card.js')).renderCardDiscord;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** How often digests that are due are looked for (each runs once across processes: a claim in the store). */
const DIGEST_TICK_MS = 60 * 1000;
/** How long shutdown lets replies in flight finish. */
export const DRAIN_MS = 10_000;

export interface Health {
  ok: boolean;
  slack?: { mode: 'http' | 'socket'; up: boolean };
  /** ready: every shard this process runs is ready; shards: each gateway session's state. */
  discord?: { ready: boolean; ping: number; shards: ShardStatus[] };
  /** reachable: a real read of the store's data worked; problem: what is wrong when not (the SQLite file gone, corrupt, unwritable). */
  store: { url: string; reachable: boolean; problem?: StoreProblem };
  playground?: boolean;
  /** The worker threads that read pastes: ready once each has loaded and warmed the core; tasks running and waiting. */
  core: CorePoolStatus;
  /** Shutting down: replies in flight are finishing; a load balancer should send nothing new. */
  stopping?: boolean;
}

export interface Running {
  /** What runs: 'slack-http', 'slack-socket', 'discord', 'playground'. */
  parts: string[];
  /** The HTTP port bound (Slack HTTP mode, health, or the playground), if any. */
  port: number | null;
  health(): Promise<Health>;
  /** Stop taking events, let replies in flight finish (DRAIN_MS at most), close the store. */
  stop(): Promise<void>;
}

/**
 * Add to Slack: the installations, sealed in the store with JOBCARD_INSTALL_KEY. A key that does
 * not open what the store holds stops start-up with one line; a store out of reach does not
 * (it is checked again on every installation read).
 */
async function slackInstallations(store: JobStore, sealer: Sealer, log: Logger): Promise<import('../adapters/slack/install.js').SlackInstallations> {
  const { SlackInstallations } = await import('../adapters/slack/install.js');
  const records = store.sealedRecords(sealer);
  try {
    const { resealed } = await records.verifyKey();
    if (resealed > 0) log.info({ resealed }, 'sealed the stored installations again with the new JOBCARD_INSTALL_KEY: JOBCARD_INSTALL_KEY_PREVIOUS can be unset');
  } catch (err) {
    if (err instanceof SealError) {
      throw new Error(
        err.code === 'wrong-key'
          ? 'JOBCARD_INSTALL_KEY does not open the Slack installations already in the store: it was changed or mistyped. Set the key they were stored with, or to rotate it put that key in JOBCARD_INSTALL_KEY_PREVIOUS'
          : `the store's sealed records are damaged (${err.message}); Slack installations cannot be read`,
      );
    }
    log.warn({ err: describeError(err) }, 'could not check JOBCARD_INSTALL_KEY against the store now; each installation is checked as it is read');
  }
  return new SlackInstallations(records, log.child({ platform: 'slack' }));
}

async function storeHealth(store: Store, url: string): Promise<Health['store']> {
  try {
    await store.ping();
    return { url, reachable: true };
  } catch (err) {
    return { url, reachable: false, problem: err instanceof StoreFault ? err.problem : 'unreachable' };
  }
}

function healthServer(health: () => Promise<Health>): Server {
  return createServer((req, res) => {
    if (req.method !== 'GET' || !req.url?.startsWith('/healthz')) {
      res.writeHead(404).end();
      return;
    }
    health().then(
      (h) => res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(h)),
      () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false}'),
    );
  });
}

/**
 * Start every platform whose credentials are set, in one process, with one store and one Desk;
 * with none, the local playground.
 */
export interface StartOptions {
  /**
   * The core pool's worker module (default src/pool/worker). End-to-end tests wrap it to make
   * one paste slow on purpose, so the time limit is tested whatever the core's patterns are.
   */
  coreWorker?: string | URL;
  /** The clock shares and digests go by (default the real one): end-to-end tests move it to a digest's time. */
  now?: () => Date;
  /** How often due digests are looked for (default DIGEST_TICK_MS, a minute). */
  digestTickMs?: number;
}

export async function startJobcard(config: Config, log: Logger, opts: StartOptions = {}): Promise<Running> {
  const store = openStore(config.STORE_URL, {
    postingMs: (config.JOBCARD_POSTING_TTL_DAYS ?? config.JOBCARD_RETENTION_DAYS) * DAY,
    messageMs: (config.JOBCARD_MESSAGE_TTL_DAYS ?? config.JOBCARD_RETENTION_DAYS) * DAY,
    eventMs: config.JOBCARD_EVENT_TTL_HOURS * HOUR,
  }, log.child({ part: 'store' }));
  // The hourly sweep of what is older than the retention (shares, team lines, postings) on
  // every backend; the first right away, in the background. (Expired rows themselves are the
  // backends' own sweeps: SQLite and Postgres hourly, Redis by itself.)
  const purgeOld = (): void => {
    store.purge(Date.now() - config.JOBCARD_RETENTION_DAYS * DAY).then(
      (n) => {
        if (n > 0) log.info({ purged: n, retentionDays: config.JOBCARD_RETENTION_DAYS }, 'purged shares older than the retention');
      },
      (err: unknown) => log.warn({ err: describeError(err) }, 'purging old shares failed; trying again in an hour'),
    );
  };
  const purger = setInterval(purgeOld, HOUR).unref();
  purgeOld();
  // At start-up, through the log: the fetcher's own once-per-process warning then stays quiet
  // (it would otherwise come again on the first link, as a bare Node warning on stderr).
  if (config.JOBCARD_ALLOW_PRIVATE_URLS) warnPrivateAllowedOnce(log);
  // The core runs in worker threads: this thread only receives, acks, stores and posts.
  const core = new CorePool({
    ...(config.JOBCARD_CORE_THREADS ? { threads: config.JOBCARD_CORE_THREADS } : {}),
    timeoutMs: config.JOBCARD_CORE_TIMEOUT_MS,
    warmUpRounds: config.JOBCARD_WARM_UP ? undefined : 0,
    log: log.child({ part: 'core' }),
    ...(opts.coreWorker ? { worker: opts.coreWorker } : {}),
  });
  const links = createLinkReader({
    allowPrivate: config.JOBCARD_ALLOW_PRIVATE_URLS,
    cacheTtlMs: config.JOBCARD_LINK_CACHE_TTL_HOURS * HOUR,
    store,
    log: log.child({ part: 'links' }),
    // Parsing a fetched page, cleaning and extracting run in the pool too, within its time limit.
    work: linkWorkVia((step) => core.run({ kind: 'link', step })),
  });
  const desk = new Desk({
    store,
    core,
    links,
    fullTextEmoji: fullTextEmoji(config),
    maxBytes: config.JOBCARD_MAX_BYTES,
    admins: adminIds(config),
    log: log.child({ part: 'desk' }),
    ...(opts.now ? { now: opts.now } : {}),
  });

  const parts: string[] = [];
  /** The card renderers of the platforms that run, warmed with the core. */
  const renderers: Array<(card: Card) => unknown> = [];
  let slack: SlackApp | undefined;
  let slackUp = false;
  let discord: DiscordBot | undefined;
  let playground: Playground | undefined;
  let server: Server | undefined;
  let port: number | null = null;
  const mode = slackMode(config);

  let stopping: Promise<void> | undefined;
  const health = async (): Promise<Health> => {
    const h: Health = { ok: true, store: await storeHealth(store, redactUrl(config.STORE_URL)), core: core.status() };
    if (mode) h.slack = { mode, up: slackUp };
    if (discord) h.discord = discord.status();
    if (playground) h.playground = true;
    if (stopping) h.stopping = true;
    h.ok = !stopping && h.store.reachable && (h.slack?.up ?? true) && (h.discord?.ready ?? true);
    return h;
  };

  try {
    const oauth = slackOAuth(config);
    if (mode && (config.SLACK_BOT_TOKEN || oauth)) {
      // Each platform's library is loaded only when it runs: a web process never holds discord.js.
      const { createSlackApp } = await import('../adapters/slack/app.js');
      renderers.push(await slackRenderer());
      slack = createSlackApp({
        desk,
        ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
        ...(oauth ? { oauth: { ...oauth, installations: await slackInstallations(store, new Sealer(oauth.installKey, oauth.previousInstallKeys), log) } } : {}),
        ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
        ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
        ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        maxFileBytes: config.JOBCARD_MAX_BYTES,
        health: async () => health(),
        readBots: config.JOBCARD_READ_BOTS,
        logger: log.child({ platform: 'slack' }),
      });
      const started = await slack.start(config.PORT);
      slackUp = true;
      port = started.port;
      parts.push(`slack-${started.mode}`);
      log.info({ mode: started.mode, port: started.port }, 'Slack app running');
    }
    if (config.DISCORD_TOKEN) {
      const { createDiscordBot } = await import('../adapters/discord/bot.js');
      renderers.push(await discordRenderer());
      discord = createDiscordBot({
        desk,
        token: config.DISCORD_TOKEN,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        readBots: config.JOBCARD_READ_BOTS,
        ...(config.DISCORD_SHARDS ? { shards: config.DISCORD_SHARDS } : {}),
        ...(config.DISCORD_SHARD_COUNT ? { shardCount: config.DISCORD_SHARD_COUNT } : {}),
        logger: log.child({ platform: 'discord' }),
      });
      await discord.start();
      parts.push('discord');
    }
    if (parts.length === 0) {
      const { createPlayground } = await import('../adapters/local/server.js');
      // The playground shows both platforms' cards.
      renderers.push(await slackRenderer(), await discordRenderer());
      playground = createPlayground({ desk, health: async () => health(), log: log.child({ platform: 'local' }) });
      port = await playground.listen(config.PORT, '127.0.0.1');
      parts.push('playground');
      log.info(
        { url: `http://localhost:${port}` },
        `No Slack or Discord credentials set: the local playground is at http://localhost:${port}. ` +
          'Set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), or DISCORD_TOKEN with DISCORD_APPLICATION_ID, to run the bots (see README).',
      );
    } else if (mode !== 'http') {
      // Socket Mode and Discord need no public port; serve health on PORT for the platform's checks.
      server = healthServer(health);
      port = await new Promise<number>((resolve, reject) => {
        server?.once('error', reject);
        server?.listen(config.PORT, () => resolve((server?.address() as { port: number }).port));
      });
    }
  } catch (err) {
    clearInterval(purger);
    await Promise.allSettled([slack?.stop(), discord?.stop(), store.close(), core.close()]);
    throw err;
  }

  // Channel digests (/jd digest): every minute, what is due is posted by one process.
  const now = opts.now ?? (() => new Date());
  const runDigests = (): void => {
    desk.digests.runDue(now()).catch((err: unknown) => log.warn({ err: describeError(err) }, 'running digests failed; trying again in a minute'));
  };
  const digestTimer = setInterval(runDigests, opts.digestTickMs ?? DIGEST_TICK_MS).unref();

  const warming = new AbortController();
  if (config.JOBCARD_WARM_UP) {
    // The workers warm the core as they start; one round here warms reading results and rendering cards.
    warmUp({ core, rounds: 1, renderers, signal: warming.signal }).then(
      (r) => log.debug({ texts: r.texts, ms: Math.round(r.ms) }, 'core warmed up'),
      (err: unknown) => {
        // Shutdown closed the pool under it: nothing went wrong.
        if (!warming.signal.aborted) log.warn({ err: describeError(err) }, 'warming the core up failed');
      },
    );
  }

  const stopAll = async (): Promise<void> => {
    warming.abort();
    clearInterval(purger);
    clearInterval(digestTimer);
    const drain = Promise.allSettled([
      slack?.stop().then(() => { slackUp = false; }),
      discord?.stop(),
      playground?.close(),
      server ? new Promise<void>((resolve) => server?.close(() => resolve())) : undefined,
    ]).then(() => desk.alerts.idle()); // alert DMs the last events started
    await Promise.race([drain, new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
    await Promise.allSettled([core.close(), store.close()]);
  };

  return {
    parts,
    port,
    health,
    // Idempotent: a second call (a second signal, a test's cleanup) waits for the same shutdown.
    stop: () => (stopping ??= stopAll()),
  };
}
