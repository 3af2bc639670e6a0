import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageObject, type JsonObject } from './discord-message.js';

/**
 * A stand-in for Discord's REST API (and its attachment CDN) on loopback. It keeps the
 * messages and threads it is told about or that the bot creates, answers like Discord
 * (JSON with `content-type: application/json`, 204 with no body and no JSON type, Discord's
 * error shape `{ code, message }`), validates message limits the way the API does, and
 * records every request so tests can assert what the bot sent.
 */

export interface RecordedFile {
  name: string;
  contentType: string | null;
  bytes: Uint8Array;
}

export interface RecordedRequest {
  method: string;
  /** Path below the API root, without the version (`/channels/1/messages`). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The JSON body, or `payload_json` of a multipart body. */
  body: Record<string, unknown> | null;
  files: RecordedFile[];
}

export type { JsonObject };

export interface RestReply {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

/** A route's answer; null from an override passes the request on to the next matching route. */
export type RouteHandler = (req: RecordedRequest, params: string[]) => RestReply | null | Promise<RestReply | null>;

export interface DiscordRestOptions {
  botUser: JsonObject;
  applicationId: string;
  /** Called for GET /gateway/bot; the gateway may start after the REST server. */
  gatewayUrl: () => string;
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
  /** Tokens the stand-in accepts (`Bot <token>`); anything else gets 401. */
  tokens: readonly string[];
  /** Channels (and threads) by id, as GET /channels/:id returns them. */
  channels: Map<string, JsonObject>;
  newId: () => string;
}

export interface DiscordRest {
  /** Base URL for `rest.api` (`http://127.0.0.1:PORT/api`). */
  api: string;
  /** Base URL for attachments served by `serveAttachment`. */
  cdn: string;
  requests: RecordedRequest[];
  /** Messages by channel id then message id: what GET /channels/:c/messages/:m answers. */
  messages: Map<string, Map<string, JsonObject>>;
  addMessage(message: JsonObject): void;
  /** Serve bytes at `${cdn}/attachments/<channel>/<id>/<name>`; returns the URL. */
  serveAttachment(channelId: string, attachmentId: string, name: string, bytes: Uint8Array, contentType: string): string;
  /** Answer `method path` (a regex over the versionless path) with a handler before the defaults (null: pass on). */
  override(method: string, path: RegExp, handler: RouteHandler): void;
  /** Requests other than GET /gateway/bot: what the bot did. */
  calls(): RecordedRequest[];
  /** Resolves when a request matching the predicate has been answered. */
  waitFor(pred: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

interface Route {
  method: string;
  path: RegExp;
  handler: RouteHandler;
}

/**
 * Discord's limits, written out from its docs rather than imported from the adapter's
 * render/limits.ts: a stand-in sharing the adapter's numbers could not catch a wrong one.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
} as const;

interface EmbedShape {
  title?: string;
  description?: string;
  fields?: Array<{ name?: string; value?: string }>;
  footer?: { text?: string };
  author?: { name?: string };
}

/** Characters an embed counts towards the 6000 total (title, description, fields, footer, author). */
export function embedChars(embed: EmbedShape): number {
  let n = (embed.title ?? '').length + (embed.description ?? '').length;
  for (const f of embed.fields ?? []) n += (f.name ?? '').length + (f.value ?? '').length;
  n += (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
  return n;
}

/** Discord's message limits, as the API enforces them (400, code 50035). */
export function messageLimitErrors(body: JsonObject): string[] {
  const errors: string[] = [];
  const content = typeof body['content'] === 'string' ? body['content'] : '';
  if (content.length > DISCORD_LIMITS.content) errors.push(`content: ${content.length} > ${DISCORD_LIMITS.content}`);
  const embeds = (Array.isArray(body['embeds']) ? body['embeds'] : []) as EmbedShape[];
  if (embeds.length > DISCORD_LIMITS.embeds) errors.push(`embeds: ${embeds.length} > ${DISCORD_LIMITS.embeds}`);
  let total = 0;
  embeds.forEach((e, i) => {
    const check = (what: string, value: string | undefined, max: number): void => {
      if ((value ?? '').length > max) errors.push(`embeds[${i}].${what}: ${(value ?? '').length} > ${max}`);
    };
    check('title', e.title, DISCORD_LIMITS.title);
    check('description', e.description, DISCORD_LIMITS.description);
    check('footer.text', e.footer?.text, DISCORD_LIMITS.footer);
    check('author.name', e.author?.name, DISCORD_LIMITS.author);
    const fields = e.fields ?? [];
    if (fields.length > DISCORD_LIMITS.fields) errors.push(`embeds[${i}].fields: ${fields.length} > ${DISCORD_LIMITS.fields}`);
    fields.forEach((f, j) => {
      check(`fields[${j}].name`, f.name, DISCORD_LIMITS.fieldName);
      check(`fields[${j}].value`, f.value, DISCORD_LIMITS.fieldValue);
      if (!f.name || !f.value) errors.push(`embeds[${i}].fields[${j}]: name and value are required`);
    });
    total += embedChars(e);
  });
  if (total > DISCORD_LIMITS.total) errors.push(`embeds total: ${total} > ${DISCORD_LIMITS.total}`);
  if (!content && embeds.length === 0 && !Array.isArray(body['attachments'])) errors.push('Cannot send an empty message');
  return errors;
}

export async function startDiscordRest(opts: DiscordRestOptions): Promise<DiscordRest> {
  const requests: RecordedRequest[] = [];
  const messages = new Map<string, Map<string, JsonObject>>();
  const attachments = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const overrides: Route[] = [];
  const waiters: Array<{ pred: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  let port = 0;

  const json = (status: number, body: unknown): RestReply => ({ status, json: body });
  const noContent = (): RestReply => ({ status: 204 });
  const unknown = (code: number, message: string): RestReply => json(404, { code, message });

  const addMessage = (message: JsonObject): void => {
    const channelId = String(message['channel_id']);
    const inChannel = messages.get(channelId) ?? new Map<string, JsonObject>();
    inChannel.set(String(message['id']), message);
    messages.set(channelId, inChannel);
  };

  const createMessage = (channelId: string, req: RecordedRequest, extra: JsonObject = {}): RestReply => {
    const body = req.body ?? {};
    const problems = messageLimitErrors({ ...body, ...(req.files.length > 0 ? { attachments: [] } : {}) });
    if (problems.length > 0) return json(400, { code: 50035, message: 'Invalid Form Body', errors: problems });
    const id = opts.newId();
    const message = messageObject({
      id,
      channel_id: channelId,
      author: opts.botUser,
      content: body['content'] ?? '',
      attachments: req.files.map((f, i) => ({
        id: opts.newId(),
        filename: f.name,
        size: f.bytes.length,
        url: `http://127.0.0.1:${port}/cdn/attachments/${channelId}/${i}/${f.name}`,
        proxy_url: `http://127.0.0.1:${port}/cdn/attachments/${channelId}/${i}/${f.name}`,
        content_type: f.contentType ?? 'application/octet-stream',
      })),
      embeds: body['embeds'] ?? [],
      type: body['message_reference'] ? 19 : 0,
      flags: body['flags'] ?? 0,
      ...(body['message_reference'] ? { message_reference: body['message_reference'] } : {}),
      ...extra,
    });
    addMessage(message);
    return json(200, message);
  };

  const channelExists = (id: string): boolean => opts.channels.has(id);

  const defaults: Route[] = [
    {
      method: 'GET',
      path: /^\/gateway\/bot$/,
      handler: () =>
        json(200, {
          url: opts.gatewayUrl(),
          shards: opts.shards ?? 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        }),
    },
    { method: 'GET', path: /^\/users\/@me$/, handler: () => json(200, opts.botUser) },
    {
      method: 'GET',
      path: /^\/channels\/(\d+)$/,
      handler: (_req, [id]) => {
        const channel = opts.channels.get(id as string);
        return channel ? json(200, channel) : unknown(10003, 'Unknown Channel');
      },
    },
    {
      method: 'POST',
      path: /^\/channels\/(\d+)\/messages$/,
      handler: (req, [channelId]) =>
        channelExists(channelId as string) ? createMessage(channelId as string, req) : unknown(10003, 'Unknown Channel'),
    },
    {
      method: 'GET',
      path: /^\/channels\/(\d+)\/messages\/(\d+)$/,
      handler: (_req, [channelId, messageId]) => {
        const message = messages.get(channelId as string)?.get(messageId as string);
        return message ? json(200, message) : unknown(10008, 'Unknown Message');
      },
    },
    {
      // Edit a message: only the bot's own, like Discord (50005 otherwise).
      method: 'PATCH',
      path: /^\/channels\/(\d+)\/messages\/(\d+)$/,
      handler: (req, [channelId, messageId]) => {
        const message = messages.get(channelId as string)?.get(messageId as string);
        if (!message) return unknown(10008, 'Unknown Message');
        if ((message['author'] as JsonObject | undefined)?.['id'] !== opts.botUser['id']) {
          return json(403, { code: 50005, message: 'Cannot edit a message authored by another user' });
        }
        const body = req.body ?? {};
        const problems = messageLimitErrors({ ...message, ...body });
        if (problems.length > 0) return json(400, { code: 50035, message: 'Invalid Form Body', errors: problems });
        Object.assign(message, body, { edited_timestamp: new Date().toISOString() });
        return json(200, message);
      },
    },
    {
      method: 'DELETE',
      path: /^\/channels\/(\d+)\/messages\/(\d+)$/,
      handler: (_req, [channelId, messageId]) => (messages.get(channelId as string)?.delete(messageId as string) ? noContent() : unknown(10008, 'Unknown Message')),
    },
    {
      method: 'PUT',
      path: /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/@me$/,
      handler: (_req, [channelId, messageId]) =>
        messages.get(channelId as string)?.has(messageId as string) ? noContent() : unknown(10008, 'Unknown Message'),
    },
    {
      method: 'POST',
      path: /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/,
      handler: (req, [channelId, messageId]) => {
        const parent = opts.channels.get(channelId as string);
        const message = messages.get(channelId as string)?.get(messageId as string);
        if (!parent || !message) return unknown(10008, 'Unknown Message');
        if (opts.channels.has(messageId as string)) {
          return json(400, { code: 160004, message: 'A thread has already been created for this message' });
        }
        const name = String(req.body?.['name'] ?? '');
        if (name.length < 1 || name.length > 100) return json(400, { code: 50035, message: 'Invalid Form Body', errors: [`name: ${name.length}`] });
        // A thread started from a message takes the message's id.
        const thread: JsonObject = {
          id: messageId,
          type: 11,
          guild_id: parent['guild_id'],
          parent_id: channelId,
          owner_id: opts.botUser['id'],
          name,
          last_message_id: null,
          rate_limit_per_user: 0,
          message_count: 0,
          member_count: 1,
          total_message_sent: 0,
          flags: 0,
          thread_metadata: {
            archived: false,
            auto_archive_duration: req.body?.['auto_archive_duration'] ?? 1440,
            archive_timestamp: new Date().toISOString(),
            locked: false,
          },
        };
        opts.channels.set(messageId as string, thread);
        message['thread'] = thread;
        return json(201, thread);
      },
    },
    {
      method: 'POST',
      path: /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
      handler: (req) => (req.query.get('with_response') === 'true' ? json(200, { interaction: {}, resource: {} }) : noContent()),
    },
    {
      method: 'PATCH',
      path: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
      handler: (req) => createMessage(String(req.body?.['channel_id'] ?? interactionChannel(req)), req, { webhook_id: opts.applicationId }),
    },
    { method: 'DELETE', path: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, handler: () => noContent() },
    {
      method: 'POST',
      path: /^\/webhooks\/(\d+)\/([^/]+)$/,
      handler: (req) => createMessage(interactionChannel(req), req, { webhook_id: opts.applicationId }),
    },
  ];

  // Interaction tokens in the tests are `token-<channel id>-<n>`, so webhook replies land in that channel.
  const interactionChannel = (req: RecordedRequest): string => /\/webhooks\/\d+\/token-(\d+)-/.exec(req.path)?.[1] ?? '0';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);

    if (req.method === 'GET' && url.pathname.startsWith('/cdn/attachments/')) {
      const file = attachments.get(url.pathname.slice('/cdn'.length));
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length }).end(Buffer.from(file.bytes));
      return;
    }

    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body: null,
      files: [],
    };
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('application/json') && raw.length > 0) {
      recorded.body = JSON.parse(raw.toString('utf8')) as JsonObject;
    } else if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      for (const [key, value] of form.entries()) {
        if (key === 'payload_json' && typeof value === 'string') recorded.body = JSON.parse(value) as JsonObject;
        else if (typeof value !== 'string') {
          recorded.files.push({ name: value.name, contentType: value.type || null, bytes: new Uint8Array(await value.arrayBuffer()) });
        }
      }
    }
    requests.push(recorded);

    let reply: RestReply;
    const auth = req.headers.authorization ?? '';
    const isWebhook = /^\/(webhooks|interactions)\//.test(path);
    if (!isWebhook && !opts.tokens.some((t) => auth === `Bot ${t}`)) {
      reply = json(401, { code: 0, message: '401: Unauthorized' });
    } else {
      let answer: RestReply | null = null;
      for (const route of [...overrides, ...defaults]) {
        if (route.method !== recorded.method || !route.path.test(path)) continue;
        answer = await route.handler(recorded, (route.path.exec(path) ?? []).slice(1));
        if (answer) break;
      }
      reply = answer ?? json(404, { code: 0, message: '404: Not Found' });
    }
    if (reply.status === 204 || reply.json === undefined) {
      res.writeHead(reply.status, reply.headers ?? {}).end();
    } else {
      const body = JSON.stringify(reply.json);
      res.writeHead(reply.status, { ...reply.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    }
    for (const w of [...waiters]) {
      if (w.pred(recorded)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(recorded);
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 0, message: String(err) }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;

  return {
    api: `http://127.0.0.1:${port}/api`,
    cdn: `http://127.0.0.1:${port}/cdn`,
    requests,
    messages,
    addMessage,
    serveAttachment(channelId, attachmentId, name, bytes, contentType): string {
      const path = `/attachments/${channelId}/${attachmentId}/${name}`;
      attachments.set(path, { bytes, contentType });
      return `http://127.0.0.1:${port}/cdn${path}`;
    },
    override(method, path, handler): void {
      overrides.unshift({ method, path, handler });
    },
    calls: () => requests.filter((r) => r.path !== '/gateway/bot'),
    waitFor(pred, timeoutMs = 10_000): Promise<RecordedRequest> {
      const seen = requests.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out waiting for a REST request')), timeoutMs);
        waiters.push({
          pred,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
