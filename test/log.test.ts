import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { describeError, redactUrl } from '../src/log.js';

/** An error shaped like the ones HTTP clients throw: a code, a status, and the request it made. */
function httpError(name: string, message: string, fields: Record<string, unknown>): Error {
  const err = new Error(message);
  err.name = name;
  return Object.assign(err, fields);
}

describe('describeError', () => {
  it("gives an error's name and message, never its stack", () => {
    const line = describeError(new TypeError('boom'));
    expect(line).toBe('TypeError: boom');
    expect(line).not.toContain(' at ');
  });

  it("names a user error's code", () => {
    expect(describeError(new UserError('not-found', 'That page does not exist.'))).toBe('UserError (not-found): That page does not exist.');
  });

  it('adds the code and the HTTP status where the error has them, and leaves out the request', () => {
    const err = httpError('HTTPError', 'Service Unavailable', { code: 'ECONNRESET', status: 503, requestBody: { token: 'xoxb-1-2-secret' } });
    expect(describeError(err)).toBe('HTTPError (ECONNRESET, HTTP 503): Service Unavailable');
  });

  it("does not repeat a code the error's name already carries (discord.js API errors)", () => {
    const err = httpError('DiscordAPIError[50013]', 'Missing Permissions', { code: 50013, status: 403, url: 'https://discord.com/api/v10/channels/1/messages' });
    expect(describeError(err)).toBe('DiscordAPIError[50013] (HTTP 403): Missing Permissions');
  });

  it('follows the cause, where fetch keeps the real reason', () => {
    const err = new TypeError('fetch failed', { cause: httpError('Error', 'connect ECONNREFUSED 127.0.0.1:9', { code: 'ECONNREFUSED' }) });
    expect(describeError(err)).toBe('TypeError: fetch failed; cause: Error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:9');
  });

  it('redacts tokens that turn up inside a message or a logged value', () => {
    const cases = [
      new Error('invalid_auth for xoxb-123-456-abcDEF'),
      new Error('socket refused xapp-1-A0-123-abcdef'),
      new Error('PATCH https://discord.com/api/v10/webhooks/1098765432109876543/aW50ZXJhY3Rpb246MTIz/messages/@original failed'),
      new Error('header Authorization: Bot MTA5ODc2NTQzMjEwOTg3NjU0Mw.GstandIn.stand-in-token-for-tests'),
      new Error('login failed with MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.hmacHMAChmacHMAChmacHMAChmac12'),
      'connect redis://jobcard:hunter2secret@cache.internal:6379 failed',
      { url: 'https://example.com/feed?token=abc123secret&page=2' },
    ];
    for (const value of cases) {
      const line = describeError(value);
      expect(line).toContain('[redacted]');
      expect(line).not.toMatch(/xoxb-123|xapp-1-A0|aW50ZXJhY3Rpb246MTIz|stand-in-token|hmacHMAC|hunter2secret|abc123secret/);
    }
  });

  it('leaves long host names in a message alone', () => {
    const line = describeError(new Error('getaddrinfo ENOTFOUND careers-integration-service.internal.example-corporation.com'));
    expect(line).toBe('Error: getaddrinfo ENOTFOUND careers-integration-service.internal.example-corporation.com');
  });

  it('keeps strings and writes other values as JSON', () => {
    expect(describeError('http request failed')).toBe('http request failed');
    expect(describeError({ status: 429 })).toBe('{"status":429}');
    expect(describeError(undefined)).toBe('undefined');
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(describeError(loop)).toBe('[object Object]');
  });
});

describe('redactUrl', () => {
  it('hides the user and password of a URL', () => {
    expect(redactUrl('postgres://jobcard:pw@db:5432/jobcard')).toBe('postgres://[redacted]@db:5432/jobcard');
    expect(redactUrl('sqlite://./data/jobcard.sqlite')).toBe('sqlite://./data/jobcard.sqlite');
  });
});

describe('logEvent', () => {
  it('writes the platform key once, whether or not the logger already carries it', async () => {
    const { pino } = await import('pino');
    const { logEvent } = await import('../src/log.js');
    const lines: string[] = [];
    const root = pino({ base: null }, { write: (line: string) => void lines.push(line) });
    logEvent(root.child({ platform: 'slack' }), { platform: 'slack', kind: 'paste', outcome: 'card', startedAt: performance.now() });
    logEvent(root, { platform: 'discord', kind: 'delete', outcome: 'removed', startedAt: performance.now() });
    expect(lines.map((l) => l.match(/"platform"/g)?.length)).toEqual([1, 1]);
    expect(lines.map((l) => (JSON.parse(l) as { platform: string }).platform)).toEqual(['slack', 'discord']);
  });
});
