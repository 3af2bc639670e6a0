import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { describeError, type Log } from '../../src/log.js';

/**
 * Bolt and its WebClient log through their own Logger interface (variadic, any values). Route
 * them into ours as one message string so they share the process's format and redaction.
 */
export function boltLogger(log: Log): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]): string => parts.map(describeError).join(' ');
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
