import type { Card } from '../card/index.js';
import type { Posting } from '../posting.js';
import type { ChannelKind, MessageRef } from '../store/types.js';

export type { ChannelKind, MessageRef };

export type Platform = 'slack' | 'discord' | 'local';

/** Where something happened, in the platform's own ids. */
export interface Place {
  platform: Platform;
  /** Slack team id, Discord guild id (or 'dm'), 'local'. */
  team: string;
  channel: string;
  /**
   * Who can read the channel (public, private, dm, connect): what the bot remembers from here
   * is told only where this audience could see it. Adapters always say; absent counts as private.
   */
  kind?: ChannelKind;
}

export interface Attachment {
  name: string;
  bytes: Uint8Array;
}

export interface MessageEvent extends Place {
  messageId: string;
  user: string;
  userName?: string | null;
  /** Plain text with platform markup already unwrapped by the adapter. */
  text: string;
  /** Text files attached to the message (a long paste turned into a file), raw bytes. */
  files?: Attachment[];
  /** A link to the message itself, for "shared before" notices. */
  link?: string | null;
}

export interface CommandEvent extends Place {
  user: string;
  userName?: string | null;
  /** What followed the command (`/jd <text>`), markup unwrapped. */
  text: string;
  /** Admins may forget any posting. */
  isAdmin?: boolean;
  /**
   * Whether the person may manage this channel (Discord: Manage Channels or Manage Messages
   * there), which turning its digest on or off takes. Undefined where the platform does not
   * say (Slack: anyone in the channel may).
   */
  mayManageChannel?: boolean;
  /** The message a context-menu command was run on, if any. */
  messageId?: string | null;
  link?: string | null;
}

export interface ReactionEvent extends Place {
  /** The message that was reacted to: a card of ours or an original posting. */
  messageId: string;
  user: string;
  /** Emoji name without colons ("page_facing_up") or the unicode character ("📄"). */
  emoji: string;
}

/** A message deleted (or, on Slack, turned into a tombstone). */
export interface DeleteEvent extends Place {
  messageId: string;
}

/** What the Desk asks an adapter to post. Adapters render each kind for their platform. */
export type DeskReply =
  | { kind: 'card'; card: Card; posting: Posting; postingId: string }
  | { kind: 'full'; title: string; text: string; postingId: string }
  /**
   * A short message for the user only (bad input, not a posting, forgotten). `remove`: the
   * bot's replies to a forgotten share, for the adapter to delete.
   */
  | { kind: 'notice'; text: string; remove?: MessageRef[] }
  | { kind: 'help'; text: string }
  /** A list the team asked for (`/jd recent`, `/jd search …`). */
  | { kind: 'list'; title: string; items: string[] };

export type CardReply = Extract<DeskReply, { kind: 'card' }>;

/**
 * What an edited message asks of the adapter: nothing (`reason` says why), a new card (edited
 * into a posting), the same card updated in place (`messages`: the card's messages), or the
 * bot's replies removed (edited into chat).
 */
export type EditOutcome =
  | { action: 'none'; reason: string }
  | { action: 'post'; reply: DeskReply }
  | { action: 'update'; reply: CardReply; messages: MessageRef[] }
  | { action: 'remove'; messages: MessageRef[] };
