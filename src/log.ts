import { pino, type Logger } from 'pino';

export type { Logger };

/** Fields that may hold secrets: never written, whatever logs them. */
const REDACT = [
  'token', '*.token', 'botToken', '*.botToken', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret',
  'headers.authorization', '*.headers.authorization', 'config.SLACK_BOT_TOKEN', 'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET', 'config.DISCORD_TOKEN', 'STORE_URL', '*.STORE_URL',
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

export type EventKind = 'paste' | 'link' | 'command' | 'reaction' | 'file';
export type EventOutcome = 'card' | 'full' | 'notice' | 'help' | 'list' | 'ignored' | 'duplicate-event' | 'error';

/** The one method an event line needs: pino's logger and every adapter's log fit it. */
export interface EventLog {
  info(obj: object, msg: string): void;
}

/** One line per handled event, the same on every platform; never the posting text. */
export function logEvent(
  log: EventLog | undefined,
  fields: { platform: string; kind: EventKind; outcome: EventOutcome; startedAt: number; channel?: string | null },
): void {
  log?.info(
    { platform: fields.platform, kind: fields.kind, outcome: fields.outcome, latencyMs: Math.round(performance.now() - fields.startedAt), channel: fields.channel ?? undefined },
    'event',
  );
}

/** Hide secrets in a URL (userinfo) before it reaches a log. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//[redacted]@');
}
