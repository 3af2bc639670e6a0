import { describe, expect, it } from 'vitest';
import { environmentFor, parseRole } from '../../app/role.js';

const ALL = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_APP_TOKEN: 'xapp-1',
  DISCORD_TOKEN: 'discord',
  DISCORD_APPLICATION_ID: '123456789012345678',
  STORE_URL: 'redis://store:6379',
  PORT: '8080',
};

describe('process roles', () => {
  it('reads no argument as "all", and "web" and "worker" by name', () => {
    expect(parseRole([])).toBe('all');
    expect(parseRole(['web'])).toBe('web');
    expect(parseRole(['worker'])).toBe('worker');
  });

  it('refuses an unknown role with one line naming the ones there are', () => {
    const parsed = parseRole(['webb']);
    expect(parsed).toEqual({ problem: expect.stringMatching(/"webb".*"web".*"worker"/) });
  });

  it('leaves the environment alone for "all"', () => {
    expect(environmentFor('all', ALL)).toEqual({ env: ALL, problems: [] });
  });

  it('gives the web process Slack HTTP mode only, whatever else is set', () => {
    const { env, problems } = environmentFor('web', ALL);
    expect(problems).toEqual([]);
    expect(env).toEqual({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', STORE_URL: 'redis://store:6379', PORT: '8080' });
  });

  it('gives the worker Socket Mode and Discord, never Slack HTTP mode', () => {
    const { env, problems } = environmentFor('worker', ALL);
    expect(problems).toEqual([]);
    expect(env.SLACK_SIGNING_SECRET).toBeUndefined();
    expect(env).toMatchObject({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', DISCORD_TOKEN: 'discord' });
  });

  it('leaves Slack to the web process when there is no app token', () => {
    const { SLACK_APP_TOKEN: _app, ...httpOnly } = ALL;
    const { env, problems } = environmentFor('worker', httpOnly);
    expect(problems).toEqual([]);
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
    expect(env.DISCORD_TOKEN).toBe('discord');
  });

  it('gives Add to Slack to the web process, and keeps it out of the worker', () => {
    const oauth = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's'.repeat(16), JOBCARD_INSTALL_KEY: 'k', SLACK_SIGNING_SECRET: 'secret' };
    expect(environmentFor('web', oauth)).toEqual({ env: oauth, problems: [] });
    const worker = environmentFor('worker', { ...oauth, DISCORD_TOKEN: 'd' });
    expect(worker.problems).toEqual([]);
    expect(worker.env).toEqual({ DISCORD_TOKEN: 'd' });
  });

  it('refuses a role with nothing to run rather than serving the playground', () => {
    expect(environmentFor('web', { DISCORD_TOKEN: 'd', DISCORD_APPLICATION_ID: '123456789012345678' }).problems).toEqual([
      expect.stringMatching(/^web: .*SLACK_BOT_TOKEN.*SLACK_SIGNING_SECRET/),
    ]);
    expect(environmentFor('worker', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).problems).toEqual([
      expect.stringMatching(/^worker: .*SLACK_APP_TOKEN.*DISCORD_TOKEN/),
    ]);
  });
});
