import { z } from 'zod';
import { EMOJI_UNICODE } from './card/labels.js';
import { parseSealKey } from './store/sealed.js';

/**
 * The whole configuration: one zod schema over the environment, parsed once at start-up.
 * Names are a contract (../shared/DESIGN.md, "Configuration"); .env.example documents each.
 */
const optionalText = z.string().trim().min(1).optional();
const flag = (fallback: '0' | '1' = '0') => z.enum(['0', '1', 'true', 'false']).default(fallback).transform((v) => v === '1' || v === 'true');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const ConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string().trim().regex(/^xoxb-/, 'must be a bot token starting with xoxb-').optional(),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: z.string().trim().regex(/^xapp-/, 'must be an app-level token starting with xapp-').optional(),
    SLACK_API_URL: z.url().optional(),
    /**
     * "Add to Slack" for many workspaces (Bolt's OAuth flow on /slack/install and
     * /slack/oauth_redirect): the app's Client ID and Secret (Basic Information), a secret that
     * signs the OAuth state, and the key that seals the installations' tokens in the store.
     * Instead of SLACK_BOT_TOKEN, with SLACK_SIGNING_SECRET (HTTP mode).
     */
    SLACK_CLIENT_ID: z.string().trim().regex(/^\d+\.\d+$/, 'must be the Client ID from Basic Information (digits.digits)').optional(),
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: z.string().trim().min(16, 'must be at least 16 characters (openssl rand -hex 32)').optional(),
    JOBCARD_INSTALL_KEY: z
      .string()
      .trim()
      .refine((v) => parseSealKey(v) !== null, 'must be 32 random bytes as 64 hex digits or base64 (openssl rand -base64 32)')
      .optional(),
    /**
     * Rotating JOBCARD_INSTALL_KEY: the key (or keys, comma-separated) the installations were
     * sealed with before. They are sealed again with the new key at start-up; then unset it.
     */
    JOBCARD_INSTALL_KEY_PREVIOUS: z
      .string()
      .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
      .pipe(z.array(z.string().refine((v) => parseSealKey(v) !== null, 'each key must be 32 bytes as 64 hex digits or base64')))
      .optional(),
    /** The redirect URL registered with the app, when it has several (else Slack uses the only one). */
    SLACK_REDIRECT_URI: z.url().optional(),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: z.string().trim().regex(/^\d{17,20}$/, 'must be a Discord snowflake id').optional(),
    DISCORD_GUILD_ID: z.string().trim().regex(/^\d{17,20}$/, 'must be a Discord snowflake id').optional(),
    DISCORD_API_URL: z.url().optional(),
    /**
     * Total Discord shards across all processes; unset: Discord's recommended count
     * (GET /gateway/bot). Fix it when running one process per group of shards.
     */
    DISCORD_SHARD_COUNT: z.coerce.number().int().min(1).max(10_000).optional(),
    /** The shard ids this process runs, comma-separated (e.g. 0,1); needs DISCORD_SHARD_COUNT. */
    DISCORD_SHARDS: z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^\d{1,5}$/, 'each shard id must be a whole number like 0 or 3').transform(Number)).min(1, 'list at least one shard id'))
      .optional(),
    STORE_URL: z
      .string()
      .trim()
      .regex(/^(sqlite|redis|rediss|postgres|postgresql|memory):/, 'must start with sqlite://, redis://, postgres:// or memory:')
      .default('sqlite://./data/jobcard.sqlite'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    JOBCARD_ALLOW_PRIVATE_URLS: flag(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Reactions that ask for the full posting, comma-separated emoji names. */
    JOBCARD_FULL_TEXT_EMOJI: z.string().trim().min(1).default('page_facing_up'),
    JOBCARD_MAX_BYTES: positiveInt(2 * 1024 * 1024),
    /**
     * Postings, shares and message refs older than this are purged by the hourly sweep. The two
     * TTLs below, when set, override it for what they name (earlier configurations set them).
     */
    JOBCARD_RETENTION_DAYS: positiveInt(180),
    JOBCARD_POSTING_TTL_DAYS: z.coerce.number().int().positive().optional(),
    JOBCARD_MESSAGE_TTL_DAYS: z.coerce.number().int().positive().optional(),
    JOBCARD_EVENT_TTL_HOURS: positiveInt(24),
    JOBCARD_LINK_CACHE_TTL_HOURS: positiveInt(24),
    /** Platform user ids allowed to `/jd forget` anyone's posting, comma-separated. */
    JOBCARD_ADMIN_IDS: z.string().default(''),
    /** Run the core over built-in samples at start-up, so the first pastes find it compiled. */
    JOBCARD_WARM_UP: flag('1'),
    /**
     * Ids of bots, webhooks or apps whose postings get cards (job feeds, RSS, followed
     * announcement channels), comma-separated; off by default. Slack: bot id (B…), app id (A…)
     * or bot user id (U…/W…); Discord: the bot's user id or the webhook id (a snowflake).
     */
    JOBCARD_READ_BOTS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^([ABUW][A-Z0-9]{6,}|\d{17,20})$/, 'each id must be a Slack bot/app/user id (B…, A…, U…) or a Discord snowflake'))),
    /** Worker threads that run the core (cleaning, detection, extraction) off the main thread; default by cores (src/pool). */
    JOBCARD_CORE_THREADS: z.coerce.number().int().min(1).max(16).optional(),
    /** Time limit for the core on one paste, in ms: past it the paste is abandoned and its worker replaced. */
    JOBCARD_CORE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  })
  // Never the bot itself: its own cards would be read as postings, and answered, forever.
  .refine((c) => !c.DISCORD_APPLICATION_ID || !c.JOBCARD_READ_BOTS.includes(c.DISCORD_APPLICATION_ID), {
    path: ['JOBCARD_READ_BOTS'],
    message: 'must not list the bot itself (DISCORD_APPLICATION_ID)',
  })
    // `!(id >= count)`: an id that is not a number already has its own message above.
  .refine((c) => !c.DISCORD_SHARDS || (c.DISCORD_SHARD_COUNT !== undefined && c.DISCORD_SHARDS.every((id) => !(id >= c.DISCORD_SHARD_COUNT!))), {
    path: ['DISCORD_SHARDS'],
    message: 'needs DISCORD_SHARD_COUNT, and each id must be below it (ids count from 0)',
  });

export type Config = z.infer<typeof ConfigSchema>;

/** What "Add to Slack" (OAuth installation for many workspaces) needs, all together. */
export const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'JOBCARD_INSTALL_KEY'] as const;

/** Settings that only make sense together; checked on the raw environment so every problem shows at once. */
function missingCompanions(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    problems.push('SLACK_SIGNING_SECRET: set it (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) with SLACK_BOT_TOKEN');
  }
  if (env.JOBCARD_INSTALL_KEY_PREVIOUS && !env.JOBCARD_INSTALL_KEY) problems.push('JOBCARD_INSTALL_KEY: is required with JOBCARD_INSTALL_KEY_PREVIOUS (the new key)');
  const oauth = OAUTH_VARIABLES.filter((name) => env[name]);
  if (oauth.length > 0) {
    for (const name of OAUTH_VARIABLES.filter((n) => !env[n])) problems.push(`${name}: is required with ${oauth.join(', ')} (Add to Slack)`);
    if (!env.SLACK_SIGNING_SECRET) problems.push('SLACK_SIGNING_SECRET: is required with Add to Slack (it runs in HTTP mode)');
    if (env.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: set it or the Add to Slack variables, not both (install to your own workspace through /slack/install)');
    if (env.SLACK_APP_TOKEN) problems.push('SLACK_APP_TOKEN: Add to Slack runs in HTTP mode; unset it');
  } else if (!env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) {
    problems.push('SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set (or SLACK_CLIENT_ID and the other Add to Slack variables)');
  }
  if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
    problems.push('DISCORD_APPLICATION_ID: is required with DISCORD_TOKEN');
  }
  return problems;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Parse the environment; a ConfigError lists one line per problem (never a value: they may be secrets). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(cleaned);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`)),
    ...missingCompanions(cleaned),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(problems);
}

export function slackMode(config: Config): 'http' | 'socket' | null {
  if (slackOAuth(config)) return 'http';
  if (!config.SLACK_BOT_TOKEN) return null;
  return config.SLACK_APP_TOKEN ? 'socket' : 'http';
}

/** The Add to Slack settings, when the app installs into many workspaces (else null: one SLACK_BOT_TOKEN). */
export function slackOAuth(config: Config): {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installKey: Buffer;
  previousInstallKeys: Buffer[];
  redirectUri?: string;
} | null {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret, JOBCARD_INSTALL_KEY: key } = config;
  const installKey = key ? parseSealKey(key) : null;
  if (!clientId || !clientSecret || !stateSecret || !installKey) return null;
  const previousInstallKeys = (config.JOBCARD_INSTALL_KEY_PREVIOUS ?? []).map((k) => parseSealKey(k)).filter((k): k is Buffer => k !== null);
  return { clientId, clientSecret, stateSecret, installKey, previousInstallKeys, ...(config.SLACK_REDIRECT_URI ? { redirectUri: config.SLACK_REDIRECT_URI } : {}) };
}

export function fullTextEmoji(config: Config): string[] {
  const names = config.JOBCARD_FULL_TEXT_EMOJI.split(',').map((s) => s.trim().replace(/^:|:$/g, '')).filter(Boolean);
  // Slack reports reactions by name, Discord by the unicode character: accept both forms.
  return [...names, ...names.flatMap((n) => EMOJI_UNICODE[n] ?? [])];
}

export function adminIds(config: Config): Set<string> {
  return new Set(config.JOBCARD_ADMIN_IDS.split(',').map((s) => s.trim()).filter(Boolean));
}
