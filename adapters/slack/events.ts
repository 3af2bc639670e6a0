import { z } from 'zod';

/**
 * The parts of Slack's event payloads the adapter relies on, validated once so the listeners
 * read typed fields rather than casting Bolt's wide unions.
 */
const SharedFileSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  title: z.string().nullish(),
  mimetype: z.string().optional(),
  filetype: z.string().optional(),
  mode: z.string().optional(),
  size: z.number().optional(),
  url_private: z.string().optional(),
  url_private_download: z.string().optional(),
  file_access: z.string().optional(),
});

/**
 * A message attachment: a forwarded message (`is_share`, with `is_msg_unfurl` when it unfurls a
 * message link) carries the original's text; a link's unfurl carries the page's title and text.
 */
const AttachmentSchema = z.looseObject({
  is_share: z.boolean().optional(),
  is_msg_unfurl: z.boolean().optional(),
  from_url: z.string().optional(),
  title: z.string().optional(),
  pretext: z.string().optional(),
  text: z.string().optional(),
  fallback: z.string().optional(),
  author_id: z.string().optional(),
  channel_id: z.string().optional(),
  ts: z.string().optional(),
});
export type MessageAttachment = z.infer<typeof AttachmentSchema>;

/** The fields of a message the adapter reads, at the top of an event or inside message_changed. */
const MessageFields = {
  type: z.literal('message'),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  app_id: z.string().optional(),
  /** A classic bot_message's display name. */
  username: z.string().optional(),
  bot_profile: z.looseObject({ id: z.string().optional(), app_id: z.string().optional(), name: z.string().optional() }).optional(),
  text: z.string().optional().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
  files: z.array(SharedFileSchema).optional(),
  attachments: z.array(AttachmentSchema).optional(),
  /** Set when a person edited the message (absent when Slack only added a link's preview). */
  edited: z.looseObject({ user: z.string().optional(), ts: z.string().optional() }).optional(),
};

/** The message as it reads after an edit (message_changed), without its own channel. */
export const ChangedMessage = z.looseObject({ ...MessageFields, type: z.literal('message').optional().default('message') });
export type ChangedMessage = z.infer<typeof ChangedMessage>;

export const MessagePayload = z.looseObject({
  ...MessageFields,
  channel: z.string(),
  /** `channel` (public), `group` (private), `im` (a DM with the app), `mpim` (a group DM). */
  channel_type: z.string().optional(),
  /** message_changed: the message after and before the edit. */
  message: ChangedMessage.optional(),
  previous_message: ChangedMessage.optional(),
  /** message_deleted: the message that was deleted. */
  deleted_ts: z.string().optional(),
});
export type MessagePayload = z.infer<typeof MessagePayload>;

export const ReactionPayload = z.looseObject({
  type: z.literal('reaction_added'),
  user: z.string(),
  reaction: z.string(),
  item: z.looseObject({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
});
export type ReactionPayload = z.infer<typeof ReactionPayload>;

/** The envelope around an event: who it came from and its id (for dedupe). */
export const EventEnvelope = z.looseObject({
  team_id: z.string().optional(),
  event_id: z.string().optional(),
  /** The event happened in a Slack Connect channel (shared with other workspaces). */
  is_ext_shared_channel: z.boolean().optional(),
});

/**
 * Message subtypes that are someone (or, when allowlisted, a bot) posting something; edits and
 * deletions are handled on their own, and the rest (joins, topics, pins…) are not postings.
 */
export const POSTED_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, 'file_share', 'thread_broadcast', 'bot_message']);
