import { Alerts } from '../alerts/alerts.js';
import { ALERT_HELP, digestCommand, unwatchCommand, watchCommand } from '../alerts/commands.js';
import { Digests } from '../alerts/digests.js';
import { buildCard, formatBand, type CardContext } from '../card/index.js';
import { SITE_NAMES } from '../card/labels.js';
import { decodeBytes } from '../decode.js';
import { isUserError } from '../errors.js';
import { describeError } from '../log.js';
import { mightBePosting } from '../detect/gate.js';
import { textFingerprint } from '../fingerprint.js';
import { CoreBusyError, CoreTimeoutError, inProcessCore, type Core } from '../pool/core.js';
import type { TextReading } from '../pool/task.js';
import type { PayBand, Posting } from '../posting.js';
import type { MessageRef, Share, Store, TeamEntry, Viewer } from '../store/types.js';
import type { CommandEvent, DeleteEvent, DeskReply, EditOutcome, MessageEvent, Place, ReactionEvent } from './types.js';
import { findUrls, messageRef, stripUrls } from './urls.js';

/** Reads the posting behind a link (src/links). Throws UserError when the link cannot be read. */
export interface LinkReader {
  canonicalize(url: string): string;
  /** Whether a URL shared in passing looks like a job link worth fetching unasked. */
  looksLikeJobLink(url: string): boolean;
  read(url: string): Promise<Posting>;
}

export interface DeskLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DeskOptions {
  store: Store;
  /** Where the core runs: the bot's worker pool (src/pool); by default this thread. */
  core?: Core;
  links?: LinkReader;
  /** Reactions that ask for the full posting: emoji names and unicode forms. */
  fullTextEmoji?: readonly string[];
  /** Largest paste or file accepted, in bytes. */
  maxBytes?: number;
  /** Platform user ids that may forget anyone's posting. */
  admins?: ReadonlySet<string>;
  log?: DeskLogger;
  now?: () => Date;
}

export const DEFAULT_FULL_TEXT_EMOJI = ['page_facing_up', '📄'] as const;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
/** A message whose text, links aside, is this short is "just a link". */
const BARE_LINK_MAX_CHARS = 200;

/** A message that is mostly its links (little text around them): the links are what it shares. */
function isMostlyLinks(text: string, urls: readonly string[]): boolean {
  return urls.length > 0 && stripUrls(text).trim().length <= BARE_LINK_MAX_CHARS;
}
const RECENT_LIMIT = 10;
/** Distinct store errors logged in one outage, at most (the rest are only counted). */
const MAX_OUTAGE_ERRORS = 5;
/** The longest filter `/jd watch` reads (a longer text after "watch" is a paste). */
const MAX_WATCH_TEXT = 500;
/** How long a link we could not read waits for its paste. */
const UNREAD_LINK_MS = 30 * 60 * 1000;

export const HELP_TEXT = [
  'Paste a job posting (or a link to one) and I answer with a card: level, pay per location, visa sponsorship, key requirements.',
  '• `/jd <posting text or link>`: the card, here in the channel',
  '• React :page_facing_up: to a card or a posting: the full cleaned posting in the thread',
  '• `/jd recent`: the last 10 postings shared in this channel',
  '• `/jd search <words>`: postings this team shared (title, company, skills, place)',
  '• `/jd forget [link to the message]`: remove a posting you shared (your latest one here by default)',
  ...ALERT_HELP,
  '• `/jd help`: this message',
].join('\n');

const NOT_A_POSTING = "That doesn't look like a job posting";
const MEMORY_DOWN = "I can't reach my memory right now; try again in a minute.";

/** What a message asks for: a link to read, a posting to card, or a reply already decided. */
type Understood = { link: string } | { posting: Posting } | { reply: DeskReply };

interface Origin {
  platform: Place['platform'];
  team: string;
  channel: string;
  kind?: Place['kind'];
  messageId: string;
  user: string;
  userName?: string | null;
  link?: string | null;
}

/**
 * The platform-neutral service the adapters call. It decides whether a message is a posting,
 * runs the core, consults the store (dedupe, message → posting, team memory) and returns a
 * neutral reply. The store is never allowed to cost the card: when it fails, the card goes
 * out without dedupe, the outage is logged once, and the next success logs the recovery.
 */
export class Desk {
  private readonly store: Store;
  private readonly core: Core;
  private readonly links: LinkReader | undefined;
  private readonly fullTextEmoji: ReadonlySet<string>;
  private readonly maxBytes: number;
  private readonly admins: ReadonlySet<string>;
  private readonly log: DeskLogger | undefined;
  private readonly now: () => Date;
  /** Watches → DMs: adapters connect their delivery (visibility checks, DMs) here. */
  readonly alerts: Alerts;
  /** Channel digests: adapters connect how to post one; the app runs them on a timer. */
  readonly digests: Digests;
  /** The store outage under way: operations failed, and the distinct errors already logged. */
  private storeDown: { failed: number; errors: Set<string> } | undefined;
  /** Links that could not be read, by who shared them where: the paste that follows is tied to the link. */
  private readonly unreadLinks = new Map<string, { url: string; at: number }>();

  constructor(opts: DeskOptions) {
    this.store = opts.store;
    this.core = opts.core ?? inProcessCore;
    this.links = opts.links;
    this.fullTextEmoji = new Set(opts.fullTextEmoji ?? DEFAULT_FULL_TEXT_EMOJI);
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.admins = opts.admins ?? new Set();
    this.log = opts.log;
    this.now = opts.now ?? (() => new Date());
    this.alerts = new Alerts(opts.store.alerts, opts.log);
    this.digests = new Digests(opts.store.alerts, opts.store, opts.log);
  }

  /** Claim a platform event id once; a retry or a second process gets false. */
  async claimEvent(platform: string, eventId: string): Promise<boolean> {
    // Without the store we cannot tell a retry from a first delivery: answer rather than drop.
    return (await this.remembering(() => this.store.claimEvent(`${platform}:${eventId}`))) ?? true;
  }

  /** Handling a claimed event failed: let the platform's retry of it through. */
  async releaseEvent(platform: string, eventId: string): Promise<void> {
    await this.remembering(() => this.store.releaseEvent(`${platform}:${eventId}`));
  }

  /** A message was posted. Returns a card, a notice about a link that could not be read, or null. */
  async handleMessage(ev: MessageEvent): Promise<DeskReply | null> {
    const what = await this.understand(ev);
    return what ? this.answer(ev, what) : null;
  }

  /**
   * A message was edited (`userEdit`: by its author, rather than the platform adding a link's
   * preview). One edited into a posting gets its card; an edited posting's card is updated in
   * place (its share recorded anew); one edited into chat loses its card and its share.
   */
  async handleEdit(ev: MessageEvent, opts: { userEdit: boolean }): Promise<EditOutcome> {
    const ref = { channel: ev.channel, messageId: ev.messageId };
    const share = await this.remembering(() => this.store.shareOf(ev.platform, ref));
    if (!share) {
      const reply = await this.handleMessage(ev);
      return reply ? { action: 'post', reply } : { action: 'none', reason: 'not a posting' };
    }
    // A preview added under a message that has its card changes nothing its author wrote.
    if (!opts.userEdit) return { action: 'none', reason: 'preview added to a message that has its card' };
    const what = await this.understand(ev);
    if (what && 'posting' in what && share.textHash === textFingerprint(what.posting.text)) {
      return { action: 'none', reason: 'posting text unchanged' };
    }
    const removed = await this.remembering(() => this.store.forgetShare(ev.platform, ref));
    const messages = removed?.replies ?? [];
    const reply = what ? await this.answer(ev, what) : null;
    if (reply?.kind === 'card') return messages.some((m) => m.role !== 'full') ? { action: 'update', reply, messages } : { action: 'post', reply };
    if (messages.length > 0 || !reply) return { action: 'remove', messages };
    return { action: 'post', reply };
  }

  /**
   * A message was deleted: forget the share it made (its text too, once no share holds it) and
   * return the bot's replies to it, for the adapter to delete. Null when it made none.
   */
  async handleDelete(ev: DeleteEvent): Promise<MessageRef[] | null> {
    const removed = await this.remembering(() => this.store.forgetShare(ev.platform, { channel: ev.channel, messageId: ev.messageId }));
    return removed ? removed.replies : null;
  }

  /**
   * The app was removed from a workspace or server: forget every share made there (and what
   * only those shares held). Returns how many shares went; a store failure is thrown, not
   * swallowed, so the adapter can say that the workspace's memory is still there.
   */
  async forgetTeam(platform: Place['platform'], team: string): Promise<number> {
    return this.store.forgetTeam(platform, team);
  }

  /**
   * True for a new message's text that certainly gets no answer: no bare link to read and
   * nothing only a posting would say. Adapters ask before claiming the event or logging it, so
   * chat (most of what a bot sees) costs a few microseconds. Attachments and edits take the
   * full path.
   */
  isChat(text: string): boolean {
    const urls = findUrls(text);
    if (isMostlyLinks(text, urls)) return false;
    return !mightBePosting(text);
  }

  /** What a message is: a job link to read, a posting, a notice (the core gave up on it), or nothing to answer. */
  private async understand(ev: MessageEvent): Promise<Understood | null> {
    const fileText = this.readFiles(ev);
    const text = fileText ?? ev.text;
    const urls = fileText === null ? findUrls(text) : [];
    if (isMostlyLinks(text, urls)) {
      const url = urls.find((u) => this.links?.looksLikeJobLink(u));
      return url ? { link: url } : null;
    }
    if (Buffer.byteLength(text, 'utf8') > this.maxBytes) return null;
    // Chat is most of what a bot sees: dismiss what cannot be a posting here, without a trip to the core.
    if (!mightBePosting(text)) return null;
    const reading = await this.readText(text, ev);
    if ('kind' in reading) return { reply: reading };
    return reading.posting ? { posting: reading.posting } : null;
  }

  private answer(ev: MessageEvent, what: Understood): Promise<DeskReply> {
    if ('reply' in what) return Promise.resolve(what.reply);
    if ('link' in what) return this.replyForLink(what.link, ev);
    const linked = this.takeUnreadLink(ev);
    return this.replyWithCard(linked ? withUrl(what.posting, linked) : what.posting, ev, linked);
  }

  /** `/jd …`: help, team memory, a card from text or a link, or a short explanation. */
  async handleCommand(ev: CommandEvent): Promise<DeskReply> {
    const arg = ev.text.trim();
    const [word = '', ...rest] = arg.split(/\s+/);
    const verb = word.toLowerCase();
    const more = rest.join(' ');
    if (arg === '' || verb === 'help' || verb === '?') return { kind: 'help', text: HELP_TEXT };
    if (verb === 'recent' && more === '') return this.recent(ev);
    if (verb === 'search' && rest.length <= 8) return this.search(ev, more);
    if (verb === 'forget' && rest.length <= 1) return this.forget(ev, more);
    if (verb === 'watch' && more.length <= MAX_WATCH_TEXT) return this.alertCommand(() => watchCommand(this.store.alerts, ev, more, this.now()));
    if (verb === 'unwatch' && rest.length <= 1) return this.alertCommand(() => unwatchCommand(this.store.alerts, ev, more));
    if (verb === 'digest' && rest.length <= 1) {
      // jobcard's own admins (JOBCARD_ADMINS) may set any channel's digest.
      const asked = this.admins.has(ev.user) ? { ...ev, mayManageChannel: true } : ev;
      return this.alertCommand(() => digestCommand(this.store.alerts, asked, more, this.now()));
    }

    const origin: Origin = { ...ev, messageId: ev.messageId ?? `command:${this.now().getTime()}` };
    const urls = findUrls(arg);
    if (isMostlyLinks(arg, urls)) {
      if (!this.links) return { kind: 'notice', text: 'Reading links is not enabled here: paste the posting text with `/jd`.' };
      return this.replyForLink(urls[0] as string, origin);
    }
    if (Buffer.byteLength(arg, 'utf8') > this.maxBytes) {
      return { kind: 'notice', text: `That paste is too large (the limit is ${Math.round(this.maxBytes / 1024 / 1024)} MB).` };
    }
    const reading = await this.readText(arg, origin);
    if ('kind' in reading) return reading;
    const { detection, posting } = reading;
    if (!posting) {
      const why = detection.signals.length > 0 ? ` (${detection.signals.slice(0, 3).join('; ')})` : '';
      return { kind: 'notice', text: `${NOT_A_POSTING}: score ${detection.score.toFixed(1)} of ${detection.threshold} needed${why}.` };
    }
    // A paste that carries its link, or follows a link we could not read, is tied to that link.
    const leading = /^\s*(https?:\/\/\S+)\s/.exec(arg)?.[1];
    const linked = (leading && this.links ? this.links.canonicalize(leading) : undefined) ?? this.takeUnreadLink(origin);
    return this.replyWithCard(linked ? withUrl(posting, linked) : posting, origin, linked);
  }

  /** A reaction: the full-text emoji on a card or an original posting gets the full posting. */
  async handleReaction(ev: ReactionEvent): Promise<DeskReply | null> {
    if (!this.fullTextEmoji.has(ev.emoji)) return null;
    const posting = await this.remembering(async () => {
      const id = await this.store.postingIdForMessage(ev.platform, ev.channel, ev.messageId);
      return id ? { id, posting: await this.store.getPosting(id) } : undefined;
    });
    if (!posting?.posting) return null;
    const p = posting.posting;
    const title = [p.title, p.company].filter(Boolean).join(' at ') || 'job posting';
    return { kind: 'full', title, text: p.text, postingId: posting.id };
  }

  /**
   * The adapter posted a card for a posting: remember it so reactions on the card work, and,
   * given the message it answers, so deleting or editing that message reaches the card.
   */
  async rememberReply(place: Place, replyMessageId: string, postingId: string, originalMessageId?: string): Promise<void> {
    const original = originalMessageId ? { channel: place.channel, messageId: originalMessageId } : undefined;
    await this.remembering(() => this.store.linkReply(place.platform, { channel: place.channel, messageId: replyMessageId, role: 'card' }, postingId, original));
  }

  /**
   * The adapter posted the full text for a reaction on `reactedMessageId` (a card or the
   * original): tie each part to the original, so deleting the posting deletes them too.
   */
  async rememberFullText(place: Place, reactedMessageId: string, parts: readonly MessageRef[], postingId: string): Promise<void> {
    await this.remembering(async () => {
      const original = await this.store.originalOf(place.platform, { channel: place.channel, messageId: reactedMessageId });
      for (const part of parts) await this.store.linkReply(place.platform, { ...part, role: 'full' }, postingId, original);
    });
  }

  /**
   * The core's reading of a text, or a short notice when the core gave up on it: past its time
   * limit (the worker running it was replaced) or too busy to queue it. Those are logged with the
   * event, never with the text.
   */
  private async readText(text: string, origin: Origin): Promise<TextReading | DeskReply> {
    try {
      return await this.core.run({ kind: 'text', text });
    } catch (err) {
      if (!(err instanceof CoreTimeoutError || err instanceof CoreBusyError)) throw err;
      const event = { platform: origin.platform, team: origin.team, channel: origin.channel, messageId: origin.messageId, bytes: Buffer.byteLength(text, 'utf8') };
      if (err instanceof CoreTimeoutError) this.log?.warn({ ...event, limitMs: err.limitMs }, 'abandoned reading a paste past the time limit; its worker was replaced');
      else this.log?.warn({ ...event, waiting: err.waiting }, 'refused a paste: too many waiting for the core');
      return { kind: 'notice', text: err.message };
    }
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

  private async replyForLink(url: string, origin: Origin): Promise<DeskReply> {
    const links = this.links as LinkReader;
    try {
      const posting = await links.read(url);
      return await this.replyWithCard(posting, origin, links.canonicalize(url));
    } catch (err) {
      this.rememberUnreadLink(origin, links.canonicalize(url));
      if (isUserError(err)) return { kind: 'notice', text: `${err.message} Paste the posting text with \`/jd\` instead.` };
      this.log?.error({ err: describeError(err) }, 'reading a link failed');
      return { kind: 'notice', text: 'Something went wrong reading that link. Paste the posting text with `/jd` instead.' };
    }
  }

  private async replyWithCard(posting: Posting, origin: Origin, canonicalUrl?: string): Promise<DeskReply> {
    const ownId = textFingerprint(posting.text);
    const share: Share = {
      postingId: ownId,
      platform: origin.platform,
      team: origin.team,
      channel: origin.channel,
      messageId: origin.messageId,
      user: origin.user,
      userName: origin.userName ?? null,
      at: this.now().toISOString(),
      link: origin.link ?? null,
      kind: origin.kind ?? 'private',
      textHash: ownId,
    };
    const memory = await this.remembering(async () => {
      const known = await this.store.lookup(posting, canonicalUrl, viewerOf(origin, origin.user));
      // A near-duplicate first pasted where this audience cannot look is kept apart: its text
      // (what a 📄 here would post) and its pay must never answer here.
      const same = known && (known.posting !== undefined || known.id === ownId) ? known : undefined;
      if (same) share.postingId = same.id;
      await this.store.recordShare({ posting, canonicalUrl: canonicalUrl ?? null, isNew: !same, share, entry: teamEntry(posting, share), team: origin.team });
      return { earlier: same?.firstShare, stored: same?.posting };
    });
    const ctx: CardContext = { sharedBy: { platform: origin.platform, id: origin.user, name: origin.userName ?? null } };
    const earlier = memory?.earlier;
    if (earlier && !(earlier.channel === origin.channel && earlier.messageId === origin.messageId)) {
      ctx.sharedBefore = {
        by: { platform: earlier.platform, id: earlier.user, name: earlier.userName },
        channelId: earlier.channel,
        at: earlier.at,
        link: earlier.link,
      };
    }
    const shown = memory?.stored ? withPayFrom(posting, memory.stored) : posting;
    const card = buildCard(shown, ctx);
    // Watchers hear of it in the background, once the share is remembered (their one alert per posting is claimed there).
    if (memory) {
      this.alerts.notify({ ...share, kind: share.kind ?? 'private', textHash: ownId }, shown, () => buildCard(shown, { sharedBy: ctx.sharedBy }));
    }
    return { kind: 'card', card, posting, postingId: share.postingId };
  }

  /** A watch or digest command; a short notice when the store cannot be reached. */
  private async alertCommand(run: () => Promise<DeskReply>): Promise<DeskReply> {
    return (await this.remembering(run)) ?? { kind: 'notice', text: MEMORY_DOWN };
  }

  private async recent(ev: CommandEvent): Promise<DeskReply> {
    const entries = await this.remembering(() => this.store.recent(viewerOf(ev, ev.user), RECENT_LIMIT));
    if (entries === undefined) return { kind: 'notice', text: MEMORY_DOWN };
    if (entries.length === 0) return { kind: 'notice', text: 'No postings have been shared in this channel yet.' };
    return { kind: 'list', title: `Last ${entries.length} posting${entries.length === 1 ? '' : 's'} shared here`, items: entries.map(entryLine) };
  }

  private async search(ev: CommandEvent, query: string): Promise<DeskReply> {
    if (query.trim() === '') return { kind: 'notice', text: 'Search for what? Try `/jd search machine learning Richmond`.' };
    const entries = await this.remembering(() => this.store.search(viewerOf(ev, ev.user), query, RECENT_LIMIT));
    if (entries === undefined) return { kind: 'notice', text: MEMORY_DOWN };
    if (entries.length === 0) return { kind: 'notice', text: `Nothing this team shared matches “${query.slice(0, 80)}”.` };
    return { kind: 'list', title: `Postings matching “${query.slice(0, 80)}”`, items: entries.map(entryLine) };
  }

  /**
   * `/jd forget [link | posting id]`: forget the asker's share (the message linked, their latest
   * share here, or their shares of a posting id) the way deleting it would: its lines in team
   * memory, the bot's replies to it (returned for the adapter to delete), and the posting's
   * text once no share holds it. An admin may forget anyone's.
   */
  private async forget(ev: CommandEvent, target: string): Promise<DeskReply> {
    const mayForgetAny = Boolean(ev.isAdmin) || this.admins.has(ev.user);
    const result = await this.remembering(async () => {
      const ref = target ? messageRef(target) : undefined;
      let messages: MessageRef[] = [];
      if (ref) {
        // A link to the shared message, or to the bot's card under it.
        const original = await this.store.originalOf(ev.platform, ref);
        if (original) messages = [original];
      } else if (/^[0-9a-f]{20}$/.test(target) || !target) {
        let postingId = target || undefined;
        if (!postingId) {
          const mine = (await this.store.recent(viewerOf(ev, ev.user), 50)).find((e) => e.user === ev.user);
          postingId = mine?.postingId;
          if (mine?.messageId) messages = [{ channel: mine.channel, messageId: mine.messageId }];
        }
        if (postingId && messages.length === 0) {
          const shares = (await this.store.shares(postingId)).filter((s) => s.platform === ev.platform);
          const mine = shares.filter((s) => s.user === ev.user && (target !== '' || s.channel === ev.channel));
          const chosen = mine.length > 0 ? mine : mayForgetAny ? shares : [];
          if (chosen.length === 0) return shares.length > 0 ? ('not-yours' as const) : ('none' as const);
          messages = chosen.map((s) => ({ channel: s.channel, messageId: s.messageId }));
        }
      }
      if (messages.length === 0) return 'none' as const;
      const shares = await Promise.all(messages.map((m) => this.store.shareOf(ev.platform, m)));
      if (shares.some((s) => s === undefined)) return 'none' as const;
      if (shares.some((s) => s && s.user !== ev.user) && !mayForgetAny) return 'not-yours' as const;
      const remove: MessageRef[] = [];
      for (const m of messages) remove.push(...((await this.store.forgetShare(ev.platform, m))?.replies ?? []));
      return { remove };
    });
    if (result === undefined) return { kind: 'notice', text: MEMORY_DOWN };
    if (result === 'not-yours') return { kind: 'notice', text: 'Only the person who shared that posting (or an admin) can make me forget it.' };
    if (result === 'none') return { kind: 'notice', text: target ? 'I have no posting for that message.' : 'You have not shared a posting in this channel.' };
    return { kind: 'notice', text: 'Forgotten: your share, its card and, once nobody else shared it, the posting are gone from my memory.', remove: result.remove };
  }

  private rememberUnreadLink(origin: Origin, url: string): void {
    const now = this.now().getTime();
    for (const [key, entry] of this.unreadLinks) if (now - entry.at > UNREAD_LINK_MS) this.unreadLinks.delete(key);
    this.unreadLinks.set(unreadLinkKey(origin), { url, at: now });
  }

  private takeUnreadLink(origin: Origin): string | undefined {
    const key = unreadLinkKey(origin);
    const entry = this.unreadLinks.get(key);
    this.unreadLinks.delete(key);
    return entry && this.now().getTime() - entry.at <= UNREAD_LINK_MS ? entry.url : undefined;
  }

  /**
   * Run a store operation; undefined when the store is unavailable. Nothing a store throws is
   * swallowed unseen: the first failure of an outage is logged with its error, each different
   * error after it too (a later one may be the cause worth fixing), and the recovery line says
   * how many operations failed meanwhile.
   */
  private async remembering<T>(op: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await op();
      if (this.storeDown) {
        this.log?.info({ failed: this.storeDown.failed }, 'store reachable again');
        this.storeDown = undefined;
      }
      return value;
    } catch (err) {
      const error = describeError(err);
      if (!this.storeDown) {
        this.storeDown = { failed: 1, errors: new Set([error]) };
        this.log?.warn({ err: error }, 'store unavailable; answering without memory');
      } else {
        this.storeDown.failed++;
        if (this.storeDown.errors.size < MAX_OUTAGE_ERRORS && !this.storeDown.errors.has(error)) {
          this.storeDown.errors.add(error);
          this.log?.warn({ err: error, failed: this.storeDown.failed }, 'store still unavailable: another error');
        }
      }
      return undefined;
    }
  }
}

/** Where a question comes from, as the store's visibility rule reads it; a place of unknown kind counts as private. */
function viewerOf(place: Place, user: string): Viewer {
  return { platform: place.platform, team: place.team, channel: place.channel, user, kind: place.kind ?? 'private' };
}

/** Unread links wait per person per channel. */
function unreadLinkKey(origin: Origin): string {
  return `${origin.platform}:${origin.channel}:${origin.user}`;
}

function withUrl(posting: Posting, url: string): Posting {
  return { ...posting, source: { ...posting.source, url } };
}

/** Pay bands seen for the same job elsewhere (another site, another location list), marked with their source. */
function withPayFrom(posting: Posting, stored: Posting): Posting {
  const key = (b: PayBand): string => `${b.location ?? ''}|${b.min}|${b.max}|${b.currency}|${b.period}`;
  const have = new Set(posting.pay.map(key));
  const site = stored.source.site;
  const source = site ? `seen on ${SITE_NAMES[site] ?? site}` : 'seen in an earlier share';
  const extra = stored.pay
    .filter((b) => !have.has(key(b)) && !posting.pay.some((p) => p.location !== null && p.location === b.location))
    // The card shows places, not notes: the source goes beside the place it priced.
    .map((b) => ({ ...b, location: b.location === null ? null : `${b.location} (${source})`, note: source }));
  return extra.length === 0 ? posting : { ...posting, pay: [...posting.pay, ...extra] };
}

function teamEntry(posting: Posting, share: Share): TeamEntry {
  const pay = posting.pay.slice(0, 2).map((b) => `${b.location ? `${b.location} ` : ''}${formatBand(b)}`).join(' · ') || null;
  const terms = [posting.title, posting.company, ...posting.requirements.skills, ...posting.locations].filter(Boolean).join(' ').toLowerCase();
  return {
    postingId: share.postingId,
    title: posting.title,
    company: posting.company,
    level: posting.level.seniority,
    pay,
    payRange: payRange(posting.pay),
    places: placesLine(posting),
    sponsorship: posting.sponsorship.stance,
    terms,
    channel: share.channel,
    user: share.user,
    userName: share.userName,
    at: share.at,
    link: share.link,
    kind: share.kind,
    team: share.team,
    messageId: share.messageId,
  };
}

/** One range over every band in the first band's currency and period (`$144.2k–$181k`), places aside. */
function payRange(bands: readonly PayBand[]): string | null {
  const first = bands[0];
  if (!first) return null;
  const same = bands.filter((b) => b.currency === first.currency && b.period === first.period);
  const min = Math.min(...same.map((b) => b.min));
  const tops = same.map((b) => b.max);
  const max = tops.some((t) => t === null) ? null : Math.max(...(tops as number[]));
  return formatBand({ min, max: max === min ? min : max, currency: first.currency, period: first.period, note: same.length === 1 ? first.note : null });
}

/** Where a role is, in a few words: up to three places (and how many more), or its arrangement. */
function placesLine(posting: Posting): string | null {
  const places = posting.locations.slice(0, 3).join(' / ');
  const more = posting.locations.length > 3 ? ` +${posting.locations.length - 3}` : '';
  if (places) return `${places}${more}`;
  return posting.workplace === 'remote' ? 'Remote' : null;
}

function entryLine(e: TeamEntry): string {
  const what = [e.title ?? 'Untitled role', e.company, e.level].filter(Boolean).join(' · ');
  const who = e.userName ? `@${e.userName}` : `<@${e.user}>`;
  return `${what} | Pay: ${e.pay ?? 'not stated'} | Sponsorship: ${e.sponsorship === 'unstated' ? 'not stated' : e.sponsorship} | ${who}, ${e.at.slice(0, 10)}`;
}
