/** A JSON object as Discord's API and gateway send it. */
export type JsonObject = Record<string, unknown>;

/**
 * A full message object, the same shape whether the REST stand-in creates it or the gateway
 * dispatches it (MESSAGE_CREATE): every field discord.js reads, at Discord's defaults, then
 * `fields` over them.
 */
export function messageObject(fields: { id: string; channel_id: string; author: JsonObject } & JsonObject): JsonObject {
  return {
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
    components: [],
    ...fields,
  };
}
