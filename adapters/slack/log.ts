import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

/** The structured logger the adapter writes to (pino's shape: fields first, then a message). */
export interface SlackLog {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A log that drops everything, for callers that pass none. */
export const silentLog: SlackLog = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Bolt and its WebClient log through their own Logger interface (variadic, any values). Route
 * them into ours as one message string so they share the process's format and redaction.
 */
export function boltLogger(log: SlackLog): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]): string => parts.map(describe).join(' ');
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

/** An error's name and message, never its stack or request options (they may hold tokens). */
export function describe(value: unknown): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return typeof code === 'string' ? `${value.name} (${code}): ${value.message}` : `${value.name}: ${value.message}`;
  }
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
