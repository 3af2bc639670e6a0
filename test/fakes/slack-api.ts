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

const BOT: StandInWorkspace = { user_id: 'UBOT0001', bot_id: 'BBOT0001', team_id: 'T0TEAM01', team: 'Acme', url: 'https://acme.slack.com/' };

/** A workspace the app is installed in (or can be, through the OAuth flow), and who the bot is there. */
export interface StandInWorkspace {
  team_id: string;
  team: string;
  url: string;
  user_id: string;
  bot_id: string;
  /** An org-wide install: the organization (team_id is then the org's first workspace, for auth.test). */
  enterprise?: { id: string; name: string };
}

/** The app's OAuth credentials, as Slack checks them in oauth.v2.access. */
export interface StandInOAuthApp {
  clientId: string;
  clientSecret: string;
  /** The redirect URL registered with the app: where the authorize page sends the person back. */
  redirectUrl: string;
}
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
  /** Bot tokens Slack accepts now, and the workspace each acts in. */
  private readonly tokens = new Map<string, StandInWorkspace>();
  /** OAuth codes handed out by the authorize page and not yet exchanged. */
  private readonly codes = new Map<string, { workspace: StandInWorkspace; redirectUri: string | null }>();
  private installs = 0;
  /** Set to let the OAuth flow run: the app's credentials and redirect URL. */
  oauthApp: StandInOAuthApp | null = null;
  /** The workspace the next person at the authorize page installs into (they pick it, then Allow). */
  installTarget: StandInWorkspace | null = null;
  /** Every visit to the authorize page, with its query (scope, state, client_id…). */
  readonly authorizeVisits: Array<Record<string, string>> = [];

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
    standIn.tokens.set(standIn.botToken, BOT);
    return standIn;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Slack stops accepting a token (the app was removed, or the token revoked). */
  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** The bot tokens Slack accepts now for a workspace (the OAuth flow hands out a new one per install). */
  tokensFor(teamId: string): string[] {
    return [...this.tokens].filter(([, w]) => w.team_id === teamId).map(([token]) => token);
  }

  /** The workspace a bot token acts in, while Slack accepts it. */
  workspaceOf(token: string): StandInWorkspace | undefined {
    return this.tokens.get(token);
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
    if (req.method === 'GET' && path === '/oauth/v2/authorize') {
      this.authorizePage(new URL(req.url ?? '/', this.url).searchParams, res);
      return;
    }
    if (req.method === 'GET' && path.startsWith('/files-pri/')) {
      this.downloads.push({ path, authorization, at: Date.now() });
      const id = path.split('/')[2]?.split('-')[1] ?? '';
      const file = this.files.get(id);
      if (!this.tokenOf(authorization)) {
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

  /** The bot token a request carries, if Slack accepts it. */
  private tokenOf(authorization: string | null): string | undefined {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
    return token && this.tokens.has(token) ? token : undefined;
  }

  /**
   * Slack's authorize page, after the person picked the workspace (installTarget) and clicked
   * Allow: back to the app's redirect URL with a one-time code and the state the app sent.
   */
  private authorizePage(query: URLSearchParams, res: ServerResponse): void {
    this.authorizeVisits.push(Object.fromEntries(query));
    const app = this.oauthApp;
    const workspace = this.installTarget;
    if (!app || !workspace || query.get('client_id') !== app.clientId) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_client_id');
      return;
    }
    const redirectUri = query.get('redirect_uri');
    const back = new URL(redirectUri ?? app.redirectUrl);
    this.installs += 1;
    const code = `code-${this.installs}-${Math.random().toString(36).slice(2, 10)}`;
    this.codes.set(code, { workspace, redirectUri });
    back.searchParams.set('code', code);
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    res.writeHead(302, { location: back.toString() }).end();
  }

  /** oauth.v2.access: the app's credentials and a fresh code give a new bot token for the workspace. */
  private exchangeCode(params: Record<string, unknown>): ScriptedAnswer {
    const fail = (error: string): ScriptedAnswer => ({ status: 200, body: { ok: false, error } });
    const app = this.oauthApp;
    if (!app || params.client_id !== app.clientId) return fail('invalid_client_id');
    if (params.client_secret !== app.clientSecret) return fail('bad_client_secret');
    const grant = this.codes.get(String(params.code ?? ''));
    if (!grant) return fail('invalid_code');
    this.codes.delete(String(params.code));
    if ((params.redirect_uri ?? null) !== grant.redirectUri) return fail('bad_redirect_uri');
    const w = grant.workspace;
    const token = `xoxb-${w.team_id}-${this.installs}-${Math.random().toString(36).slice(2, 12)}`;
    this.tokens.set(token, w);
    const org = w.enterprise !== undefined;
    return {
      status: 200,
      body: {
        ok: true,
        app_id: 'A0APP0001',
        authed_user: { id: 'U0ADMIN01' },
        scope: 'channels:history,groups:history,im:history,mpim:history,channels:read,groups:read,im:read,mpim:read,im:write,chat:write,commands,files:read,reactions:read',
        token_type: 'bot',
        access_token: token,
        bot_user_id: w.user_id,
        team: org ? null : { id: w.team_id, name: w.team },
        enterprise: w.enterprise ?? null,
        is_enterprise_install: org,
      },
    };
  }

  private answer(method: string, params: Record<string, unknown>, authorization: string | null): ScriptedAnswer {
    const ok = (body: Record<string, unknown>): ScriptedAnswer => ({ status: 200, body: { ok: true, ...body } });
    const fail = (error: string): ScriptedAnswer => ({ status: 200, body: { ok: false, error } });
    if (method === 'apps.connections.open') {
      if (authorization !== `Bearer ${this.appToken}`) return fail('invalid_auth');
      return this.socketUrl ? ok({ url: this.socketUrl }) : fail('internal_error');
    }
    if (method === 'oauth.v2.access') return this.exchangeCode(params);
    const token = this.tokenOf(authorization);
    if (!token) return fail('invalid_auth');
    switch (method) {
      case 'auth.test': {
        const w = this.tokens.get(token) as StandInWorkspace;
        return ok({ user_id: w.user_id, bot_id: w.bot_id, team_id: w.team_id, team: w.team, url: w.url, ...(w.enterprise ? { enterprise_id: w.enterprise.id, is_enterprise_install: true } : {}) });
      }
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
