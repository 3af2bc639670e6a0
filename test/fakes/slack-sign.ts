import { createHmac, randomUUID } from 'node:crypto';

/**
 * Sends requests to a Slack app the way Slack does: `v0=` + HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}` in X-Slack-Signature, the timestamp in
 * X-Slack-Request-Timestamp; events as JSON, slash commands form-encoded.
 */

export function slackSignature(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Sign with this secret instead (a forged request). */
  secret?: string;
  headers?: Record<string, string>;
}

export interface SlackReply {
  status: number;
  text: string;
}

export class SlackSender {
  constructor(
    readonly appUrl: string,
    readonly signingSecret: string,
  ) {}

  async post(rawBody: string, contentType: string, opts: SignOptions = {}): Promise<SlackReply> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const res = await fetch(`${this.appUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(opts.secret ?? this.signingSecret, timestamp, rawBody),
        ...opts.headers,
      },
      body: rawBody,
    });
    return { status: res.status, text: await res.text() };
  }

  /** An Events API delivery; returns the event_id used. */
  async event(event: Record<string, unknown>, opts: SignOptions & { eventId?: string; teamId?: string; extShared?: boolean } = {}): Promise<SlackReply & { eventId: string }> {
    const eventId = opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
    const body = eventCallback(event, eventId, opts.teamId, opts.extShared);
    return { ...(await this.post(JSON.stringify(body), 'application/json', opts)), eventId };
  }

  async command(fields: Record<string, string>, opts: SignOptions = {}): Promise<SlackReply> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', opts);
  }
}

/** `extShared`: the event happened in a Slack Connect channel (bolt-python's test_events_shared_channels). */
export function eventCallback(event: Record<string, unknown>, eventId: string, teamId = 'T0TEAM01', extShared = false): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A0APP0001',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: extShared,
  };
}

let tsSeq = 0;
/** A message ts as Slack makes them (seconds.micros), unique within a test run. */
export function nextMessageTs(): string {
  tsSeq += 1;
  return `1700000000.${String(tsSeq).padStart(6, '0')}`;
}

/** A `message` event from a person, in Slack's shape; `text` is already Slack markup. */
export function messageEvent(fields: { channel?: string; user?: string; text: string; ts?: string } & Record<string, unknown>): Record<string, unknown> {
  const ts = fields.ts ?? nextMessageTs();
  return {
    type: 'message',
    channel: 'C0JOBS001',
    user: 'U0ALICE01',
    channel_type: 'channel',
    event_ts: ts,
    ...fields,
    ts,
  };
}

/** Slack's escaping of what a person typed: `&`, `<`, `>` become entities. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
