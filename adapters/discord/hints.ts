import { RESTEvents, type Client, type Message } from 'discord.js';
import { FULL_TEXT_EMOJI } from './context.js';
import { describeError, type DiscordLogger, type OncePerChannel } from './log.js';

/** Discord's global budget for a bot: requests per second over every route (discord.js enforces it). */
const GLOBAL_PER_SECOND = 50;
/** Hints go out only while the last second used less than this share of the budget. */
const QUIET_SHARE = 0.5;
/** Cards waiting for a hint beyond this many: the oldest lose theirs (a hint is a nicety). */
const MAX_WAITING = 200;
const RECHECK_MS = 100;

/**
 * The 📄 hint under each card, sent when Discord's request budget has room. discord.js holds
 * one global budget of 50 requests a second across every route; a reaction sent with each
 * card spends half of it, and under a burst of pastes the hints would make later cards wait
 * for the next second. So the card goes first and its hint waits here until the last second's
 * requests leave room; in a quiet channel that is at once.
 */
export class HintQueue {
  private readonly waiting: Message[] = [];
  /** When each recent REST request finished, oldest first. */
  private readonly recent: number[] = [];
  private draining = false;
  private stopped = false;

  constructor(
    client: Client,
    private readonly log: DiscordLogger,
    private readonly permissionLog: OncePerChannel,
    private readonly now: () => number = Date.now,
  ) {
    client.rest.on(RESTEvents.Response, () => {
      this.recent.push(this.now());
      this.load(); // drop what is over a second old, hints waiting or not
    });
  }

  /** Add the hint to this card when the budget allows. */
  add(card: Message): void {
    if (this.stopped) return;
    this.waiting.push(card);
    if (this.waiting.length > MAX_WAITING) this.waiting.shift();
    void this.drain();
  }

  /** Hints not yet sent are dropped: stopping waits for replies, not for niceties. */
  stop(): void {
    this.stopped = true;
    this.waiting.length = 0;
  }

  /** Requests in the last second. */
  private load(): number {
    const since = this.now() - 1000;
    while (this.recent.length > 0 && (this.recent[0] as number) < since) this.recent.shift();
    return this.recent.length;
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.stopped && this.waiting.length > 0) {
        if (this.load() >= GLOBAL_PER_SECOND * QUIET_SHARE) {
          await new Promise((resolve) => setTimeout(resolve, RECHECK_MS).unref());
          continue;
        }
        const card = this.waiting.shift() as Message;
        await card.react(FULL_TEXT_EMOJI).catch((err: unknown) => {
          this.permissionLog.warn(card.channelId, 'react', 'could not add the 📄 hint to a card');
          this.log.debug({ err: describeError(err) }, 'react failed');
        });
      }
    } finally {
      this.draining = false;
    }
  }
}
