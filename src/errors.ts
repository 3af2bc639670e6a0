/**
 * Two kinds of error, kept apart: a UserError is expected (bad input, a link that cannot be
 * read) and becomes a short, polite message; anything else is internal, logged with context,
 * and shown to users only as a generic apology.
 */
export const USER_ERROR_CODES = [
  'empty',
  'binary',
  'too-large',
  'not-a-posting',
  'bad-url',
  'unsupported-scheme',
  'private-address',
  'not-found',
  'login-wall',
  'timeout',
  'fetch-failed',
  'no-posting-at-link',
  'forbidden',
  'bad-input',
  /** The core ran past its time limit on an input (src/pool): abandoned. */
  'too-slow',
  /** Too many inputs are waiting for the core. */
  'busy',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

/** The message of anything thrown, for a log line or a one-line failure (never a stack). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
