import { webApi } from '@slack/bolt';
import { describeError, type Log } from '../../src/log.js';
import { shrinkMessage, splitMessage, type SlackMessage } from './message.js';

/** Channels the app cannot post in: nothing to retry, worth one log line per channel. */
const UNREACHABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'no_permission']);
/** The token is wrong or revoked: nothing works until someone fixes the configuration. */
export const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);
const TOO_LONG = new Set(['msg_blocks_too_long', 'msg_too_long']);

export interface SlackWebOptions {
  /** How many times a call answered with 429 is tried again (after its Retry-After). */
  rateLimitRetries?: number;
  /** Longest Retry-After honoured, in seconds; a longer one is waited out only this long. */
  maxRetryAfterSec?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The Slack error code of a failed Web API call (`not_in_channel`), or null for other failures. */
export function slackErrorCode(err: unknown): string | null {
  if (err instanceof webApi.WebAPIPlatformError) return err.data.error;
  return null;
}

/**
 * The adapter's way out to Slack: every call goes through `call`, which waits out a 429 per its
 * Retry-After (the WebClient is built with rejectRateLimitedCalls so this holds even when the
 * client's own retries are off), and posting knows what to do with Slack's refusals.
 */
export class SlackWeb {
  private readonly retries: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly reported = new Set<string>();

  constructor(
    readonly client: webApi.WebClient,
    private readonly log: Log,
    opts: SlackWebOptions = {},
  ) {
    this.retries = opts.rateLimitRetries ?? 3;
    this.maxRetryAfterMs = (opts.maxRetryAfterSec ?? 60) * 1000;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Run one Web API call, waiting out rate limits. Other errors are thrown as they are. */
  async call<T>(method: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await fn();
      } catch (err) {
        if (!(err instanceof webApi.WebAPIRateLimitedError) || attempt >= this.retries) throw err;
        const waitMs = Math.min(Math.max(err.retryAfter, 0) * 1000, this.maxRetryAfterMs);
        this.log.warn({ method, retryAfterSec: err.retryAfter, attempt: attempt + 1 }, 'Slack rate limit: waiting before retrying');
        await this.sleep(waitMs);
      }
    }
  }

  /**
   * Post a message in a thread. Returns the ts of every message posted (a refused full-text
   * message may go out as two), or [] when Slack would not take it (logged).
   */
  async postInThread(channel: string, threadTs: string, msg: SlackMessage, onTooLong: 'shrink' | 'split'): Promise<string[]> {
    let current: SlackMessage | null = msg;
    while (current) {
      const { text, blocks }: SlackMessage = current;
      try {
        const res = await this.call('chat.postMessage', () =>
          this.client.chat.postMessage({ channel, thread_ts: threadTs, text, blocks, unfurl_links: false, unfurl_media: false }),
        );
        return res.ts ? [res.ts] : [];
      } catch (err) {
        const code = slackErrorCode(err);
        if (code && TOO_LONG.has(code)) {
          if (onTooLong === 'split') {
            const halves = splitMessage(current);
            if (halves) {
              const first = await this.postInThread(channel, threadTs, halves[0], 'split');
              const second = await this.postInThread(channel, threadTs, halves[1], 'split');
              return [...first, ...second];
            }
          }
          this.log.warn({ channel, code, blocks: current.blocks.length }, 'Slack found the message too long: shrinking it');
          current = shrinkMessage(current);
          continue;
        }
        this.reportFailure('chat.postMessage', channel, err);
        return [];
      }
    }
    this.log.error({ channel }, 'Slack refused the message even after shrinking it');
    return [];
  }

  /** Replace a message of the bot's (an edited posting's card) in place. False when Slack refused. */
  async updateMessage(channel: string, ts: string, msg: SlackMessage): Promise<boolean> {
    let current: SlackMessage | null = msg;
    while (current) {
      const { text, blocks }: SlackMessage = current;
      try {
        await this.call('chat.update', () => this.client.chat.update({ channel, ts, text, blocks }));
        return true;
      } catch (err) {
        const code = slackErrorCode(err);
        if (code && TOO_LONG.has(code)) {
          current = shrinkMessage(current);
          continue;
        }
        this.reportFailure('chat.update', channel, err);
        return false;
      }
    }
    return false;
  }

  /**
   * Remove a message of the bot's (a card or full text whose posting was deleted). Where Slack
   * will not delete it, it is edited to say the posting was removed, so its text is gone either way.
   */
  async removeMessage(channel: string, ts: string): Promise<'deleted' | 'blanked' | 'failed'> {
    try {
      await this.call('chat.delete', () => this.client.chat.delete({ channel, ts }));
      return 'deleted';
    } catch (err) {
      if (slackErrorCode(err) === 'message_not_found') return 'deleted';
      this.log.debug({ channel, code: slackErrorCode(err) }, 'could not delete a reply: blanking it instead');
    }
    const note = 'The posting this answered was removed.';
    try {
      await this.call('chat.update', () => this.client.chat.update({ channel, ts, text: note, blocks: [] }));
      return 'blanked';
    } catch (err) {
      this.reportFailure('chat.update', channel, err);
      return 'failed';
    }
  }

  /** A message only `user` sees (a notice about their own message). False when it could not be sent. */
  async postEphemeral(channel: string, user: string, text: string, threadTs?: string): Promise<boolean> {
    try {
      await this.call('chat.postEphemeral', () =>
        this.client.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) }),
      );
      return true;
    } catch (err) {
      this.reportFailure('chat.postEphemeral', channel, err);
      return false;
    }
  }

  /**
   * Log a failed call: once per channel for channels the app cannot reach, always otherwise.
   * `channel` names what the call was about (a channel, or a file for files.info).
   */
  reportFailure(method: string, channel: string, err: unknown): void {
    const code = slackErrorCode(err);
    if (code && UNREACHABLE.has(code)) {
      const key = `${channel}:${code}`;
      if (this.reported.has(key)) return;
      this.reported.add(key);
      this.log.warn({ method, channel, code }, 'cannot post in this channel (invite the app, or check it still exists); further failures here are not logged');
      return;
    }
    if (code && AUTH_ERRORS.has(code)) {
      this.log.error({ method, code }, 'Slack rejected the bot token: check SLACK_BOT_TOKEN (with Add to Slack: the workspace removed the app or must reinstall it)');
      return;
    }
    if (code === 'missing_scope') {
      const needed = err instanceof webApi.WebAPIPlatformError ? (err.data as { needed?: unknown }).needed : undefined;
      this.log.error({ method, code, needed }, 'the Slack app lacks a scope: reinstall it from adapters/slack/manifest.yml');
      return;
    }
    this.log.error({ method, channel, err: describeError(err) }, 'Slack call failed');
  }
}
