/** Why the Slack app could not start; the message is one line a person can act on. */
export type SlackStartErrorCode = 'config' | 'invalid_auth' | 'unreachable';

export class SlackStartError extends Error {
  override readonly name = 'SlackStartError';
  constructor(
    readonly code: SlackStartErrorCode,
    message: string,
  ) {
    super(message);
  }
}
