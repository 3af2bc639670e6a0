import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pollUntil } from './poll.js';

/**
 * A loopback stand-in for the Slack Web API, its file host and response_url. It records every
 * request, answers the methods the app calls the way Slack does (including Slack's refusals:
 * invalid_auth, not_in_channel, msg_blocks_too_long), and lets a test script one-off answers
 * such as a 429.
 */

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | null;
  at: number;
}
export interface Download {
  path: string;
  authorization: string | null;
  at: number;
}
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}
export interface PostedMessage {
  ts: string;
  channel: string;
  threadTs: string | null;
  text: string;
  blocks: Array<Record<string, unknown>>;
  params: Record<string, unknown>;
}
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}
export interface StandInFile {
  id: string;
  name: string;
  mimetype: string;
  filetype: string;
  mode?: 'hosted' | 'snippet';
  content: Uint8Array | string;
}

const BOT = { user_id: 'UBOT0001', bot_id: 'BBOT0001', team_id: 'T0TEAM01', team: 'Acme', url: 'https://acme.slack.com/' };
/** Slack's limits, as it enforces them on chat.postMessage. */
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
const MAX_TOTAL_BLOCK_TEXT = 12_000;

export class SlackApiStandIn {
  readonly calls: ApiCall[] = [];
  readonly downloads: Download[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Every message chat.postMessage accepted, with the ts it was given. */
  readonly posted: PostedMessage[] = [];
  /** Channels the app was never invited to: posting there answers not_in_channel. */
  readonly channelsWithoutApp = new Set<string>();
  /**
   * What conversations.info says of a channel (its is_private, is_im, is_ext_shared flags…);
   * unlisted channels are described from their id: C public, G private, D a DM.
   */
  readonly channelInfo = new Map<string, Record<string, unknown>>();
  /**
   * Who is in each channel, as conversations.members answers (in pages of `limit`); a channel
   * not listed answers channel_not_found, as Slack does for a private channel the app is not in.
   */
  readonly members = new Map<string, string[]>();
  /** Messages deleted with chat.delete, and edits made with chat.update (in order). */
  readonly deleted: Array<{ channel: string; ts: string }> = [];
  readonly updated: Array<{ channel: string; ts: string; text: string; blocks: Array<Record<string, unknown>> }> = [];
  /** ts → thread root of every message posted, for conversations.replies. */
  private readonly threadOf = new Map<string, string>();
  private readonly files = new Map<string, StandInFile>();
  private readonly scripted = new Map<string, ScriptedAnswer[]>();
  private tsCounter = 0;
  socketUrl: string | null = null;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly botToken: string,
    readonly appToken: string,
  ) {}

  static async start(opts: { botToken?: string; appToken?: string } = {}): Promise<SlackApiStandIn> {
    let standIn: SlackApiStandIn | undefined;
    const server = createServer((req, res) => {
      void standIn!.handle(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    standIn = new SlackApiStandIn(server, `http://127.0.0.1:${port}`, opts.botToken ?? 'xoxb-test-token', opts.appToken ?? 'xapp-test-token');
    return standIn;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `method` call gets this answer instead of the usual one (queued, in order). */
  scriptOnce(method: string, answer: ScriptedAnswer): void {
    const queue = this.scripted.get(method) ?? [];
    queue.push(answer);
    this.scripted.set(method, queue);
  }

  /** Host a file; returns the file object Slack puts in a file_share event. */
  addFile(file: StandInFile): Record<string, unknown> {
    this.files.set(file.id, file);
    return this.fileObject(file);
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** A top-level message someone posted (so conversations.replies knows it). */
  knowMessage(ts: string, threadTs?: string): void {
    this.threadOf.set(ts, threadTs ?? ts);
  }

  /** Messages the bot posted that are still there (not deleted), with their current text. */
  live(): PostedMessage[] {
    return this.posted.filter((m) => !this.deleted.some((d) => d.channel === m.channel && d.ts === m.ts));
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Poll until `probe` returns something truthy (the app answers after acking). */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 8000): Promise<T> {
    return pollUntil(probe, 'the Slack stand-in to see the expected call', timeoutMs);
  }

  private fileObject(file: StandInFile): Record<string, unknown> {
    const size = typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength;
    const url = `${this.url}/files-pri/${BOT.team_id}-${file.id}/${encodeURIComponent(file.name)}`;
    return {
      id: file.id,
      name: file.name,
      title: file.name,
      mimetype: file.mimetype,
      filetype: file.filetype,
      pretty_type: file.filetype,
      mode: file.mode ?? 'hosted',
      size,
      url_private: url,
      url_private_download: `${url}?download=1`,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const authorization = req.headers.authorization ?? null;
    if (req.method === 'POST' && path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const params = parseParams(raw, req.headers['content-type'] ?? '');
      this.calls.push({ method, params, authorization, at: Date.now() });
      const scripted = this.scripted.get(method)?.shift();
      const answer = scripted ?? this.answer(method, params, authorization);
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(JSON.stringify(answer.body));
      return;
    }
    if (req.method === 'GET' && path.startsWith('/files-pri/')) {
      this.downloads.push({ path, authorization, at: Date.now() });
      const id = path.split('/')[2]?.split('-')[1] ?? '';
      const file = this.files.get(id);
      if (authorization !== `Bearer ${this.botToken}`) {
        // Slack answers a download without a valid token with its sign-in page.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
        return;
      }
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.content);
      return;
    }
    if (req.method === 'POST' && path.startsWith('/respond/')) {
      const id = path.slice('/respond/'.length);
      this.responses.push({ id, body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    res.writeHead(404).end();
  }

  private answer(method: string, params: Record<string, unknown>, authorization: string | null): ScriptedAnswer {
    const ok = (body: Record<string, unknown>): ScriptedAnswer => ({ status: 200, body: { ok: true, ...body } });
    const fail = (error: string): ScriptedAnswer => ({ status: 200, body: { ok: false, error } });
    if (method === 'apps.connections.open') {
      if (authorization !== `Bearer ${this.appToken}`) return fail('invalid_auth');
      return this.socketUrl ? ok({ url: this.socketUrl }) : fail('internal_error');
    }
    if (authorization !== `Bearer ${this.botToken}`) return fail('invalid_auth');
    switch (method) {
      case 'auth.test':
        return ok(BOT);
      case 'chat.postMessage': {
        const channel = String(params.channel ?? '');
        if (this.channelsWithoutApp.has(channel)) return fail('not_in_channel');
        const refusal = blocksRefusal(params.blocks);
        if (refusal) return fail(refusal);
        const ts = this.nextTs();
        const threadTs = typeof params.thread_ts === 'string' ? params.thread_ts : undefined;
        this.threadOf.set(ts, threadTs ?? ts);
        this.posted.push({ ts, channel, threadTs: threadTs ?? null, text: String(params.text ?? ''), blocks: (params.blocks as Array<Record<string, unknown>> | undefined) ?? [], params });
        return ok({ channel, ts, message: { type: 'message', text: params.text, ts, ...(threadTs ? { thread_ts: threadTs } : {}), bot_id: BOT.bot_id } });
      }
      case 'chat.update': {
        const channel = String(params.channel ?? '');
        const ts = String(params.ts ?? '');
        const message = this.posted.find((m) => m.channel === channel && m.ts === ts && !this.deleted.some((d) => d.channel === channel && d.ts === ts));
        if (!message) return fail('message_not_found');
        const refusal = blocksRefusal(params.blocks);
        if (refusal) return fail(refusal);
        const blocks = (params.blocks as Array<Record<string, unknown>> | undefined) ?? [];
        message.text = String(params.text ?? '');
        message.blocks = blocks;
        this.updated.push({ channel, ts, text: message.text, blocks });
        return ok({ channel, ts, text: message.text });
      }
      case 'chat.delete': {
        const channel = String(params.channel ?? '');
        const ts = String(params.ts ?? '');
        const exists = this.posted.some((m) => m.channel === channel && m.ts === ts) && !this.deleted.some((d) => d.channel === channel && d.ts === ts);
        if (!exists) return fail('message_not_found');
        this.deleted.push({ channel, ts });
        return ok({ channel, ts });
      }
      case 'conversations.info': {
        const channel = String(params.channel ?? '');
        const info = this.channelInfo.get(channel) ?? {
          is_channel: channel.startsWith('C'),
          is_private: channel.startsWith('G'),
          is_im: channel.startsWith('D'),
          is_mpim: false,
          is_ext_shared: false,
        };
        return ok({ channel: { id: channel, ...info } });
      }
      case 'conversations.members': {
        const all = this.members.get(String(params.channel ?? ''));
        if (!all) return fail('channel_not_found');
        const limit = Math.max(1, Number(params.limit ?? 100));
        const start = Number(params.cursor ? String(params.cursor).replace('page-', '') : 0);
        const next = start + limit < all.length ? `page-${start + limit}` : '';
        return ok({ members: all.slice(start, start + limit), response_metadata: { next_cursor: next } });
      }
      case 'conversations.open': {
        // The DM between the app and one person: a stable D… id per user.
        const user = String(params.users ?? '');
        if (!/^[UW][A-Z0-9]+$/.test(user)) return fail('user_not_found');
        return ok({ channel: { id: dmOf(user) } });
      }
      case 'chat.postEphemeral': {
        const channel = String(params.channel ?? '');
        if (this.channelsWithoutApp.has(channel)) return fail('not_in_channel');
        return ok({ message_ts: this.nextTs() });
      }
      case 'files.info': {
        const file = this.files.get(String(params.file ?? ''));
        return file ? ok({ file: this.fileObject(file) }) : fail('file_not_found');
      }
      case 'conversations.replies': {
        const ts = String(params.ts ?? '');
        const root = this.threadOf.get(ts);
        if (!root) return fail('thread_not_found');
        return ok({ messages: [{ type: 'message', ts: root, ...(root !== ts ? { thread_ts: root } : {}) }], has_more: false });
      }
      default:
        return fail('unknown_method');
    }
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1800000000.${String(this.tsCounter).padStart(6, '0')}`;
  }
}

/** The id the stand-in gives the app's DM with a person. */
export function dmOf(user: string): string {
  return `D${user.slice(1)}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The WebClient posts form-encoded (blocks as a JSON string inside the form) or JSON. */
function parseParams(raw: Buffer, contentType: string): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    params[key] = key === 'blocks' || key === 'attachments' ? JSON.parse(value) : value;
  }
  return params;
}

/** Slack's own checks on blocks: count, per-block text and the total. */
function blocksRefusal(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return null;
  if (blocks.length > MAX_BLOCKS) return 'invalid_blocks';
  let total = 0;
  for (const block of blocks as Array<Record<string, unknown>>) {
    const text = (block.text as { text?: string } | undefined)?.text ?? '';
    if (block.type === 'header' && text.length > MAX_HEADER_TEXT) return 'invalid_blocks';
    if (block.type === 'section' && text.length > MAX_SECTION_TEXT) return 'invalid_blocks';
    total += text.length;
    for (const el of (block.elements as Array<{ text?: string }> | undefined) ?? []) total += el.text?.length ?? 0;
    for (const f of (block.fields as Array<{ text?: string }> | undefined) ?? []) total += f.text?.length ?? 0;
  }
  return total > MAX_TOTAL_BLOCK_TEXT ? 'msg_blocks_too_long' : null;
}
