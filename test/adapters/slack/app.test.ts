import { afterEach, describe, expect, it, vi } from 'vitest';
import { SlackStartError } from '../../../adapters/slack/errors.js';
import { Desk } from '../../../src/desk/index.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { SlackApiStandIn } from '../../fakes/slack-api.js';
import { messageEvent, slackEscape } from '../../fakes/slack-sign.js';
import { allText, fixture, type Running, seed, startHttpApp } from './harness.js';

const POSTING_003 = seed('003-linkedin-capital-one-senior-mle.expected-clean.txt').toString('utf8');
const CHANNEL = 'C0JOBS001';
const ALICE = 'U0ALICE01';

let run: Running | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

/** Calls other than the start-up token checks. */
function workCalls(r: Running): string[] {
  return r.api.calls.map((c) => c.method).filter((m) => m !== 'auth.test');
}

describe('Slack app over HTTP: requests', () => {
  it('answers url_verification with the challenge', async () => {
    run = await startHttpApp();
    const res = await run.sender.post(JSON.stringify({ token: 't', challenge: 'c4llenge-xyz', type: 'url_verification' }), 'application/json');
    expect(res.status).toBe(200);
    expect(res.text).toContain('c4llenge-xyz');
  });

  it('refuses a request signed with the wrong secret and one with a stale timestamp', async () => {
    run = await startHttpApp();
    const event = messageEvent({ text: slackEscape(POSTING_003) });
    const forged = await run.sender.event(event, { secret: 'not-the-signing-secret' });
    const stale = await run.sender.event(event, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    await run.settle();
    expect(workCalls(run)).toEqual([]);
  });

  it('refuses a correctly signed request dated more than 5 minutes ahead, and logs it', async () => {
    run = await startHttpApp();
    const event = messageEvent({ text: slackEscape(POSTING_003) });
    const now = Math.floor(Date.now() / 1000);
    const hourAhead = await run.sender.event(event, { timestamp: now + 60 * 60 });
    const sixMinutesAhead = await run.sender.event(event, { timestamp: now + 6 * 60 });
    expect(hourAhead.status).toBe(401);
    expect(sixMinutesAhead.status).toBe(401);
    await run.settle();
    expect(workCalls(run)).toEqual([]);
    expect(run.logs.filter((l) => /dated more than 5 minutes in the future/.test(l.msg))).toHaveLength(2);
  });

  it('still answers a correctly signed request whose clock runs a minute ahead', async () => {
    run = await startHttpApp();
    const res = await run.sender.event(messageEvent({ text: slackEscape(POSTING_003), channel: CHANNEL, user: ALICE }), { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(res.status).toBe(200);
    await run.settle();
    expect(run.api.calls.map((c) => c.method)).toContain('chat.postMessage');
  });

  it('serves GET /healthz', async () => {
    run = await startHttpApp();
    const res = await fetch(`${run.sender.appUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, started: true });
  });

  it('reports the health it is given on /healthz, 503 when not ok', async () => {
    run = await startHttpApp({ health: async () => ({ ok: false, store: 'unreachable' }) });
    const res = await fetch(`${run.sender.appUrl}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, store: 'unreachable' });
  });

  it('fails to start with a clear error when Slack rejects the bot token', async () => {
    const err = await startHttpApp({ botToken: 'xoxb-revoked' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SlackStartError);
    expect((err as SlackStartError).code).toBe('invalid_auth');
    expect((err as Error).message).toMatch(/SLACK_BOT_TOKEN.*invalid_auth/);
    expect((err as Error).message).not.toContain('xoxb-revoked');
  });
});

describe('Slack app over HTTP: pasted postings', () => {
  it('answers a pasted posting with the card in its thread: pay per location and sponsorship', async () => {
    run = await startHttpApp();
    const event = messageEvent({ text: slackEscape(POSTING_003) });
    const res = await run.sender.event(event);
    expect(res.status).toBe(200);
    const card = await run.api.waitFor(() => run!.api.posted[0]);
    expect(card.channel).toBe(CHANNEL);
    expect(card.threadTs).toBe(event.ts);
    expect(card.params.unfurl_links).toBe('false');
    expect(card.params.unfurl_media).toBe('false');
    expect(card.text.length).toBeGreaterThan(0);
    expect(card.blocks.length).toBeGreaterThan(0);
    const text = allText(card);
    expect(text).toMatch(/Senior Machine Learning Engineer/);
    expect(text).toMatch(/\$158\.6k–\$181k/);
    expect(text).toMatch(/Richmond, VA[^\n]*\$144\.2k–\$164\.6k/);
    expect(text).toMatch(/Sponsorship:\*? no\b/);
    expect(text).toMatch(/will not sponsor/i);
    expect(text).toContain(`<@${ALICE}>`);
    await run.settle();
    expect(run.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('says nothing to chat or to a question about jobs', async () => {
    run = await startHttpApp();
    const claim = vi.spyOn(run.desk, 'claimEvent');
    await run.sender.event(messageEvent({ text: 'anyone up for lunch at the ramen place on 5th? leaving at 12:15' }));
    await run.sender.event(messageEvent({ text: 'does anyone know if Capital One sponsors H1B for senior MLE roles? thinking of applying &lt;3' }));
    await run.sender.event(messageEvent({ text: 'deploy is done, <@U0BOB0001> can you check <https://grafana.example.com/d/abc|the dashboard>?' }));
    await run.settle();
    expect(workCalls(run)).toEqual([]);
    // Plain chat (the first) is dismissed on the fast path, before its event is claimed in the
    // store; a link, and a '<' that cleaning might read as markup, take the full path.
    expect(claim).toHaveBeenCalledTimes(2);
  });

  it('says nothing to a pasted résumé', async () => {
    run = await startHttpApp();
    await run.sender.event(messageEvent({ text: slackEscape(fixture('resume-data-scientist.txt')) }));
    await run.settle();
    expect(workCalls(run)).toEqual([]);
  });

  it('ignores its own messages, other bots, chat edited into chat and deletions of messages without a card', async () => {
    run = await startHttpApp();
    const text = slackEscape(POSTING_003);
    await run.sender.event(messageEvent({ text, user: 'UBOT0001', bot_id: 'BBOT0001' }));
    await run.sender.event(messageEvent({ text, subtype: 'bot_message', bot_id: 'B0OTHER01', user: undefined }));
    // An edit that leaves chat as chat, and the deletion of a message that never had a card.
    await run.sender.event({ type: 'message', subtype: 'message_changed', channel: CHANNEL, hidden: true, ts: '1700000001.000100', event_ts: '1700000001.000100', message: messageEvent({ text: 'lunch at 12:30 instead', edited: { user: ALICE, ts: '1700000001.000100' } }), previous_message: messageEvent({ text: 'lunch at 12' }) });
    await run.sender.event({ type: 'message', subtype: 'message_deleted', channel: CHANNEL, hidden: true, ts: '1700000001.000200', event_ts: '1700000001.000200', deleted_ts: '1700000000.000001' });
    await run.sender.event(messageEvent({ text, subtype: 'channel_join' }));
    await run.settle();
    expect(workCalls(run)).toEqual([]);
  });

  it('answers the same event delivered twice (a Slack retry) once', async () => {
    run = await startHttpApp();
    const event = messageEvent({ text: slackEscape(POSTING_003) });
    await run.sender.event(event, { eventId: 'Ev0DUPLICATE1' });
    await run.sender.event(event, { eventId: 'Ev0DUPLICATE1', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await run.settle();
    expect(run.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('neutralises <!channel>, <!here> and user mentions in a posting: nothing it posts pings', async () => {
    run = await startHttpApp();
    const event = messageEvent({ text: fixture('posting-with-channel-mention.txt') });
    await run.sender.event(event);
    const card = await run.api.waitFor(() => run!.api.posted[0]);
    // Then the full text, which carries the mention lines themselves.
    await run.sender.event({ type: 'reaction_added', user: 'U0CAROL01', reaction: 'page_facing_up', item: { type: 'message', channel: CHANNEL, ts: card.ts }, item_user: 'UBOT0001', event_ts: '1700000100.000001' });
    await run.api.waitFor(() => run!.api.posted.length >= 2);
    await run.settle();
    for (const msg of run.api.posted) {
      const raw = JSON.stringify(msg.params);
      expect(raw).not.toMatch(/<!(channel|here|everyone)/);
      expect(raw).not.toContain('<@U0BOSS001');
      expect(msg.params.link_names).toBeUndefined();
      const mentions = [...raw.matchAll(/<@([A-Z0-9]+)/g)].map((m) => m[1]);
      expect(mentions.every((id) => id === ALICE)).toBe(true);
    }
    expect(allText(run.api.posted[1]!)).toContain('@channel');
  });

  it('says who shared a posting first when it is shared again', async () => {
    run = await startHttpApp();
    await run.sender.event(messageEvent({ text: slackEscape(POSTING_003) }));
    await run.api.waitFor(() => run!.api.posted[0]);
    await run.sender.event(messageEvent({ channel: 'C0MLJOBS1', user: 'U0BOB0001', text: slackEscape(POSTING_003) }));
    const second = await run.api.waitFor(() => run!.api.posted[1]);
    const text = allText(second);
    expect(text).toMatch(/shared before by <@U0ALICE01> in <#C0JOBS001>/i);
    expect(text).toContain('https://acme.slack.com/archives/C0JOBS001/p');
  });

  it('reads a 200 KB paste and answers with one card within Slack limits', async () => {
    run = await startHttpApp();
    const rail = similarJobsRail(200 * 1024);
    const event = messageEvent({ text: slackEscape(`${POSTING_003}\n\n${rail}`) });
    expect(Buffer.byteLength(String(event.text))).toBeGreaterThan(200 * 1024);
    const res = await run.sender.event(event);
    expect(res.status).toBe(200);
    await run.settle();
    const posts = run.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(run.api.posted).toHaveLength(1);
    expect(allText(run.api.posted[0]!)).toMatch(/Machine Learning Engineer/);
  });
});

describe('Slack app over HTTP: files', () => {
  it('reads a long paste Slack turned into a text file and answers with the card', async () => {
    run = await startHttpApp();
    const file = run.api.addFile({ id: 'F0LONGPASTE', name: 'Pasted text.txt', mimetype: 'text/plain', filetype: 'text', mode: 'snippet', content: seed('003-linkedin-capital-one-senior-mle.txt') });
    const event = messageEvent({ subtype: 'file_share', text: 'found this one', files: [file], upload: true });
    await run.sender.event(event);
    const card = await run.api.waitFor(() => run!.api.posted[0]);
    expect(run.api.downloads).toHaveLength(1);
    expect(run.api.downloads[0]!.authorization).toBe(`Bearer ${run.api.botToken}`);
    expect(card.threadTs).toBe(event.ts);
    const text = allText(card);
    expect(text).toMatch(/Senior Machine Learning Engineer/);
    expect(text).toMatch(/\$144\.2k–\$164\.6k/);
  });

  it('looks a file stub up with files.info before downloading it', async () => {
    run = await startHttpApp();
    run.api.addFile({ id: 'F0STUB0001', name: 'posting.txt', mimetype: 'text/plain', filetype: 'text', content: POSTING_003 });
    const event = messageEvent({ subtype: 'file_share', text: '', files: [{ id: 'F0STUB0001', mode: 'hidden_by_limit', file_access: 'check_file_info' }] });
    await run.sender.event(event);
    await run.api.waitFor(() => run!.api.posted[0]);
    expect(run.api.callsTo('files.info').map((c) => c.params.file)).toEqual(['F0STUB0001']);
    expect(run.api.downloads).toHaveLength(1);
  });

  it('leaves images and other binary files unread', async () => {
    run = await startHttpApp();
    const image = run.api.addFile({ id: 'F0IMAGE001', name: 'screenshot.png', mimetype: 'image/png', filetype: 'png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    await run.sender.event(messageEvent({ subtype: 'file_share', text: 'look at this', files: [image] }));
    await run.settle();
    expect(run.api.downloads).toEqual([]);
    expect(workCalls(run)).toEqual([]);
  });
});

describe('Slack app over HTTP: /jd', () => {
  function jd(r: Running, text: string, id: string): Promise<{ status: number; text: string }> {
    return r.sender.command({
      token: 'legacy', team_id: 'T0TEAM01', team_domain: 'acme', channel_id: CHANNEL, channel_name: 'jobs',
      user_id: ALICE, user_name: 'alice', command: '/jd', text, api_app_id: 'A0APP0001',
      response_url: r.api.responseUrl(id), trigger_id: '13345224609.738474920.8088930838d88f008e0',
    });
  }

  it('posts the card in the channel, shared by the user', async () => {
    run = await startHttpApp();
    const res = await jd(run, slackEscape(POSTING_003), 'card');
    expect(res.status).toBe(200);
    const answer = await run.api.waitFor(() => run!.api.responses.find((r) => r.id === 'card'));
    expect(answer.body.response_type).toBe('in_channel');
    const text = allText({ text: String(answer.body.text), blocks: answer.body.blocks as unknown[] });
    expect(text).toMatch(/shared by <@U0ALICE01>/);
    expect(text).toMatch(/\$158\.6k–\$181k/);
  });

  it('learns the ts of its /jd card from Slack\'s echo, so a reaction on it brings the full posting', async () => {
    run = await startHttpApp();
    await jd(run, slackEscape(POSTING_003), 'echo');
    const answer = await run.api.waitFor(() => run!.api.responses.find((r) => r.id === 'echo'));
    const cardTs = '1700000500.000100';
    await run.sender.event({ type: 'message', subtype: 'bot_message', bot_id: 'BBOT0001', app_id: 'A0APP0001', channel: CHANNEL, text: answer.body.text, blocks: answer.body.blocks, ts: cardTs, event_ts: cardTs });
    await run.settle();
    await run.sender.event({ type: 'reaction_added', user: 'U0CAROL01', reaction: 'page_facing_up', item: { type: 'message', channel: CHANNEL, ts: cardTs }, item_user: 'UBOT0001', event_ts: '1700000500.000200' });
    await run.settle();
    expect(run.api.posted.length).toBeGreaterThanOrEqual(1);
    expect(run.api.posted.every((m) => m.threadTs === cardTs)).toBe(true);
    expect(allText(run.api.posted[0]!)).toMatch(/Full posting/);
  });

  it('answers /jd alone and /jd help with short help only the user sees', async () => {
    run = await startHttpApp();
    await jd(run, '', 'empty');
    await jd(run, 'help', 'help');
    await run.settle();
    for (const id of ['empty', 'help']) {
      const answer = run.api.responses.find((r) => r.id === id);
      expect(answer?.body.response_type).toBe('ephemeral');
      expect(String(answer?.body.text)).toMatch(/\/jd/);
    }
  });

  it('tells the user privately when the text is not a job posting', async () => {
    run = await startHttpApp();
    await jd(run, 'what do people think of the new office coffee machine?', 'chat');
    const answer = await run.api.waitFor(() => run!.api.responses.find((r) => r.id === 'chat'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(String(answer.body.text)).toMatch(/doesn.t look like a job posting/);
  });
});

describe('Slack app over HTTP: reactions', () => {
  it('posts the full posting in the thread when someone reacts :page_facing_up: to the card', async () => {
    run = await startHttpApp();
    const event = messageEvent({ text: slackEscape(POSTING_003) });
    await run.sender.event(event);
    const card = await run.api.waitFor(() => run!.api.posted[0]);
    await run.sender.event({ type: 'reaction_added', user: 'U0CAROL01', reaction: 'page_facing_up', item: { type: 'message', channel: CHANNEL, ts: card.ts }, item_user: 'UBOT0001', event_ts: '1700000200.000001' });
    await run.settle();
    const full = run.api.posted.slice(1);
    expect(full.length).toBeGreaterThanOrEqual(1);
    for (const msg of full) {
      expect(msg.threadTs).toBe(event.ts);
      expect(msg.blocks.length).toBeLessThanOrEqual(50);
      for (const block of msg.blocks) {
        const t = (block.text as { text?: string } | undefined)?.text ?? '';
        expect(t.length).toBeLessThanOrEqual(block.type === 'header' ? 150 : 3000);
      }
    }
    const text = full.map(allText).join('\n');
    expect(text).toMatch(/Full posting/);
    expect(text).toContain('Richmond, VA: $144,200 - $164,600');
    expect(text).toContain('will not sponsor a new applicant');
  });

  it('answers a reaction on the original posting in the same thread, and only once per thread', async () => {
    run = await startHttpApp();
    const event = messageEvent({ text: slackEscape(POSTING_003) });
    await run.sender.event(event);
    await run.api.waitFor(() => run!.api.posted[0]);
    const react = (user: string, ts: string) => run!.sender.event({ type: 'reaction_added', user, reaction: 'page_facing_up', item: { type: 'message', channel: CHANNEL, ts }, item_user: ALICE, event_ts: ts });
    await react('U0CAROL01', String(event.ts));
    await run.settle();
    const afterFirst = run.api.posted.length;
    expect(afterFirst).toBeGreaterThan(1);
    expect(run.api.posted.every((m) => m.threadTs === event.ts)).toBe(true);
    await react('U0DAVE001', String(event.ts));
    await run.settle();
    expect(run.api.posted.length).toBe(afterFirst);
  });

  it('finds the thread of a card it posted before a restart and answers there', async () => {
    const api = await SlackApiStandIn.start();
    const desk = new Desk({ store: new MemoryStore() });
    try {
      const first = await startHttpApp({}, { api, desk });
      const event = messageEvent({ text: slackEscape(POSTING_003) });
      api.knowMessage(String(event.ts));
      await first.sender.event(event);
      const card = await api.waitFor(() => api.posted[0]);
      await first.close();

      run = await startHttpApp({}, { api, desk });
      await run.sender.event({ type: 'reaction_added', user: 'U0CAROL01', reaction: 'page_facing_up', item: { type: 'message', channel: CHANNEL, ts: card.ts }, item_user: 'UBOT0001', event_ts: '1700000400.000001' });
      await run.settle();
      expect(api.callsTo('conversations.replies').map((c) => c.params.ts)).toEqual([card.ts]);
      const full = api.posted.slice(1);
      expect(full.length).toBeGreaterThanOrEqual(1);
      expect(full.every((m) => m.threadTs === event.ts)).toBe(true);
    } finally {
      await run?.close();
      run = undefined;
      await api.close();
    }
  });

  it('ignores other emoji', async () => {
    run = await startHttpApp();
    const event = messageEvent({ text: slackEscape(POSTING_003) });
    await run.sender.event(event);
    const card = await run.api.waitFor(() => run!.api.posted[0]);
    await run.sender.event({ type: 'reaction_added', user: 'U0CAROL01', reaction: 'tada', item: { type: 'message', channel: CHANNEL, ts: card.ts }, event_ts: '1700000300.000001' });
    await run.settle();
    expect(run.api.posted).toHaveLength(1);
  });
});

describe('Slack app over HTTP: Slack errors', () => {
  it('logs an internal error in the core and says nothing in the channel', async () => {
    class BrokenDesk extends Desk {
      override async handleMessage(): Promise<never> {
        throw new Error('core failed');
      }
    }
    run = await startHttpApp({}, { desk: new BrokenDesk({ store: new MemoryStore() }) });
    await run.sender.event(messageEvent({ text: slackEscape(POSTING_003) }));
    await run.settle();
    expect(workCalls(run)).toEqual([]);
    expect(run.logs.some((l) => l.level === 'error' && /handling a Slack message failed/.test(l.msg))).toBe(true);
    // Still serving afterwards.
    const res = await fetch(`${run.sender.appUrl}/healthz`);
    expect(res.status).toBe(200);
  });

  it('waits out a 429 on chat.postMessage and retries, even with client retries off', async () => {
    run = await startHttpApp();
    run.api.scriptOnce('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    await run.sender.event(messageEvent({ text: slackEscape(POSTING_003) }));
    await run.settle();
    const posts = run.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(run.api.posted).toHaveLength(1);
  });

  it('logs not_in_channel once per channel and keeps answering elsewhere', async () => {
    run = await startHttpApp();
    run.api.channelsWithoutApp.add('C0NOTIN01');
    const paste = slackEscape(POSTING_003);
    await run.sender.event(messageEvent({ channel: 'C0NOTIN01', text: paste }));
    await run.sender.event(messageEvent({ channel: 'C0NOTIN01', text: slackEscape(fixture('posting-with-channel-mention.txt')) }));
    await run.settle();
    await run.sender.event(messageEvent({ channel: 'C0OTHER01', text: paste }));
    await run.settle();
    expect(run.api.posted.map((m) => m.channel)).toEqual(['C0OTHER01']);
    const warnings = run.logs.filter((l) => (l.obj as { code?: string }).code === 'not_in_channel');
    expect(warnings).toHaveLength(1);
  });

  it('shrinks a card Slack refuses as msg_blocks_too_long and posts it', async () => {
    run = await startHttpApp();
    run.api.scriptOnce('chat.postMessage', { status: 200, body: { ok: false, error: 'msg_blocks_too_long' } });
    await run.sender.event(messageEvent({ text: slackEscape(POSTING_003) }));
    await run.settle();
    const [refused, accepted] = run.api.callsTo('chat.postMessage');
    expect(accepted).toBeDefined();
    const size = (c: typeof refused) => JSON.stringify(c!.params.blocks).length;
    expect(size(accepted)).toBeLessThan(size(refused));
    expect(run.api.posted).toHaveLength(1);
  });
});

describe('Slack app over HTTP: long full texts', () => {
  it('splits a full-text message Slack refuses as too long, keeping every part in order', async () => {
    run = await startHttpApp();
    const event = messageEvent({ text: slackEscape(POSTING_003) });
    await run.sender.event(event);
    const card = await run.api.waitFor(() => run!.api.posted[0]);
    run.api.scriptOnce('chat.postMessage', { status: 200, body: { ok: false, error: 'msg_blocks_too_long' } });
    await run.sender.event({ type: 'reaction_added', user: 'U0CAROL01', reaction: 'page_facing_up', item: { type: 'message', channel: CHANNEL, ts: card.ts }, event_ts: '1700000600.000001' });
    await run.settle();
    const refused = run.api.callsTo('chat.postMessage')[1]!;
    const full = run.api.posted.slice(1);
    expect(full.length).toBeGreaterThanOrEqual(2);
    const sections = (blocks: unknown) => (blocks as Array<{ type: string; text?: { text: string } }>).filter((b) => b.type === 'section').map((b) => b.text?.text);
    expect(full.flatMap((m) => sections(m.blocks))).toEqual(sections(refused.params.blocks));
    expect(full.every((m) => m.threadTs === event.ts)).toBe(true);
  });
});

/** A job board's "similar jobs" rail, as a Ctrl+A copy brings it along, to `bytes` long. */
function similarJobsRail(bytes: number): string {
  const titles = ['Data Engineer', 'Staff Software Engineer', 'Product Designer', 'ML Platform Engineer', 'Site Reliability Engineer', 'Analytics Manager'];
  const companies = ['Northwind', 'Contoso Bank', 'Fabrikam', 'Tailspin Toys', 'Wide World Importers', 'Adventure Works'];
  const cities = ['Austin, TX', 'Boston, MA', 'Chicago, IL', 'Seattle, WA', 'New York, NY', 'Remote'];
  const lines = ['More jobs', ''];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const block = [
      `${titles[i % titles.length]}`,
      `${companies[(i * 5) % companies.length]}`,
      `${cities[(i * 7) % cities.length]} (${i % 3 === 0 ? 'Remote' : 'On-site'})`,
      `${(i % 29) + 1} days ago · ${(i * 13) % 200} applicants`,
      i % 4 === 0 ? 'Promoted' : 'Easy Apply',
      '',
    ];
    lines.push(...block);
    size += block.join('\n').length + 1;
  }
  return lines.join('\n');
}
