import type { Log } from '../../src/log.js';

/** Under the names bot.ts, context.ts, post-card.ts and index.ts import from here. */
export { describeError, silentLog as silentLogger } from '../../src/log.js';
export type DiscordLogger = Log;

/**
 * Warns about a channel's missing permission once per process: a channel that forbids
 * embeds would otherwise log on every posting shared there.
 */
export class OncePerChannel {
  private readonly seen = new Set<string>();

  constructor(private readonly log: Log) {}

  warn(channelId: string, problem: string, msg: string): void {
    const key = `${channelId}:${problem}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.log.warn({ channelId, problem }, msg);
  }
}
