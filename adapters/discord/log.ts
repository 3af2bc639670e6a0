/** The logging the adapter needs; a pino logger fits it. */
export interface DiscordLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const ignore = (): void => undefined;
export const silentLogger: DiscordLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/**
 * Warns about a channel's missing permission once per process: a channel that forbids
 * embeds would otherwise log on every posting shared there.
 */
export class OncePerChannel {
  private readonly seen = new Set<string>();

  constructor(private readonly log: DiscordLogger) {}

  warn(channelId: string, problem: string, msg: string): void {
    const key = `${channelId}:${problem}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.log.warn({ channelId, problem }, msg);
  }
}

/** A short description of an error for logs: never a token, never a request body. */
export function describeError(err: unknown): object {
  if (err instanceof Error) {
    const withCode = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
    return {
      name: err.name,
      message: err.message,
      ...(withCode.code !== undefined ? { code: withCode.code } : {}),
      ...(withCode.status !== undefined ? { status: withCode.status } : {}),
    };
  }
  return { message: String(err) };
}
