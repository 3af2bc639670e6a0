import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, type CustomRoute, type HTTPReceiverOptions } from '@slack/bolt';
import type { Log } from '../../src/log.js';
import { boltLogger } from './log.js';

/**
 * Slack over HTTP: Bolt's own receiver (it checks every request's signature and refuses a
 * timestamp more than five minutes old), plus the check Bolt leaves out: a timestamp more than
 * five minutes in the future. A request signed with a future date (a captured-and-replayed
 * request, or a sender whose clock lies) would otherwise stay valid for as long as it says.
 */

/** Slack's own window: a request dated further from now, either way, is refused. */
export const SLACK_TIMESTAMP_WINDOW_SEC = 5 * 60;

/** Add to Slack: what Bolt's receiver needs to serve the OAuth flow (it builds the InstallProvider). */
export type SlackReceiverOAuth = Required<Pick<HTTPReceiverOptions, 'clientId' | 'clientSecret' | 'stateSecret' | 'installationStore' | 'scopes' | 'installerOptions'>> &
  Pick<HTTPReceiverOptions, 'redirectUri'>;

export interface SlackReceiverOptions {
  signingSecret: string;
  customRoutes: CustomRoute[];
  log: Log;
  oauth?: SlackReceiverOAuth;
  now?: () => number;
}

/** How far ahead of now a request says it was sent, in seconds; null when it carries no usable timestamp (Bolt then refuses it itself). */
export function secondsAhead(req: IncomingMessage, nowMs: number): number | null {
  const header = req.headers['x-slack-request-timestamp'];
  if (typeof header !== 'string' || !/^\d{1,12}$/.test(header.trim())) return null;
  return Number(header.trim()) - Math.floor(nowMs / 1000);
}

export function createSlackReceiver(opts: SlackReceiverOptions): HTTPReceiver {
  const now = opts.now ?? Date.now;
  const receiver = new HTTPReceiver({ signingSecret: opts.signingSecret, customRoutes: opts.customRoutes, logger: boltLogger(opts.log), ...opts.oauth });
  // Bolt reads the body and verifies the signature; only the header is looked at here, first.
  const verified = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    const ahead = req.method === 'POST' ? secondsAhead(req, now()) : null;
    if (ahead !== null && ahead > SLACK_TIMESTAMP_WINDOW_SEC) {
      opts.log.warn({ aheadSeconds: ahead }, 'refused a Slack request dated more than 5 minutes in the future');
      req.resume();
      res.writeHead(401).end();
      return;
    }
    verified(req, res);
  };
  return receiver;
}
