import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../../src/desk/index.js';
import type { KeyValue } from '../../../src/store/backend.js';
import { JobStore } from '../../../src/store/job-store.js';
import { dmOf, SlackApiStandIn, type PostedMessage } from '../../fakes/slack-api.js';
import { messageEvent, nextMessageTs, slackEscape } from '../../fakes/slack-sign.js';
import { storeBackends, unique } from '../../fakes/stores.js';
import { allText, type Running, seed, startHttpApp } from './harness.js';

/**
 * Alerts and digests (issue 19) end to end: the real Bolt app over HTTP, its Web API on the
 * loopback stand-in (conversations.members for who is in a channel, conversations.open for the
 * DM), memory on a real SQLite file and a real Redis (Postgres with POSTGRES_URL).
 */
const SR_MANAGER_NY = seed('000-builtin-capital-one-sr-manager.txt').toString('utf8');
const LEAD_PLANO = seed('001-capital-one-sr-lead-plano.txt').toString('utf8');
const SENIOR_MLE = seed('003-linkedin-capital-one-senior-mle.expected-clean.txt').toString('utf8');
const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const WATCH = 'watch level:senior+ sponsorship:yes,considered place:"New York",Plano pay:>=200k';

const backends = await storeBackends();
afterAll(() => backends.close());

const running: Running[] = [];
const opened: KeyValue[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
  await Promise.all(opened.splice(0).map((kv) => kv.close()));
});

/** The posting with a reference of its own, so tests on a shared Redis stay apart. */
const marked = (text: string): string => `${text}\n\nJob reference: ${unique('REF')}`;

describe.each(backends.list)('Slack alerts and digests, memory on $name', (backend) => {
  async function start(opts: { now?: () => Date; api?: SlackApiStandIn; kv?: KeyValue } = {}): Promise<{ r: Running; desk: Desk }> {
    const kv = opts.kv ?? backend.open();
    opened.push(kv);
    const desk = new Desk({ store: new JobStore(kv), ...(opts.now ? { now: opts.now } : {}) });
    const r = await startHttpApp({}, { desk, ...(opts.api ? { api: opts.api } : {}) });
    running.push(r);
    return { r, desk };
  }

  async function jd(r: Running, team: string, user: string, channel: string, text: string): Promise<string> {
    const id = unique('resp');
    await r.sender.command({
      token: 'legacy', team_id: team, team_domain: 'acme', channel_id: channel, channel_name: 'jobs', user_id: user, user_name: user.toLowerCase(),
      command: '/jd', text, api_app_id: 'A0APP0001', response_url: r.api.responseUrl(id), trigger_id: '1.2.3',
    });
    const answer = await r.api.waitFor(() => r.api.responses.find((x) => x.id === id));
    return String(answer.body.text);
  }

  async function paste(r: Running, desk: Desk, team: string, fields: Record<string, unknown>): Promise<string> {
    const event = messageEvent({ text: '', ...fields });
    await r.sender.event(event, { teamId: team });
    await r.settle();
    await desk.alerts.idle();
    return String(event['ts']);
  }
  const dmsTo = (r: Running, user: string): PostedMessage[] => r.api.posted.filter((m) => m.channel === dmOf(user));

  it('watch → one DM with the card and a link to the share; not for other postings, unseen channels, edits or reposts', async () => {
    const { r, desk } = await start();
    const team = unique('T');
    const [here, there, elsewhere, secret] = [unique('C'), unique('C'), unique('C'), unique('G')];
    r.api.members.set(secret, [ALICE, 'U0CAROL01']);

    const said = await jd(r, team, BOB, here, WATCH);
    expect(said).toMatch(/Watching: senior or above, sponsorship yes or considered, New York or Plano, pay from \$200k a year/);
    expect(said).toMatch(/Watch #1 saved/);

    // A matching posting shared in another channel: one DM, with the card and the share's link.
    const ny = marked(SR_MANAGER_NY);
    const nyTs = await paste(r, desk, team, { channel: there, user: ALICE, text: slackEscape(ny) });
    const dms = dmsTo(r, BOB);
    expect(dms).toHaveLength(1);
    const dm = allText(dms[0]!);
    expect(dm).toMatch(/Sr\. Mgr, Machine Learning Engineering/);
    expect(dm).toMatch(/\$245\.9k–\$280\.6k/);
    expect(dm).toContain(`<https://acme.slack.com/archives/${there}/p${nyTs.replace('.', '')}|see the share>`);
    expect(dm).toContain(`<#${there}>`);
    expect(dm).toMatch(/watch #1 \(senior or above/);
    // The sharer hears nothing of their own share.
    expect(dmsTo(r, ALICE)).toHaveLength(0);

    // A posting the watch does not match (no sponsorship, under the floor): no DM.
    await paste(r, desk, team, { channel: there, user: ALICE, text: slackEscape(marked(SENIOR_MLE)) });
    expect(dmsTo(r, BOB)).toHaveLength(1);

    // A matching posting in a private channel Bob is not in: no DM…
    const plano = marked(LEAD_PLANO);
    await paste(r, desk, team, { channel: secret, channel_type: 'group', user: ALICE, text: slackEscape(plano) });
    expect(dmsTo(r, BOB)).toHaveLength(1);
    expect(r.api.callsTo('conversations.members').some((c) => c.params.channel === secret)).toBe(true);
    // …until it is shared where he can see it.
    await paste(r, desk, team, { channel: elsewhere, user: ALICE, text: slackEscape(plano) });
    expect(dmsTo(r, BOB)).toHaveLength(2);

    // The first posting edited, then reposted elsewhere: no second DM for it.
    await r.sender.event({
      type: 'message', subtype: 'message_changed', hidden: true, channel: there, channel_type: 'channel', ts: nextMessageTs(), event_ts: nextMessageTs(),
      message: { type: 'message', user: ALICE, text: slackEscape(ny.replace('$245,900', '$246,900')), ts: nyTs, edited: { user: ALICE, ts: nextMessageTs() } },
      previous_message: { type: 'message', user: ALICE, text: 'before', ts: nyTs },
    }, { teamId: team });
    await r.settle();
    await desk.alerts.idle();
    expect(r.api.updated.length).toBeGreaterThan(0);
    await paste(r, desk, team, { channel: elsewhere, user: 'U0CAROL01', text: slackEscape(ny) });
    expect(dmsTo(r, BOB)).toHaveLength(2);

    // Another workspace's share never reaches a watch set here.
    await paste(r, desk, unique('T'), { channel: unique('C'), user: ALICE, text: slackEscape(marked(SR_MANAGER_NY)) });
    expect(dmsTo(r, BOB)).toHaveLength(2);
  });

  it('/jd watch lists watches with ids, /jd unwatch stops one, ten at most, and a bad filter gets the right form', async () => {
    const { r } = await start();
    const team = unique('T');
    const channel = unique('C');
    expect(await jd(r, team, BOB, channel, 'watch')).toMatch(/no watches/);
    for (let i = 1; i <= 10; i++) expect(await jd(r, team, BOB, channel, `watch title:role${i}`)).toMatch(new RegExp(`Watch #${i} saved`));
    expect(await jd(r, team, BOB, channel, 'watch title:role11')).toMatch(/10 watches, the most/);
    expect(await jd(r, team, BOB, channel, 'watch title:role3')).toMatch(/already have that watch \(#3\)/);
    const list = await jd(r, team, BOB, channel, 'watch');
    expect(list).toMatch(/Your watches \(10 of 10\)/);
    expect(list).toMatch(/• #3 title with “role3” \(title:role3\)/);
    expect(await jd(r, team, BOB, channel, 'unwatch 3')).toMatch(/Stopped watch #3/);
    expect(await jd(r, team, BOB, channel, 'unwatch 3')).toMatch(/no watch #3/);
    expect(await jd(r, team, BOB, channel, 'watch title:role11')).toMatch(/Watch #11 saved/);
    // Someone else's list is their own.
    expect(await jd(r, team, ALICE, channel, 'watch')).toMatch(/no watches/);
    expect(await jd(r, team, BOB, channel, 'watch lvl:senior')).toMatch(/couldn't read that filter: “lvl” is not something I can watch.*The form is `level:senior\+/);
  });

  it('a weekly digest at its time: one Block Kit summary in the channel, grouped by level, within limits; never twice', async () => {
    let clock = new Date('2026-12-07T09:00:00Z');
    const { r, desk } = await start({ now: () => clock });
    const team = unique('T');
    const channel = unique('C');
    expect(await jd(r, team, ALICE, channel, 'digest weekly')).toMatch(/weekly digest.*first is due 2026-12-14 09:00 UTC/);
    clock = new Date('2026-12-08T10:00:00Z');
    for (const text of [SR_MANAGER_NY, LEAD_PLANO, SENIOR_MLE]) await paste(r, desk, team, { channel, user: ALICE, text: slackEscape(marked(text)) });
    // Another channel's share is not in this channel's digest.
    await paste(r, desk, team, { channel: unique('C'), user: ALICE, text: slackEscape(marked(SENIOR_MLE)) });

    expect(await desk.digests.runDue(new Date('2026-12-14T08:59:00Z'))).toBe(0);
    expect(await desk.digests.runDue(new Date('2026-12-14T09:00:30Z'))).toBe(1);
    expect(await desk.digests.runDue(new Date('2026-12-14T09:01:30Z'))).toBe(0);
    const digests = r.api.posted.filter((m) => m.channel === channel && m.threadTs === null);
    expect(digests).toHaveLength(1);
    const text = allText(digests[0]!);
    expect(text).toMatch(/Job postings digest: 3 shared here this week/);
    expect(text).toMatch(/3 postings: 1 senior manager, 1 lead, 1 senior/);
    const order = ['Senior manager', 'Lead', 'Senior'].map((level) => text.indexOf(`*${level}* (1)`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(text).toMatch(/• Sr\. Mgr, Machine Learning Engineering · Capital One · New York, NY · \$245\.9k–\$280\.6k · may sponsor · <https:\/\/acme\.slack\.com\/archives\//);
    // The next run is stored: a week on.
    expect((await desk.alerts.memory.digestOf('slack', channel))?.nextAt).toBe('2026-12-21T09:00:00.000Z');
    expect(await jd(r, team, ALICE, channel, 'digest off')).toMatch(/Digest stopped/);
    expect(await desk.digests.runDue(new Date('2026-12-30T09:00:00Z'))).toBe(0);
  });

  it.runIf(backend.name !== 'SQLite')('two processes on one store post one digest', async () => {
    let clock = new Date('2026-12-07T09:00:00Z');
    const api = await SlackApiStandIn.start();
    try {
      const first = await start({ now: () => clock, api });
      const second = await start({ now: () => clock, api });
      const team = unique('T');
      const channel = unique('C');
      await jd(first.r, team, ALICE, channel, 'digest daily');
      clock = new Date('2026-12-07T12:00:00Z');
      await paste(second.r, second.desk, team, { channel, user: ALICE, text: slackEscape(marked(LEAD_PLANO)) });
      const at = new Date('2026-12-08T09:00:05Z');
      const posted = await Promise.all([first.desk.digests.runDue(at), second.desk.digests.runDue(at), first.desk.digests.runDue(at)]);
      expect(posted.reduce((a, b) => a + b, 0)).toBe(1);
      expect(api.posted.filter((m) => m.channel === channel && m.threadTs === null)).toHaveLength(1);
    } finally {
      for (const r of running.splice(0)) await r.close();
      await api.close();
    }
  });
});
