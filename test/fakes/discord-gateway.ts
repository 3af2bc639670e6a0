import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A stand-in for Discord's gateway on loopback: HELLO (op 10), heartbeat ACKs (op 11),
 * IDENTIFY → READY + GUILD_CREATE, RESUME → RESUMED, and dispatches (op 0) with an
 * increasing sequence number. Frames without `op: 0` and `s` are ignored by discord.js,
 * so every event goes through `dispatch`, which, like Discord, sends a message or reaction
 * event only to sessions that identified with its intent (guild or direct-message).
 * Sharded like Discord: a session's READY names the shard it identified as, a guild (its
 * GUILD_CREATE and its events) belongs to shard (guild_id >> 22) % count, and DMs go to shard 0.
 */
export interface GatewayFrame {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

export interface DiscordGatewayOptions {
  /** The READY payload's `d` (user, application, guilds as unavailable, session id, resume URL filled in). */
  ready: () => Record<string, unknown>;
  /** GUILD_CREATE payloads sent right after READY. */
  guilds: () => Record<string, unknown>[];
  heartbeatIntervalMs?: number;
  /** Close the connection with this code on IDENTIFY instead of READY (4004 bad token, 4014 disallowed intents). */
  refuseIdentify?: number;
}

/** Gateway intent bits (Discord's values) that decide which dispatches a session receives. */
const INTENT = {
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
} as const;

const MESSAGE_EVENTS = new Set(['MESSAGE_CREATE', 'MESSAGE_UPDATE', 'MESSAGE_DELETE', 'MESSAGE_DELETE_BULK']);
const REACTION_EVENTS = new Set([
  'MESSAGE_REACTION_ADD', 'MESSAGE_REACTION_REMOVE', 'MESSAGE_REACTION_REMOVE_ALL', 'MESSAGE_REACTION_REMOVE_EMOJI',
]);

/**
 * The intent Discord requires before it sends this dispatch, or null when none does.
 * Messages and reactions come under a guild intent or a direct-message one depending on
 * whether the payload names a guild, as on the real gateway.
 */
export function intentFor(t: string, d: unknown): number | null {
  const inGuild = typeof d === 'object' && d !== null && typeof (d as Record<string, unknown>)['guild_id'] === 'string';
  if (MESSAGE_EVENTS.has(t)) return inGuild ? INTENT.GuildMessages : INTENT.DirectMessages;
  if (REACTION_EVENTS.has(t)) return inGuild ? INTENT.GuildMessageReactions : INTENT.DirectMessageReactions;
  if (/^(GUILD_(CREATE|UPDATE|DELETE)|CHANNEL_|THREAD_)/.test(t)) return INTENT.Guilds;
  return null;
}

export interface DiscordGateway {
  /** ws:// URL to hand out from GET /gateway/bot. */
  url: string;
  /** Every frame the client sent (IDENTIFY, RESUME, heartbeats…). */
  received: GatewayFrame[];
  /** Dispatches not sent because the session lacked the intent for them (event names, in order). */
  withheld: string[];
  /** Resolves when the client has identified (or resumed) and READY (RESUMED) was sent. */
  waitForSession(): Promise<void>;
  /** Send an event to every connected client as op 0 with the next sequence number. */
  dispatch(t: string, d: unknown): void;
  /** Drop the live connection with a close code, as Discord does on a server restart. */
  dropConnection(code: number): Promise<void>;
  connections(): number;
  /** The [id, count] each live session identified (or resumed) as. */
  shards(): Array<[number, number]>;
  close(): Promise<void>;
}

/** Which shard of `count` Discord sends a guild's events to; DMs (no guild) go to shard 0. */
export function shardOf(guildId: unknown, count: number): number {
  return typeof guildId === 'string' ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0;
}

/** The guild an event belongs to: its guild_id, or for GUILD_CREATE/UPDATE/DELETE the guild's own id. */
function guildOf(t: string, d: unknown): unknown {
  if (typeof d !== 'object' || d === null) return undefined;
  const o = d as Record<string, unknown>;
  return /^GUILD_(CREATE|UPDATE|DELETE)$/.test(t) ? o['id'] : o['guild_id'];
}

export async function startDiscordGateway(opts: DiscordGatewayOptions): Promise<DiscordGateway> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}`;
  const received: GatewayFrame[] = [];
  const live = new Set<WebSocket>();
  const withheld: string[] = [];
  /** The intents each connection identified with; a RESUME keeps the session's. */
  const intentsOf = new Map<WebSocket, number>();
  /** The [id, count] each connection identified as; a RESUME finds it by session id. */
  const shardOfSocket = new Map<WebSocket, [number, number]>();
  const shardOfSession = new Map<string, [number, number]>();
  let lastIntents = 0;
  let seq = 0;
  let sessionWaiters: Array<() => void> = [];
  let sessions = 0;

  const send = (socket: WebSocket, frame: GatewayFrame): void => {
    socket.send(JSON.stringify(frame));
  };
  const sessionStarted = (): void => {
    sessions++;
    const waiters = sessionWaiters;
    sessionWaiters = [];
    for (const w of waiters) w();
  };

  server.on('connection', (socket) => {
    live.add(socket);
    socket.on('close', () => {
      live.delete(socket);
      intentsOf.delete(socket);
      shardOfSocket.delete(socket);
    });
    send(socket, { op: 10, d: { heartbeat_interval: opts.heartbeatIntervalMs ?? 41_250 }, s: null, t: null });
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as GatewayFrame;
      received.push(frame);
      if (frame.op === 1) send(socket, { op: 11 });
      if (frame.op === 2 && opts.refuseIdentify) {
        socket.close(opts.refuseIdentify, 'refused by stand-in');
      } else if (frame.op === 2) {
        lastIntents = Number((frame.d as { intents?: unknown } | undefined)?.intents ?? 0);
        intentsOf.set(socket, lastIntents);
        const shard = ((frame.d as { shard?: [number, number] } | undefined)?.shard ?? [0, 1]) as [number, number];
        shardOfSocket.set(socket, shard);
        const guilds = opts.guilds().filter((g) => shardOf(g['id'], shard[1]) === shard[0]);
        const base = opts.ready() as Record<string, unknown> & { session_id?: unknown };
        const ready = {
          ...base,
          guilds: (base['guilds'] as Array<{ id: string }> | undefined)?.filter((g) => shardOf(g.id, shard[1]) === shard[0]) ?? [],
          shard,
          resume_gateway_url: url,
        };
        shardOfSession.set(String(base.session_id), shard);
        send(socket, { op: 0, s: ++seq, t: 'READY', d: ready });
        for (const guild of guilds) send(socket, { op: 0, s: ++seq, t: 'GUILD_CREATE', d: guild });
        sessionStarted();
      }
      if (frame.op === 6) {
        intentsOf.set(socket, lastIntents);
        shardOfSocket.set(socket, shardOfSession.get(String((frame.d as { session_id?: unknown } | undefined)?.session_id)) ?? [0, 1]);
        send(socket, { op: 0, s: ++seq, t: 'RESUMED', d: {} });
        sessionStarted();
      }
    });
  });

  return {
    url,
    received,
    withheld,
    waitForSession(): Promise<void> {
      if (sessions > 0 && live.size > 0) return Promise.resolve();
      return new Promise((resolve) => sessionWaiters.push(resolve));
    },
    dispatch(t: string, d: unknown): void {
      // Discord leaves out what a session has no intent for; the sequence moves on only for what it sends.
      const needed = intentFor(t, d);
      // Only the session of the shard the event belongs to hears it.
      const onShard = (socket: WebSocket): boolean => {
        const [id, count] = shardOfSocket.get(socket) ?? [0, 1];
        return shardOf(guildOf(t, d), count) === id;
      };
      const receivers = [...live].filter((socket) => onShard(socket) && (needed === null || ((intentsOf.get(socket) ?? 0) & needed) !== 0));
      if (receivers.length < live.size) withheld.push(t);
      if (receivers.length === 0) return;
      const s = ++seq;
      for (const socket of receivers) send(socket, { op: 0, s, t, d });
    },
    async dropConnection(code: number): Promise<void> {
      sessions = 0;
      const closing = [...live].map((socket) => {
        const closed = once(socket, 'close');
        socket.close(code, 'stand-in restart');
        return closed;
      });
      await Promise.all(closing);
    },
    connections: () => live.size,
    shards: () => [...live].flatMap((socket) => { const s = shardOfSocket.get(socket); return s ? [s] : []; }),
    async close(): Promise<void> {
      for (const socket of live) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
