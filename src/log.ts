import { pino, type Logger } from 'pino';

export type { Logger };

/** Fields that may hold secrets: never written, whatever logs them. */
const REDACT = [
  'token', '*.token', 'botToken', '*.botToken', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret',
  'headers.authorization', '*.headers.authorization', 'config.SLACK_BOT_TOKEN', 'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET', 'config.SLACK_CLIENT_SECRET', 'config.SLACK_STATE_SECRET', 'config.JOBCARD_INSTALL_KEY', 'config.JOBCARD_INSTALL_KEY_PREVIOUS',
  'clientSecret', '*.clientSecret', 'stateSecret', '*.stateSecret', 'config.DISCORD_TOKEN', 'STORE_URL', '*.STORE_URL',
];

/** Structured JSON logs; pretty when a person watches a terminal. */
export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY)): Logger {
  return pino({
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { app: 'jobcard' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,app' } } } : {}),
  });
}

export type EventKind = 'paste' | 'link' | 'command' | 'reaction' | 'file' | 'edit' | 'delete';
export type EventOutcome =
  | 'card' | 'full' | 'notice' | 'help' | 'list' | 'ignored' | 'duplicate-event' | 'error'
  /** An edited posting's card edited in place; a deleted (or un-posted) message's replies removed. */
  | 'updated' | 'removed';

/** The one method an event line needs: pino's logger and every adapter's log fit it. */
export interface EventLog {
  info(obj: object, msg: string): void;
  /** pino's: the fields a child logger adds to every line (the platform, for an adapter's log). */
  bindings?(): Record<string, unknown>;
}

/** The structured log the adapters write to (pino's shape: fields first, then a message); a pino logger fits it. */
export interface Log extends EventLog {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const ignore = (): void => undefined;
/** A log that drops everything, for callers that pass none. */
export const silentLog: Log = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/**
 * One line per handled event, the same on every platform; never the posting text. The platform
 * is written once: not again when the logger already carries it (an adapter's child logger).
 */
export function logEvent(
  log: EventLog | undefined,
  fields: { platform: string; kind: EventKind; outcome: EventOutcome; startedAt: number; channel?: string | null },
): void {
  if (!log) return;
  const bound = typeof log.bindings === 'function' ? log.bindings()['platform'] !== undefined : false;
  log.info(
    {
      ...(bound ? {} : { platform: fields.platform }),
      kind: fields.kind,
      outcome: fields.outcome,
      latencyMs: Math.round(performance.now() - fields.startedAt),
      channel: fields.channel ?? undefined,
    },
    'event',
  );
}

/** The `user:password@` of a URL, after its `//`. */
const URL_USERINFO = /(\/\/)[^/@\s"']*@/g;

/** Hide secrets in a URL (userinfo) before it reaches a log. */
export function redactUrl(url: string): string {
  return url.replace(URL_USERINFO, '$1[redacted]@');
}

/**
 * Secrets that can turn up inside an error message or a logged value (a request URL, a header
 * echoed back): Slack and Discord tokens, webhook and interaction tokens in URL paths, URL
 * userinfo, and secret-named query parameters.
 */
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bxox[a-z]-[\w-]+/gi, '[redacted]'],
  [/\bxoxe\.[\w.-]+/gi, '[redacted]'],
  [/\bxapp-[\w-]+/gi, '[redacted]'],
  [/\b(Bot|Bearer)\s+[\w.-]{16,}/g, '$1 [redacted]'],
  // A Discord bot token: the base64 user id (starts M, N or O), a 6-character stamp, an HMAC.
  [/\b[MNO][\w-]{23,27}\.[\w-]{6}\.[\w-]{27,}/g, '[redacted]'],
  [/(\/(?:webhooks|interactions)\/\d+\/)[^/\s?#"']+/g, '$1[redacted]'],
  [URL_USERINFO, '$1[redacted]@'],
  [/([?&](?:token|access_token|key|secret|client_secret|signature|sig|password)=)[^&\s"'#]+/gi, '$1[redacted]'],
  // A request body the Web API client logs at debug (oauth.v2.access carries the app's client secret).
  [/("(?:client_secret|refresh_token)"\s*:\s*")[^"]*/g, '$1[redacted]'],
];

function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** How many causes deep a description follows `err.cause` (fetch failures hide the reason there). */
const CAUSE_DEPTH = 2;

/**
 * One line describing anything thrown, for a log field: the error's name, its `code` and HTTP
 * status where it has them, its message, and its cause. Never the stack or the request
 * options (they may hold tokens), and any token-shaped text in the message is redacted.
 * Strings are kept as they are, other values written as JSON.
 */
export function describeError(value: unknown): string {
  return redactSecrets(describeValue(value, CAUSE_DEPTH));
}

function describeValue(value: unknown, causes: number): string {
  if (value instanceof Error) {
    const { code, status, statusCode, cause } = value as Error & { code?: unknown; status?: unknown; statusCode?: unknown; cause?: unknown };
    const details: string[] = [];
    // discord.js names its API errors `DiscordAPIError[50013]`: the code is there already.
    if ((typeof code === 'string' || typeof code === 'number') && !value.name.includes(String(code))) details.push(String(code));
    const httpStatus = typeof status === 'number' ? status : statusCode;
    if (typeof httpStatus === 'number') details.push(`HTTP ${httpStatus}`);
    const head = details.length > 0 ? `${value.name} (${details.join(', ')})` : value.name;
    const because = cause !== undefined && causes > 0 ? `; cause: ${describeValue(cause, causes - 1)}` : '';
    return `${head}: ${value.message}${because}`;
  }
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
