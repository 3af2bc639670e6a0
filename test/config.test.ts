import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, fullTextEmoji, loadConfig, slackMode, slackOAuth } from '../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('starts on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config.STORE_URL).toBe('sqlite://./data/jobcard.sqlite');
    expect(config.PORT).toBe(3000);
    expect(config.JOBCARD_ALLOW_PRIVATE_URLS).toBe(false);
    expect(config.JOBCARD_WARM_UP).toBe(true);
    expect(loadConfig({ JOBCARD_WARM_UP: '0' }).JOBCARD_WARM_UP).toBe(false);
    expect(slackMode(config)).toBeNull();
  });

  it('reads JOBCARD_READ_BOTS (off by default) and JOBCARD_RETENTION_DAYS (180), and never the bot itself', () => {
    expect(loadConfig({}).JOBCARD_READ_BOTS).toEqual([]);
    expect(loadConfig({}).JOBCARD_RETENTION_DAYS).toBe(180);
    expect(loadConfig({ JOBCARD_READ_BOTS: ' B0FEED001, 112233445566778899 ,A0RSS0001' }).JOBCARD_READ_BOTS).toEqual(['B0FEED001', '112233445566778899', 'A0RSS0001']);
    expect(problems({ JOBCARD_READ_BOTS: 'jobs-bot' })).toEqual([expect.stringMatching(/^JOBCARD_READ_BOTS.*: each id must be/)]);
    const self = { DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '112233445566778899', JOBCARD_READ_BOTS: '112233445566778899' };
    expect(problems(self)).toEqual(['JOBCARD_READ_BOTS: must not list the bot itself (DISCORD_APPLICATION_ID)']);
    expect(problems({ JOBCARD_RETENTION_DAYS: '0' })).toEqual([expect.stringMatching(/^JOBCARD_RETENTION_DAYS/)]);
  });

  it('lets Discord choose the shard count unless DISCORD_SHARD_COUNT / DISCORD_SHARDS fix it, and refuses lists it cannot run', () => {
    expect(loadConfig({}).DISCORD_SHARD_COUNT).toBeUndefined();
    expect(loadConfig({}).DISCORD_SHARDS).toBeUndefined();
    expect(loadConfig({ DISCORD_SHARD_COUNT: '4' }).DISCORD_SHARD_COUNT).toBe(4);
    expect(loadConfig({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARDS: ' 2, 3 ' }).DISCORD_SHARDS).toEqual([2, 3]);
    expect(problems({ DISCORD_SHARD_COUNT: '0' })).toEqual([expect.stringMatching(/^DISCORD_SHARD_COUNT/)]);
    expect(problems({ DISCORD_SHARDS: '0,1' })).toEqual(['DISCORD_SHARDS: needs DISCORD_SHARD_COUNT, and each id must be below it (ids count from 0)']);
    expect(problems({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARDS: '1,2' })).toEqual([expect.stringMatching(/^DISCORD_SHARDS: needs/)]);
    expect(problems({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARDS: 'one' })).toEqual([expect.stringMatching(/^DISCORD_SHARDS.*: each shard id must be/)]);
  });

  it('leaves the core threads to the pool and gives each paste 5 s unless told otherwise, and refuses nonsense', () => {
    const config = loadConfig({});
    expect(config.JOBCARD_CORE_THREADS).toBeUndefined();
    expect(config.JOBCARD_CORE_TIMEOUT_MS).toBe(5000);
    expect(loadConfig({ JOBCARD_CORE_THREADS: '1', JOBCARD_CORE_TIMEOUT_MS: '2500' })).toMatchObject({ JOBCARD_CORE_THREADS: 1, JOBCARD_CORE_TIMEOUT_MS: 2500 });
    expect(problems({ JOBCARD_CORE_THREADS: '0' })).toEqual([expect.stringMatching(/^JOBCARD_CORE_THREADS: /)]);
    expect(problems({ JOBCARD_CORE_TIMEOUT_MS: 'soon' })).toEqual([expect.stringMatching(/^JOBCARD_CORE_TIMEOUT_MS: /)]);
  });

  it('accepts .env.example as written', () => {
    const example = parse(readFileSync(new URL('../.env.example', import.meta.url)));
    expect(problems(example)).toEqual([]);
  });

  it('reports one line per problem and never echoes a value', () => {
    const secret = 'xoxp-user-token-that-must-not-leak';
    const lines = problems({ SLACK_BOT_TOKEN: secret, PORT: 'eighty', STORE_URL: 'mysql://x', DISCORD_TOKEN: 'abc' });
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.startsWith('SLACK_SIGNING_SECRET:'))).toBe(true);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.some((l) => l.startsWith('SLACK_BOT_TOKEN:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('PORT:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('STORE_URL:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('DISCORD_APPLICATION_ID:'))).toBe(true);
  });

  it('asks for a signing secret or an app token with a Slack bot token', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: .*SLACK_APP_TOKEN/)]);
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe('http');
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toBe('socket');
  });

  it('runs Add to Slack with all four OAuth variables and a signing secret, never beside a bot or app token', () => {
    const key = Buffer.alloc(32, 7);
    const oauth = {
      SLACK_CLIENT_ID: '1111111111.2222222222',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'a-state-secret-of-some-length',
      JOBCARD_INSTALL_KEY: key.toString('base64'),
      SLACK_SIGNING_SECRET: 's',
    };
    const config = loadConfig(oauth);
    expect(slackMode(config)).toBe('http');
    expect(slackOAuth(config)).toMatchObject({ clientId: oauth.SLACK_CLIENT_ID, installKey: key });
    expect(slackOAuth(loadConfig({ ...oauth, JOBCARD_INSTALL_KEY: key.toString('hex') }))?.installKey).toEqual(key);
    expect(slackOAuth(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBeNull();

    const { SLACK_STATE_SECRET: _state, JOBCARD_INSTALL_KEY: _key, ...partial } = oauth;
    expect(problems(partial)).toEqual([
      expect.stringMatching(/^SLACK_STATE_SECRET: is required/),
      expect.stringMatching(/^JOBCARD_INSTALL_KEY: is required/),
    ]);
    expect(problems({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: set it or the Add to Slack variables, not both/)]);
    expect(problems({ ...oauth, SLACK_SIGNING_SECRET: '' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: is required with Add to Slack/)]);
    const weak = problems({ ...oauth, JOBCARD_INSTALL_KEY: 'hunter2', SLACK_STATE_SECRET: 'short' });
    expect(weak).toEqual([expect.stringMatching(/^SLACK_STATE_SECRET: must be at least 16/), expect.stringMatching(/^JOBCARD_INSTALL_KEY: must be 32 random bytes/)]);
    expect(weak.join('\n')).not.toContain('hunter2');
    // Rotating the key: the previous ones, read as keys; a bad one named without its value.
    const old = Buffer.alloc(32, 9);
    expect(slackOAuth(loadConfig({ ...oauth, JOBCARD_INSTALL_KEY_PREVIOUS: `${old.toString('hex')}, ${key.toString('base64')}` }))?.previousInstallKeys).toEqual([old, key]);
    expect(problems({ ...oauth, JOBCARD_INSTALL_KEY_PREVIOUS: 'hunter2' })).toEqual([expect.stringMatching(/^JOBCARD_INSTALL_KEY_PREVIOUS\.0: each key must be 32 bytes/)]);
  });

  it('reads the full-text emoji list, adding the unicode page for Discord', () => {
    expect(fullTextEmoji(loadConfig({}))).toEqual(['page_facing_up', '📄']);
    expect(fullTextEmoji(loadConfig({ JOBCARD_FULL_TEXT_EMOJI: ':memo:, scroll, custom_one' }))).toEqual(['memo', 'scroll', 'custom_one', '📝', '📜']);
  });
});
