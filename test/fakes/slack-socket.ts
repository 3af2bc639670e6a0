import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A loopback stand-in for Slack's Socket Mode endpoint: greets each connection with `hello`,
 * sends envelopes on demand and records the client's acks.
 */
export class SlackSocketStandIn {
  readonly acks: Array<{ envelope_id: string; payload?: unknown }> = [];
  private readonly sockets = new Set<WebSocket>();

  private constructor(
    private readonly wss: WebSocketServer,
    readonly url: string,
  ) {
    wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
        this.acks.push(msg);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0APP0001' } }));
    });
  }

  static async start(): Promise<SlackSocketStandIn> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const { port } = wss.address() as AddressInfo;
    return new SlackSocketStandIn(wss, `ws://127.0.0.1:${port}/link/?ticket=stand-in`);
  }

  get connections(): number {
    return this.sockets.size;
  }

  /** Send an envelope to every connected client; returns its envelope_id. */
  send(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown): string {
    const envelopeId = randomUUID();
    const frame = JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' });
    for (const socket of this.sockets) socket.send(frame);
    return envelopeId;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
