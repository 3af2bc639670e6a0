import { buildCard, type CardContext, type PersonRef } from '../card/index.js';
import { decodeBytes } from '../decode.js';
import { isUserError, UserError } from '../errors.js';
import { analyzeText, textFingerprint } from '../pipeline.js';
import type { Posting } from '../posting.js';
import type { Share, Store } from '../store/types.js';
import type { CommandEvent, DeskReply, MessageEvent, Place, ReactionEvent } from './types.js';
import { findUrls, stripUrls } from './urls.js';

/** Reads the posting behind a link (src/links). Throws UserError when the link cannot be read. */
export interface LinkReader {
  canonicalize(url: string): string;
  /** Whether a URL shared in passing looks like a job link worth fetching unasked. */
  looksLikeJobLink(url: string): boolean;
  read(url: string): Promise<Posting>;
}

export interface DeskLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DeskOptions {
  store: Store;
  links?: LinkReader;
  /** Reactions that ask for the full posting: emoji names and unicode forms. */
  fullTextEmoji?: readonly string[];
  /** Largest paste or file accepted, in bytes. */
  maxBytes?: number;
  log?: DeskLogger;
  now?: () => Date;
}

export const DEFAULT_FULL_TEXT_EMOJI = ['page_facing_up', '📄'] as const;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
/** A message whose text, links aside, is this short is "just a link". */
const BARE_LINK_MAX_CHARS = 200;

export const HELP_TEXT = [
  'Paste a job posting (or a link to one) and I answer with a card: level, pay per location, visa sponsorship, key requirements.',
  '• `/jd <posting text or link>`: the card, here in the channel',
  '• React :page_facing_up: to a card or a posting: the full cleaned posting in the thread',
  '• `/jd help`: this message',
].join('\n');

const NOT_A_POSTING = "That doesn't look like a job posting";

/**
 * The platform-neutral service the adapters call. It decides whether a message is a posting,
 * runs the core, consults the store (dedupe, message → posting) and returns a neutral reply.
 */
export class Desk {
  private readonly store: Store;
  private readonly links: LinkReader | undefined;
  private readonly fullTextEmoji: ReadonlySet<string>;
  private readonly maxBytes: number;
  private readonly log: DeskLogger | undefined;
  private readonly now: () => Date;

  constructor(opts: DeskOptions) {
    this.store = opts.store;
    this.links = opts.links;
    this.fullTextEmoji = new Set(opts.fullTextEmoji ?? DEFAULT_FULL_TEXT_EMOJI);
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.log = opts.log;
    this.now = opts.now ?? (() => new Date());
  }

  /** Claim a platform event id once; a retry or a second process gets false. */
  async claimEvent(platform: string, eventId: string): Promise<boolean> {
    return this.store.claimEvent(`${platform}:${eventId}`);
  }

  /** A message was posted. Returns a card, a notice about a link that could not be read, or null. */
  async handleMessage(ev: MessageEvent): Promise<DeskReply | null> {
    const fileText = this.readFiles(ev);
    const text = fileText ?? ev.text;
    const urls = fileText === null ? findUrls(text) : [];
    const bareLink = urls.length > 0 && stripUrls(text).trim().length <= BARE_LINK_MAX_CHARS;
    if (bareLink) {
      const url = urls.find((u) => this.links?.looksLikeJobLink(u));
      if (!url || !this.links) return null;
      return this.replyForLink(url, ev);
    }
    if (text.length > this.maxBytes) return null;
    const { detection, posting } = analyzeText(text);
    if (!detection.isPosting) return null;
    return this.replyWithCard(posting, ev);
  }

  /** `/jd …`: help, a card from text or a link, or a short explanation. */
  async handleCommand(ev: CommandEvent): Promise<DeskReply> {
    const arg = ev.text.trim();
    if (arg === '' || /^(help|\?)$/i.test(arg)) return { kind: 'help', text: HELP_TEXT };
    const urls = findUrls(arg);
    const place = { ...ev, messageId: ev.messageId ?? `command:${this.now().getTime()}` };
    if (urls.length > 0 && stripUrls(arg).trim().length <= BARE_LINK_MAX_CHARS) {
      if (!this.links) return { kind: 'notice', text: 'Reading links is not enabled here yet: paste the posting text with `/jd`.' };
      return this.replyForLink(urls[0] as string, place);
    }
    if (Buffer.byteLength(arg, 'utf8') > this.maxBytes) {
      return { kind: 'notice', text: `That paste is too large (over ${Math.round(this.maxBytes / 1024 / 1024)} MB).` };
    }
    const { detection, posting } = analyzeText(arg);
    if (!detection.isPosting) {
      const why = detection.signals.length > 0 ? ` (${detection.signals.slice(0, 3).join('; ')})` : '';
      return { kind: 'notice', text: `${NOT_A_POSTING}: score ${detection.score.toFixed(1)} of ${detection.threshold} needed${why}.` };
    }
    return this.replyWithCard(posting, place);
  }

  /** A reaction: the full-text emoji on a card or an original posting gets the full posting. */
  async handleReaction(ev: ReactionEvent): Promise<DeskReply | null> {
    if (!this.fullTextEmoji.has(ev.emoji)) return null;
    const postingId = await this.store.postingIdForMessage(ev.platform, ev.channel, ev.messageId);
    if (!postingId) return null;
    const posting = await this.store.getPosting(postingId);
    if (!posting) return null;
    const title = [posting.title, posting.company].filter(Boolean).join(' at ') || 'job posting';
    return { kind: 'full', title, text: posting.text, postingId };
  }

  /** The adapter posted a card for a posting: remember it so reactions on the card work. */
  async rememberReply(place: Place, replyMessageId: string, postingId: string): Promise<void> {
    await this.store.linkMessage(place.platform, place.channel, replyMessageId, postingId);
  }

  private readFiles(ev: MessageEvent): string | null {
    const texts: string[] = [];
    for (const file of ev.files ?? []) {
      try {
        texts.push(decodeBytes(file.bytes, { maxBytes: this.maxBytes }).text);
      } catch (err) {
        if (!isUserError(err)) throw err;
      }
    }
    return texts.length > 0 ? [ev.text, ...texts].filter((t) => t.trim()).join('\n\n') : null;
  }

  private async replyForLink(url: string, ev: MessageEvent | (CommandEvent & { messageId: string })): Promise<DeskReply> {
    const links = this.links as LinkReader;
    try {
      const posting = await links.read(url);
      return await this.replyWithCard(posting, ev, links.canonicalize(url));
    } catch (err) {
      if (isUserError(err)) return { kind: 'notice', text: `${err.message} Paste the posting text with \`/jd\` instead.` };
      this.log?.error({ err: errorSummary(err) }, 'reading a link failed');
      return { kind: 'notice', text: 'Something went wrong reading that link. Paste the posting text with `/jd` instead.' };
    }
  }

  private async replyWithCard(
    posting: Posting,
    ev: { platform: MessageEvent['platform']; team: string; channel: string; messageId: string; user: string; userName?: string | null; link?: string | null },
    canonicalUrl?: string,
  ): Promise<DeskReply> {
    const keys = dedupeKeys(posting, canonicalUrl);
    let postingId = textFingerprint(posting.text);
    let earlier: Share | undefined;
    try {
      const known = await this.store.findDuplicate(keys);
      if (known) {
        postingId = known;
        earlier = await this.store.firstShare(known);
      } else {
        await this.store.putPosting(postingId, posting);
        await this.store.rememberKeys(keys, postingId);
      }
      await this.store.linkMessage(ev.platform, ev.channel, ev.messageId, postingId);
      await this.store.addShare({
        postingId,
        platform: ev.platform,
        team: ev.team,
        channel: ev.channel,
        messageId: ev.messageId,
        user: ev.user,
        userName: ev.userName ?? null,
        at: this.now().toISOString(),
        link: ev.link ?? null,
      });
    } catch (err) {
      // The card matters more than memory: answer without dedupe when the store fails.
      this.log?.warn({ err: errorSummary(err) }, 'store unavailable; answering without dedupe');
    }
    const sharedBy: PersonRef = { platform: ev.platform, id: ev.user, name: ev.userName ?? null };
    const ctx: CardContext = { sharedBy };
    if (earlier && earlier.messageId !== ev.messageId) {
      ctx.sharedBefore = {
        by: { platform: earlier.platform, id: earlier.user, name: earlier.userName },
        channelId: earlier.channel,
        at: earlier.at,
        link: earlier.link,
      };
    }
    return { kind: 'card', card: buildCard(posting, ctx), posting, postingId };
  }
}

/** Keys under which a posting is remembered: its canonical link and its cleaned text. */
export function dedupeKeys(posting: Posting, canonicalUrl?: string): string[] {
  const keys = [`text:${textFingerprint(posting.text)}`];
  const url = canonicalUrl ?? posting.source.url;
  if (url) keys.unshift(`url:${url}`);
  return keys;
}

function errorSummary(err: unknown): string {
  if (err instanceof UserError) return `${err.code}: ${err.message}`;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
