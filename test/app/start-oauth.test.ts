import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startJobcard, type Running } from '../../app/start.js';
import { loadConfig } from '../../src/config.js';
import { SlackApiStandIn, type StandInWorkspace } from '../fakes/slack-api.js';
import { messageEvent, SlackSender, slackEscape } from '../fakes/slack-sign.js';
import { capturingLogger, SEED_003, seedText, tempStore } from './helpers.js';

/**
 * Add to Slack through the whole start-up (configuration, store, sealing key, Bolt's OAuth
 * flow): an installation survives a restart, a changed key stops start-up with one line, and
 * nothing secret reaches the log even at debug.
 */

const SIGNING_SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';
const CLIENT_ID = '3333333333.4444444444';
const CLIENT_SECRET = 'client-secret-7f3a9c-never-in-a-log';
const STATE_SECRET = 'state-secret-5b1e8d-never-in-a-log';
const POSTING = seedText(SEED_003);

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const ACME: StandInWorkspace = { team_id: 'T0ACME001', team: 'Acme', url: 'https://acme.slack.com/', user_id: 'U0ACMEBOT', bot_id: 'B0ACMEBOT' };

describe('startJobcard with Add to Slack', () => {
  it('installs, refuses a changed key, rotates the key, answers with the workspace’s token after the restart, and logs no secret', async () => {
    const api = await SlackApiStandIn.start();
    cleanups.push(() => api.close());
    const tmp = tempStore();
    cleanups.push(() => tmp.remove());
    const key = randomBytes(32).toString('base64');
    const env = (installKey: string, previous?: string): Record<string, string> => ({
      ...(previous ? { JOBCARD_INSTALL_KEY_PREVIOUS: previous } : {}),
      PORT: '0', LOG_LEVEL: 'debug', JOBCARD_CORE_THREADS: '1', JOBCARD_WARM_UP: '0', STORE_URL: tmp.sqliteUrl,
      SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl,
      SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: CLIENT_SECRET, SLACK_STATE_SECRET: STATE_SECRET, JOBCARD_INSTALL_KEY: installKey,
    });
    const logs = capturingLogger('debug');
    const start = async (installKey: string, previous?: string): Promise<Running> => {
      const running = await startJobcard(loadConfig(env(installKey, previous)), logs.log);
      cleanups.push(() => running.stop());
      api.oauthApp = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUrl: `http://127.0.0.1:${running.port}/slack/oauth_redirect` };
      return running;
    };

    let running = await start(key);
    expect(running.parts).toEqual(['slack-http']);
    const base = `http://127.0.0.1:${running.port}`;
    const page = await fetch(`${base}/slack/install`);
    const href = /<a href="([^"]+)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, '&') ?? '';
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
    api.installTarget = ACME;
    const back = (await fetch(href, { redirect: 'manual' })).headers.get('location') ?? '';
    expect((await fetch(back, { headers: { cookie } })).status).toBe(200);
    const token = api.tokensFor(ACME.team_id)[0] as string;
    expect(logs.records.some((r) => r.msg === 'Slack app installed' && r['team'] === ACME.team_id)).toBe(true);
    await running.stop();

    // Another key: one line saying so, before anything listens.
    const other = randomBytes(32).toString('base64');
    await expect(startJobcard(loadConfig(env(other)), logs.log)).rejects.toThrow(/^JOBCARD_INSTALL_KEY does not open the Slack installations already in the store/);

    // The new key with the old one as previous (a rotation): the installation is sealed again
    // with the new key, read from the file and used.
    running = await start(other, key);
    expect(logs.records.some((r) => r.msg.startsWith('sealed the stored installations again') && r['resealed'] === 1)).toBe(true);
    const sender = new SlackSender(`http://127.0.0.1:${running.port}`, SIGNING_SECRET);
    await sender.event(messageEvent({ text: slackEscape(POSTING), channel: 'C0ACMEJOBS' }), { teamId: ACME.team_id });
    const card = await api.waitFor(() => api.callsTo('chat.postMessage').find((c) => c.params.channel === 'C0ACMEJOBS'), 20_000);
    expect(card.authorization).toBe(`Bearer ${token}`);

    const everything = logs.raw.join('\n');
    // Debug was on where the secrets pass: the code exchange with the client secret was logged.
    expect(everything).toContain('api/oauth.v2.access');
    for (const secret of [token, CLIENT_SECRET, STATE_SECRET, key, other, SIGNING_SECRET]) expect(everything).not.toContain(secret);
  }, 120_000);
});
