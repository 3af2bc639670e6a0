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

export const MessagePayload = z.looseObject({
  type: z.literal('message'),
  subtype: z.string().optional(),
  channel: z.string(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
  files: z.array(SharedFileSchema).optional(),
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
});

/** Message subtypes that are someone posting something; the rest are edits, joins, bots… */
export const POSTED_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, 'file_share', 'thread_broadcast']);
