import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { describeError, type Log } from '../../src/log.js';

/**
 * Bolt and its WebClient log through their own Logger interface (variadic, any values). Route
 * them into ours as one message string so they share the process's format and redaction.
 */
export function boltLogger(log: Log): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]): string => withoutBodies(parts.map(describeError).join(' '));
  return {
    debug: (...parts: unknown[]) => log.debug({ source: 'bolt' }, line(parts)),
    info: (...parts: unknown[]) => log.info({ source: 'bolt' }, line(parts)),
    warn: (...parts: unknown[]) => log.warn({ source: 'bolt' }, line(parts)),
    error: (...parts: unknown[]) => log.error({ source: 'bolt' }, line(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** Longest Bolt line kept: what happened, never a message. */
const LINE_MAX = 200;

/**
 * Bolt, the WebClient and Socket Mode log whole bodies at debug ("http request body: {…}",
 * "Received a message on the WebSocket: {…}"): a posting shared in a DM or a private channel
 * would reach the log files. A line keeps its words up to where a body starts (the first brace,
 * bracket or quote), cut to a short length.
 */
export function withoutBodies(text: string): string {
  const body = text.search(/[{["'`]/);
  const head = (body >= 0 ? text.slice(0, body) : text).trimEnd();
  const cut = head.length > LINE_MAX ? `${head.slice(0, LINE_MAX)}…` : head;
  return body >= 0 ? `${cut} [body omitted]` : cut;
}
