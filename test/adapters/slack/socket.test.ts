import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/app.js';
import { Desk } from '../../../src/desk/index.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { SlackApiStandIn } from '../../fakes/slack-api.js';
import { eventCallback, messageEvent, slackEscape } from '../../fakes/slack-sign.js';
import { SlackSocketStandIn } from '../../fakes/slack-socket.js';
import { allText, recordingLog, seed, type LogLine } from './harness.js';

const POSTING = seed('003-linkedin-capital-one-senior-mle.expected-clean.txt').toString('utf8');

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function startSocketApp(): Promise<{ api: SlackApiStandIn; socket: SlackSocketStandIn; slack: SlackApp; logs: LogLine[] }> {
  const api = await SlackApiStandIn.start();
  cleanup.push(() => api.close());
  const socket = await SlackSocketStandIn.start();
  cleanup.push(() => socket.close());
  api.socketUrl = socket.url;
  const logs: LogLine[] = [];
  const slack = createSlackApp({
    desk: new Desk({ store: new MemoryStore() }),
    botToken: api.botToken,
    appToken: api.appToken,
    apiUrl: api.apiUrl,
    retries: 0,
    logger: recordingLog(logs),
  });
  const started = await slack.start(0);
  cleanup.push(() => slack.stop());
  expect(started).toMatchObject({ mode: 'socket', port: null });
  return { api, socket, slack, logs };
}

describe('Slack app in Socket Mode', () => {
  it('connects through apps.connections.open, acks an events_api envelope and answers the posting', async () => {
    const { api, socket } = await startSocketApp();
    expect(api.callsTo('apps.connections.open')[0]?.authorization).toBe(`Bearer ${api.appToken}`);
    await api.waitFor(() => socket.connections === 1);
    const event = messageEvent({ text: slackEscape(POSTING) });
    const envelopeId = socket.send('events_api', eventCallback(event, 'Ev0SOCKET001'));
    await api.waitFor(() => socket.acks.find((a) => a.envelope_id === envelopeId));
    const card = await api.waitFor(() => api.posted[0]);
    expect(card.threadTs).toBe(event.ts);
    expect(allText(card)).toMatch(/\$158\.6k–\$181k/);
  });

  it('acks a /jd envelope and answers through response_url', async () => {
    const { api, socket } = await startSocketApp();
    await api.waitFor(() => socket.connections === 1);
    const envelopeId = socket.send('slash_commands', {
      token: 'legacy', team_id: 'T0TEAM01', team_domain: 'acme', channel_id: 'C0JOBS001', channel_name: 'jobs',
      user_id: 'U0ALICE01', user_name: 'alice', command: '/jd', text: '', api_app_id: 'A0APP0001',
      response_url: api.responseUrl('socket-help'), trigger_id: '1.2.3',
    });
    await api.waitFor(() => socket.acks.find((a) => a.envelope_id === envelopeId));
    const answer = await api.waitFor(() => api.responses.find((r) => r.id === 'socket-help'));
    expect(answer.body.response_type).toBe('ephemeral');
  });

  it('fails to start with a clear error when Slack rejects the app token', async () => {
    const api = await SlackApiStandIn.start({ appToken: 'xapp-the-real-one' });
    cleanup.push(() => api.close());
    const slack = createSlackApp({ desk: new Desk({ store: new MemoryStore() }), botToken: api.botToken, appToken: 'xapp-wrong', apiUrl: api.apiUrl, retries: 0 });
    cleanup.push(() => slack.stop());
    await expect(slack.start(0)).rejects.toThrow(/SLACK_APP_TOKEN.*invalid_auth/);
  });
});
