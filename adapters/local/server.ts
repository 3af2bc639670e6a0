import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { renderCardDiscord } from '../discord/render/card.js';
import { renderFullDiscord } from '../discord/render/full.js';
import { renderCardSlack } from '../slack/render/card.js';
import { renderFullSlack } from '../slack/render/full.js';
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

export function createPlayground(opts: PlaygroundOptions): Playground {
  let counter = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
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
