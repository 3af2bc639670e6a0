import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { renderCardDiscord } from '../discord/render/card.js';
import { renderFullDiscord } from '../discord/render/full.js';
import { renderCardSlack } from '../slack/render/card.js';
import { renderFullSlack } from '../slack/render/full.js';
import { renderDigestDiscord } from '../discord/render/digest.js';
import { renderDigestSlack } from '../slack/render/digest.js';
import type { Alert } from '../../src/alerts/alerts.js';
import { explainFilter } from '../../src/alerts/explain.js';
import { DigestEvery } from '../../src/alerts/memory.js';
import { renderCardText } from '../../src/card/index.js';
import type { Desk, DeskReply } from '../../src/desk/index.js';
import { logEvent, type EventLog } from '../../src/log.js';

/**
 * The local playground: paste a posting or a link and see the card as Slack and Discord show
 * it, rendered in the browser from the very Block Kit and embed JSON the bots send, through
 * the same Desk and store as the bots.
 */
// The page is not compiled: read it beside the source, whether this runs from src or dist/.
const PAGE = readFileSync(new URL('./page.html', import.meta.url.replace('/dist/adapters/', '/adapters/')), 'utf8');
const MAX_BODY = 3 * 1024 * 1024;

const ShareRequest = z.object({
  text: z.string().max(MAX_BODY),
  user: z.string().trim().min(1).max(40).default('you'),
});
const WatchRequest = z.object({ user: z.string().trim().min(1).max(40), filter: z.string().max(600) });
const UnwatchRequest = z.object({ user: z.string().trim().min(1).max(40), id: z.number().int().positive() });
/** The playground is one team and one channel: where its shares, watches and digest live. */
const HERE = { platform: 'local', team: 'local', channel: 'playground' } as const;
/** Alerts kept per person for the page to show (newest first). */
const MAX_INBOX = 20;

export interface PlaygroundOptions {
  desk: Desk;
  /** Extra health details (platform states), merged into GET /healthz. */
  health?: () => Promise<{ ok: boolean }>;
  /** One `event` line per paste, as the bots write. */
  log?: EventLog;
}

export interface Playground {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    // The page loads nothing from elsewhere: no external fonts or scripts.
    'content-security-policy': "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:",
  });
  res.end(body);
}

/** What the page shows for one Desk reply: both platforms' payloads, the text card, the full text. */
export function previewOf(reply: DeskReply): Record<string, unknown> {
  switch (reply.kind) {
    case 'card':
      return {
        kind: 'card',
        slack: renderCardSlack(reply.card),
        discord: renderCardDiscord(reply.card),
        text: renderCardText(reply.card),
        sharedBefore: reply.card.sharedBefore !== null,
        full: { text: reply.posting.text, slack: renderFullSlack(reply.posting.title ?? 'job posting', reply.posting.text), discord: renderFullDiscord(reply.posting.title ?? 'job posting', reply.posting.text) },
        posting: reply.posting,
      };
    case 'list':
      return { kind: 'notice', text: [reply.title, ...reply.items].join('\n') };
    default:
      return { kind: 'notice', text: reply.text };
  }
}

/** An alert as the page shows it: the line and card a Slack and a Discord DM would carry. */
function alertPreview(alert: Alert): Record<string, unknown> {
  const watches = alert.watches.map((w) => `#${w.id} (${explainFilter(w.filter).replace(/^Watching: /, '')})`).join(', ');
  return {
    intro: `A posting matching your watch ${watches} was shared by ${alert.share.userName ?? alert.share.user}`,
    slack: renderCardSlack(alert.card),
    discord: renderCardDiscord(alert.card),
  };
}

export function createPlayground(opts: PlaygroundOptions): Playground {
  let counter = 0;
  // Watches in the playground: everyone here sees the one channel; an alert lands in the person's inbox.
  const inbox = new Map<string, Array<Record<string, unknown>>>();
  opts.desk.alerts.connect('local', {
    canSee: async () => true,
    send: async (alert) => {
      inbox.set(alert.user, [alertPreview(alert), ...(inbox.get(alert.user) ?? [])].slice(0, MAX_INBOX));
      return true;
    },
  });
  const json = (req: IncomingMessage, res: ServerResponse, handle: (body: unknown) => Promise<unknown>): void => {
    readBody(req)
      .then(async (body) => send(res, 200, JSON.stringify(await handle(JSON.parse(body || '{}')))))
      .catch(() => send(res, 400, JSON.stringify({ kind: 'notice', text: 'That request could not be read.' })));
  };
  const watches = async (user: string): Promise<unknown> => {
    const mine = await opts.desk.alerts.memory.watchesOf(HERE.platform, HERE.team, user);
    return { watches: mine.map((w) => ({ id: w.id, text: w.text, explained: explainFilter(w.filter) })), alerts: inbox.get(user) ?? [] };
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/api/watches') {
      watches(url.searchParams.get('user') || 'you').then((w) => send(res, 200, JSON.stringify(w)), () => send(res, 503, JSON.stringify({ kind: 'notice', text: 'The store could not be read.' })));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/watch') {
      return json(req, res, async (body) => {
        const parsed = WatchRequest.safeParse(body);
        if (!parsed.success) return { kind: 'notice', text: 'Send {"user": "…", "filter": "…"}.' };
        const reply = await opts.desk.handleCommand({ ...HERE, kind: 'public', user: parsed.data.user, userName: parsed.data.user, text: `watch ${parsed.data.filter}` });
        return { ...previewOf(reply), ...((await watches(parsed.data.user)) as object) };
      });
    }
    if (req.method === 'POST' && url.pathname === '/api/unwatch') {
      return json(req, res, async (body) => {
        const parsed = UnwatchRequest.safeParse(body);
        if (!parsed.success) return { kind: 'notice', text: 'Send {"user": "…", "id": 1}.' };
        const reply = await opts.desk.handleCommand({ ...HERE, kind: 'public', user: parsed.data.user, text: `unwatch ${parsed.data.id}` });
        return { ...previewOf(reply), ...((await watches(parsed.data.user)) as object) };
      });
    }
    if (req.method === 'GET' && url.pathname === '/api/digest') {
      const every = DigestEvery.safeParse(url.searchParams.get('every') ?? 'weekly');
      if (!every.success) return send(res, 400, JSON.stringify({ kind: 'notice', text: 'every=weekly or every=daily' }));
      opts.desk.digests.preview({ ...HERE, kind: 'private', every: every.data }, new Date()).then(
        (digest) => send(res, 200, JSON.stringify(digest ? { kind: 'digest', slack: renderDigestSlack(digest), discord: renderDigestDiscord(digest) } : { kind: 'notice', text: `Nothing was shared here in the last ${every.data === 'daily' ? 'day' : 'week'}.` })),
        () => send(res, 503, JSON.stringify({ kind: 'notice', text: 'The store could not be read.' })),
      );
      return;
    }
    if (req.method === 'GET' && url.pathname === '/') return send(res, 200, PAGE, 'text/html; charset=utf-8');
    if (req.method === 'GET' && url.pathname === '/healthz') {
      const health = opts.health ?? (async () => ({ ok: true }));
      health().then(
        (h) => send(res, h.ok ? 200 : 503, JSON.stringify(h)),
        () => send(res, 503, JSON.stringify({ ok: false })),
      );
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/share') {
      readBody(req)
        .then(async (body) => {
          const parsed = ShareRequest.safeParse(JSON.parse(body));
          if (!parsed.success) return send(res, 400, JSON.stringify({ kind: 'notice', text: 'Send {"text": "…"} with the posting or a link.' }));
          counter += 1;
          const startedAt = performance.now();
          const reply = await opts.desk.handleCommand({
            platform: 'local', team: 'local', channel: 'playground', user: parsed.data.user, userName: parsed.data.user,
            text: parsed.data.text, messageId: `local-${Date.now()}-${counter}`,
          });
          const kind = /^\s*https?:\/\/\S+\s*$/.test(parsed.data.text) ? 'link' : 'paste';
          logEvent(opts.log, { platform: 'local', kind, outcome: reply.kind, startedAt });
          // The page shows the alerts a share caused right away.
          await opts.desk.alerts.idle();
          send(res, 200, JSON.stringify(previewOf(reply)));
        })
        .catch(() => send(res, 400, JSON.stringify({ kind: 'notice', text: 'That request could not be read.' })));
      return;
    }
    send(res, 404, JSON.stringify({ error: 'not found' }));
  });
  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
