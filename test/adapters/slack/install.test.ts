import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/app.js';
import { BOT_SCOPES, SlackInstallations } from '../../../adapters/slack/install.js';
import { parseFilter } from '../../../src/alerts/filter.js';
import { AlertMemory } from '../../../src/alerts/memory.js';
import { Desk } from '../../../src/desk/index.js';
import type { KeyValue } from '../../../src/store/backend.js';
import { JobStore } from '../../../src/store/job-store.js';
import { Sealer } from '../../../src/store/sealed.js';
import { pollUntil } from '../../fakes/poll.js';
import { dmOf, SlackApiStandIn, type StandInWorkspace } from '../../fakes/slack-api.js';
import { messageEvent, SlackSender, slackEscape } from '../../fakes/slack-sign.js';
import { keysHolding, storeBackends, unique } from '../../fakes/stores.js';
import { closedPort } from '../../app/helpers.js';
import { recordingLog, seed, SIGNING_SECRET, startHttpApp, type LogLine } from './harness.js';

/**
 * Add to Slack end to end: the real Bolt app with its own OAuth flow (InstallProvider) on
 * /slack/install and /slack/oauth_redirect, the Web API stand-in playing Slack's authorize page
 * and oauth.v2.access, installations sealed in a real store (a SQLite file; Redis and Postgres
 * when present), and each workspace's events answered with its own token.
 */

const POSTING = seed('003-linkedin-capital-one-senior-mle.expected-clean.txt').toString('utf8');
const CLIENT_ID = '1111111111.2222222222';
const CLIENT_SECRET = 'c0ffee-client-secret-never-logged';
const STATE_SECRET = 'state-secret-for-the-oauth-flow-1234';

const backends = await storeBackends();
afterAll(() => backends.close());

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function workspace(name: string): StandInWorkspace {
  const id = unique('T');
  return { team_id: id, team: name, url: `https://${name.toLowerCase()}.slack.com/`, user_id: unique('UB'), bot_id: unique('BB') };
}

interface Running {
  api: SlackApiStandIn;
  slack: SlackApp;
  kv: KeyValue;
  installations: SlackInstallations;
  appUrl: string;
  sender: SlackSender;
  logs: LogLine[];
  desk: Desk;
}

async function startOAuthApp(kv: KeyValue, at: { port: number; redirectPath: string } | null = null): Promise<Running> {
  const api = await SlackApiStandIn.start();
  cleanups.push(() => api.close());
  cleanups.push(() => kv.close());
  const logs: LogLine[] = [];
  const log = recordingLog(logs);
  const store = new JobStore(kv);
  const installations = new SlackInstallations(store.sealedRecords(new Sealer(randomBytes(32))), log);
  const desk = new Desk({ store });
  const slack = createSlackApp({
    desk,
    oauth: {
      clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, stateSecret: STATE_SECRET, installations,
      ...(at ? { redirectUri: `http://127.0.0.1:${at.port}${at.redirectPath}` } : {}),
    },
    signingSecret: SIGNING_SECRET,
    apiUrl: api.apiUrl,
    retries: 0,
    logger: log,
  });
  const started = await slack.start(at?.port ?? 0, '127.0.0.1');
  cleanups.push(() => slack.stop());
  const appUrl = `http://127.0.0.1:${started.port}`;
  api.oauthApp = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUrl: `${appUrl}/slack/oauth_redirect` };
  return { api, slack, kv, installations, appUrl, sender: new SlackSender(appUrl, SIGNING_SECRET), logs, desk };
}

/** The "Add to Slack" link on the install page, and the state cookie the page set. */
async function openInstallPage(run: Running): Promise<{ href: string; cookie: string }> {
  const res = await fetch(`${run.appUrl}/slack/install`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const href = /<a href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!href || !cookie) throw new Error(`no Add to Slack link or state cookie on the install page:\n${html}`);
  return { href, cookie };
}

/** A person installs the app into `target`: the install page, Slack's authorize page, back to the redirect. */
async function install(run: Running, target: StandInWorkspace): Promise<{ status: number; page: string; token: string | undefined }> {
  const { href, cookie } = await openInstallPage(run);
  run.api.installTarget = target;
  const authorize = await fetch(href, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const back = authorize.headers.get('location') ?? '';
  expect(back.startsWith(`${run.appUrl}/slack/oauth_redirect?`)).toBe(true);
  const res = await fetch(back, { headers: { cookie } });
  return { status: res.status, page: await res.text(), token: run.api.tokensFor(target.team_id).at(-1) };
}

/** A posting pasted in a channel of `team`, delivered as Slack delivers it to this app. */
async function paste(run: Running, team: string, channel: string): Promise<void> {
  const res = await run.sender.event(messageEvent({ text: slackEscape(POSTING), channel, user: unique('U') }), { teamId: team });
  expect(res.status).toBe(200);
}

const postsIn = (api: SlackApiStandIn, channel: string) => api.callsTo('chat.postMessage').filter((c) => c.params.channel === channel);

describe.each(backends.list)('Add to Slack on $name', (backend) => {
  it('installs through Bolt’s OAuth flow, seals the token in the store, and answers each workspace with its own token', async () => {
    const run = await startOAuthApp(backend.open());
    const acme = workspace('Acme');
    const globex = workspace('Globex');

    // The install page links to Slack's authorize page with the manifest's scopes and a state.
    const { href } = await openInstallPage(run);
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}`).toBe(`${run.api.url}/oauth/v2/authorize`);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('scope')?.split(',')).toEqual([...BOT_SCOPES]);
    expect(url.searchParams.get('state')).toBeTruthy();

    const first = await install(run, acme);
    expect(first.status).toBe(200);
    expect(first.page).toContain('jobcard is now in Acme');
    const acmeToken = first.token as string;
    expect(acmeToken).toMatch(/^xoxb-/);
    const exchange = run.api.callsTo('oauth.v2.access')[0];
    expect(exchange?.params).toMatchObject({ client_id: CLIENT_ID, code: expect.stringMatching(/^code-/) });

    // Stored sealed: the raw record names no token, the installation reads back whole.
    const raw = await run.kv.get(`sealed:slack:team:${acme.team_id}`);
    expect(raw).toBeDefined();
    expect(JSON.stringify(raw)).not.toContain(acmeToken);
    expect(JSON.stringify(raw)).not.toContain('xoxb');
    expect(await keysHolding(run.kv, acmeToken)).toEqual([]);
    const stored = await run.installations.fetchInstallation({ teamId: acme.team_id, enterpriseId: undefined, isEnterpriseInstall: false });
    expect(stored.bot).toMatchObject({ token: acmeToken, userId: acme.user_id, id: acme.bot_id });

    // A posting in Acme gets its card, posted with Acme's token.
    const acmeChannel = unique('C');
    await paste(run, acme.team_id, acmeChannel);
    const acmeCard = await run.api.waitFor(() => postsIn(run.api, acmeChannel)[0], 30_000);
    expect(acmeCard.authorization).toBe(`Bearer ${acmeToken}`);

    // A second workspace, its own token.
    const second = await install(run, globex);
    expect(second.status).toBe(200);
    const globexToken = second.token as string;
    expect(globexToken).not.toBe(acmeToken);
    const globexChannel = unique('C');
    await paste(run, globex.team_id, globexChannel);
    const globexCard = await run.api.waitFor(() => postsIn(run.api, globexChannel)[0], 30_000);
    expect(globexCard.authorization).toBe(`Bearer ${globexToken}`);
    // Each workspace's URL came from auth.test with its own token.
    expect(run.api.callsTo('auth.test').map((c) => c.authorization)).toEqual(expect.arrayContaining([`Bearer ${acmeToken}`, `Bearer ${globexToken}`]));

    // Someone in Acme watches and its channel has a digest: both go with the uninstall (checked below: no key names Acme).
    const acmeAlerts = new AlertMemory(run.kv);
    const remote = parseFilter('remote');
    if (!remote.ok) throw new Error(remote.error);
    await acmeAlerts.addWatch({ platform: 'slack', team: acme.team_id, user: acme.user_id, filter: remote.filter, text: 'remote', createdAt: new Date().toISOString() });
    await acmeAlerts.setDigest('slack', acmeChannel, { platform: 'slack', team: acme.team_id, channel: acmeChannel, kind: 'public', every: 'weekly', nextAt: '2030-01-01T00:00:00.000Z', setBy: acme.user_id });

    // Acme removes the app: Slack revokes the token and sends app_uninstalled and tokens_revoked.
    run.api.revoke(acmeToken);
    await run.sender.event({ type: 'app_uninstalled', event_ts: '1800000000.000100' }, { teamId: acme.team_id });
    await run.sender.event({ type: 'tokens_revoked', tokens: { oauth: [], bot: [acme.user_id] }, event_ts: '1800000000.000200' }, { teamId: acme.team_id });
    await pollUntil(() => run.logs.some((l) => l.msg.startsWith('Slack app uninstalled')), 'the uninstall to finish', 30_000);
    await pollUntil(() => run.logs.some((l) => l.msg.startsWith('Slack bot token revoked')), 'the revocation to be handled', 30_000);
    expect(await run.installations.has({ teamId: acme.team_id, enterpriseId: undefined, isEnterpriseInstall: false })).toBe(false);
    expect(await run.kv.get(`sealed:slack:team:${acme.team_id}`)).toBeUndefined();
    // What Acme shared is forgotten with it.
    expect(await keysHolding(run.kv, acme.team_id)).toEqual([]);

    // Acme's events are ignored now; Globex is still answered.
    const callsBefore = run.api.calls.length;
    const laterAcme = unique('C');
    await paste(run, acme.team_id, laterAcme);
    await pollUntil(() => run.logs.some((l) => l.msg.includes('Authorization of incoming event did not succeed')), 'Bolt to refuse the event', 30_000);
    const laterGlobex = unique('C');
    await paste(run, globex.team_id, laterGlobex);
    await run.api.waitFor(() => postsIn(run.api, laterGlobex)[0], 30_000);
    await run.slack.idle();
    expect(postsIn(run.api, laterAcme)).toEqual([]);
    expect(run.api.calls.slice(callsBefore).some((c) => c.authorization === `Bearer ${acmeToken}`)).toBe(false);

    // Nothing secret in any log line.
    const logged = JSON.stringify(run.logs);
    for (const secret of [acmeToken, globexToken, CLIENT_SECRET, STATE_SECRET]) expect(logged).not.toContain(secret);
  }, 60_000);

  it('refuses a redirect without the state cookie, with a forged state or cancelled at Slack, and stores nothing', async () => {
    const run = await startOAuthApp(backend.open());
    const target = workspace('Initech');
    const { href, cookie } = await openInstallPage(run);
    run.api.installTarget = target;
    const back = (await fetch(href, { redirect: 'manual' })).headers.get('location') ?? '';

    // Another browser (no cookie) follows the link: refused before the code is exchanged.
    const noCookie = await fetch(back);
    expect(noCookie.status).toBe(400);
    expect(await noCookie.text()).toContain('Start again from the Add to Slack page');
    // A state that is not this session's.
    const forged = new URL(back);
    forged.searchParams.set('state', 'forged-state');
    expect((await fetch(forged, { headers: { cookie } })).status).toBe(400);
    // The person clicked Cancel at Slack.
    const cancelled = await fetch(`${run.appUrl}/slack/oauth_redirect?error=access_denied&state=${new URL(back).searchParams.get('state')}`, { headers: { cookie } });
    expect(cancelled.status).toBe(400);
    expect(await cancelled.text()).toContain('cancelled');
    expect(run.api.callsTo('oauth.v2.access')).toEqual([]);
    expect(await run.installations.has({ teamId: target.team_id, enterpriseId: undefined, isEnterpriseInstall: false })).toBe(false);
    expect(run.logs.some((l) => l.level === 'warn' && l.msg === 'Slack installation failed')).toBe(true);
  }, 60_000);

  it('runs /jd and sends a watch’s alert DM in a workspace with that workspace’s own token', async () => {
    const run = await startOAuthApp(backend.open());
    const acme = workspace('Acme');
    const token = (await install(run, acme)).token as string;
    const bob = unique('UBOB');
    const id = unique('resp');
    await run.sender.command({
      token: 'legacy', team_id: acme.team_id, team_domain: 'acme', channel_id: unique('C'), channel_name: 'jobs', user_id: bob, user_name: 'bob',
      command: '/jd', text: 'watch level:senior+ place:"New York"', api_app_id: 'A0APP0001', response_url: run.api.responseUrl(id), trigger_id: '1.2.3',
    });
    const said = await run.api.waitFor(() => run.api.responses.find((x) => x.id === id), 30_000);
    expect(String(said.body.text)).toMatch(/Watch #1 saved/);

    const sharedIn = unique('C');
    const posting = `${seed('000-builtin-capital-one-sr-manager.txt').toString('utf8')}\n\nJob reference: ${unique('REF')}`;
    await run.sender.event(messageEvent({ text: slackEscape(posting), channel: sharedIn, user: unique('U') }), { teamId: acme.team_id });
    await run.api.waitFor(() => postsIn(run.api, sharedIn)[0], 30_000);
    await run.slack.idle();
    await run.desk.alerts.idle();
    const dm = await run.api.waitFor(() => postsIn(run.api, dmOf(bob))[0], 30_000);
    expect(dm.authorization).toBe(`Bearer ${token}`);
    expect(run.api.callsTo('conversations.open').map((c) => c.authorization)).toEqual([`Bearer ${token}`]);
  }, 60_000);

  it('uses SLACK_REDIRECT_URI when the app lists several: on the authorize link, as the served path, and in the code exchange', async () => {
    const port = await closedPort();
    const run = await startOAuthApp(backend.open(), { port, redirectPath: '/slack/oauth/back' });
    const target = workspace('Hooli');
    const { href } = await openInstallPage(run);
    expect(new URL(href).searchParams.get('redirect_uri')).toBe(`${run.appUrl}/slack/oauth/back`);
    const { href: again, cookie } = await openInstallPage(run);
    run.api.installTarget = target;
    const back = (await fetch(again, { redirect: 'manual' })).headers.get('location') ?? '';
    expect(back.startsWith(`${run.appUrl}/slack/oauth/back?`)).toBe(true);
    expect((await fetch(back, { headers: { cookie } })).status).toBe(200);
    expect(run.api.callsTo('oauth.v2.access')[0]?.params.redirect_uri).toBe(`${run.appUrl}/slack/oauth/back`);
    expect(await run.installations.has({ teamId: target.team_id, enterpriseId: undefined, isEnterpriseInstall: false })).toBe(true);
  }, 60_000);

  it('installs org-wide: one installation for the organization answers each of its workspaces', async () => {
    const run = await startOAuthApp(backend.open());
    const enterprise = { id: unique('E'), name: 'Umbrella Corp' };
    const org: StandInWorkspace = { ...workspace('Umbrella'), enterprise };
    const result = await install(run, org);
    expect(result.status).toBe(200);
    expect(result.page).toContain('jobcard is now in Umbrella Corp');
    const token = result.token as string;
    expect(JSON.stringify(await run.kv.get(`sealed:slack:org:${enterprise.id}`))).not.toContain(token);

    // An event from one of the organization's workspaces, as Slack sends it for an org-wide install.
    const team = unique('T');
    const channel = unique('C');
    const event = messageEvent({ text: slackEscape(POSTING), channel, user: unique('U') });
    const body = {
      token: 'legacy', team_id: team, enterprise_id: enterprise.id, api_app_id: 'A0APP0001', type: 'event_callback',
      event_id: `Ev${unique('')}`, event_time: Math.floor(Date.now() / 1000), event,
      authorizations: [{ enterprise_id: enterprise.id, team_id: null, user_id: org.user_id, is_bot: true, is_enterprise_install: true }],
      is_ext_shared_channel: false,
    };
    expect((await run.sender.post(JSON.stringify(body), 'application/json')).status).toBe(200);
    const card = await run.api.waitFor(() => postsIn(run.api, channel)[0], 30_000);
    expect(card.authorization).toBe(`Bearer ${token}`);

    // The organization removes the app: the installation and what its workspaces shared go.
    const uninstall = {
      ...body, event_id: `Ev${unique('')}`, event: { type: 'app_uninstalled', event_ts: '1800000000.000300' },
    };
    await run.sender.post(JSON.stringify(uninstall), 'application/json');
    await pollUntil(() => run.logs.some((l) => l.msg.startsWith('Slack app uninstalled')), 'the uninstall to finish', 30_000);
    expect(await run.kv.get(`sealed:slack:org:${enterprise.id}`)).toBeUndefined();
    expect(await keysHolding(run.kv, team)).toEqual([]);
    expect(await run.kv.keys(`sealed:slack:org-team:${enterprise.id}`)).toEqual([]);
  }, 60_000);
});

describe('with one SLACK_BOT_TOKEN', () => {
  it('forgets the workspace’s memory when the app is removed, and says a revoked token needs a new one', async () => {
    const kv = backends.list[0]!.open();
    cleanups.push(() => kv.close());
    const run = await startHttpApp({}, { desk: new Desk({ store: new JobStore(kv) }) });
    cleanups.push(() => run.close());
    const channel = unique('C');
    await run.sender.event(messageEvent({ text: slackEscape(POSTING), channel }), { teamId: 'T0TEAM01' });
    await run.api.waitFor(() => postsIn(run.api, channel)[0], 30_000);
    await run.settle();
    expect(await keysHolding(kv, 'T0TEAM01')).not.toEqual([]);

    await run.sender.event({ type: 'app_uninstalled', event_ts: '1800000000.000100' }, { teamId: 'T0TEAM01' });
    await run.sender.event({ type: 'tokens_revoked', tokens: { bot: ['UBOT0001'] }, event_ts: '1800000000.000200' }, { teamId: 'T0TEAM01' });
    await pollUntil(() => run.logs.some((l) => l.msg.startsWith('Slack app uninstalled')), 'the uninstall to finish', 30_000);
    await pollUntil(() => run.logs.some((l) => l.level === 'error' && l.msg.includes('set SLACK_BOT_TOKEN to the new token')), 'the revocation to be reported', 30_000);
    expect(await keysHolding(kv, 'T0TEAM01')).toEqual([]);
  }, 60_000);
});
