import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../../src/desk/index.js';
import type { KeyValue } from '../../../src/store/backend.js';
import { JobStore } from '../../../src/store/job-store.js';
import { messageEvent, nextMessageTs, slackEscape } from '../../fakes/slack-sign.js';
import { keysHolding, storeBackends, unique } from '../../fakes/stores.js';
import type { PostedMessage } from '../../fakes/slack-api.js';
import { allText, type LogLine, type Running, seed, startHttpApp } from './harness.js';

/**
 * Privacy and the life of a message, end to end: the real Bolt app over HTTP, its Web API on the
 * loopback stand-in, events shaped like bolt-python's scenario tests (message.im, message_changed
 * with a tombstone, message_deleted, bot_message, forwards), memory on a real SQLite file and a
 * real Redis (and Postgres with POSTGRES_URL).
 */
const POSTING = seed('003-linkedin-capital-one-senior-mle.expected-clean.txt').toString('utf8');
const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';

const backends = await storeBackends();
afterAll(() => backends.close());

let run: Running | undefined;
const opened: KeyValue[] = [];
afterEach(async () => {
  await run?.close();
  run = undefined;
  await Promise.all(opened.splice(0).map((kv) => kv.close()));
});

/** The posting with a reference no other test stored, so a shared Redis keeps tests apart. */
function posting(): { text: string; marker: string } {
  const marker = unique('REF');
  return { text: `${POSTING}\n\nJob reference: ${marker}`, marker };
}

describe.each(backends.list)('Slack, end to end, memory on $name', (backend) => {
  async function start(readBots: string[] = []): Promise<{ r: Running; kv: KeyValue; team: string }> {
    const kv = backend.open();
    opened.push(kv);
    const desk = new Desk({ store: new JobStore(kv) });
    run = await startHttpApp({ readBots }, { desk });
    return { r: run, kv, team: unique('T') };
  }

  /** Send a message event; resolves with the card posted under it (or null once the app settled with none). */
  async function paste(r: Running, team: string, fields: Record<string, unknown>, extShared = false): Promise<{ ts: string; card: PostedMessage | null }> {
    const event = messageEvent({ text: '', ...fields });
    await r.sender.event(event, { teamId: team, extShared });
    await r.settle();
    const ts = String(event['ts']);
    return { ts, card: r.api.posted.find((m) => m.threadTs === ts) ?? null };
  }
  const said = (card: PostedMessage | null): string => (card ? allText(card) : '');

  it('DM → public, private → public and workspace A → B never reveal the first share; the same channel and DM do', async () => {
    const { r, team } = await start();
    const pub = unique('C');
    const dmShare = posting();
    const dm = unique('D');
    const inDm = await paste(r, team, { channel: dm, channel_type: 'im', user: ALICE, text: slackEscape(dmShare.text) });
    // A DM paste gets its card there.
    expect(inDm.card?.channel).toBe(dm);
    const afterDm = await paste(r, team, { channel: pub, user: BOB, text: slackEscape(dmShare.text) });
    expect(said(afterDm.card)).toMatch(/Senior Machine Learning Engineer/);
    expect(said(afterDm.card)).not.toMatch(/shared before/i);
    expect(said((await paste(r, team, { channel: dm, channel_type: 'im', user: ALICE, text: slackEscape(dmShare.text) })).card)).toMatch(/shared before/i);

    const privShare = posting();
    const priv = unique('G');
    const team2 = unique('T');
    await paste(r, team2, { channel: priv, channel_type: 'group', user: ALICE, text: slackEscape(privShare.text) });
    expect(said((await paste(r, team2, { channel: unique('C'), user: BOB, text: slackEscape(privShare.text) })).card)).not.toMatch(/shared before/i);
    expect(said((await paste(r, team2, { channel: priv, channel_type: 'group', user: BOB, text: slackEscape(privShare.text) })).card)).toMatch(/shared before/i);

    const other = posting();
    const publicA = unique('C');
    await paste(r, unique('TA'), { channel: publicA, user: ALICE, text: slackEscape(other.text) });
    expect(said((await paste(r, unique('TB'), { channel: unique('C'), user: BOB, text: slackEscape(other.text) })).card)).not.toMatch(/shared before/i);
  });

  it('a deleted posting (message_deleted, or a tombstone when it had replies) loses its card and full text, and the store its text', async () => {
    const { r, kv, team } = await start();
    const channel = unique('C');
    for (const how of ['message_deleted', 'tombstone'] as const) {
      const { text, marker } = posting();
      const { ts, card } = await paste(r, team, { channel, user: ALICE, text: slackEscape(text) });
      if (!card) throw new Error('expected a card');
      // 📄 on the card: the full text in the thread.
      await r.sender.event({ type: 'reaction_added', user: BOB, reaction: 'page_facing_up', item: { type: 'message', channel, ts: card.ts }, item_user: 'UBOT0001', event_ts: nextMessageTs() }, { teamId: team });
      await r.settle();
      const full = r.api.posted.filter((m) => m.threadTs === ts && m.ts !== card.ts);
      expect(full.length).toBeGreaterThan(0);
      expect(await keysHolding(kv, marker)).not.toEqual([]);

      const deletion =
        how === 'message_deleted'
          ? { type: 'message', subtype: 'message_deleted', hidden: true, channel, channel_type: 'channel', ts: nextMessageTs(), deleted_ts: ts, event_ts: nextMessageTs(), previous_message: { type: 'message', user: ALICE, text: 'x', ts } }
          : {
              type: 'message', subtype: 'message_changed', hidden: true, channel, channel_type: 'channel', ts: nextMessageTs(), event_ts: nextMessageTs(),
              message: { type: 'message', subtype: 'tombstone', hidden: true, text: 'This message was deleted.', user: 'USLACKBOT', ts, thread_ts: ts, reply_count: 2 },
              previous_message: { type: 'message', user: ALICE, text: 'x', ts, thread_ts: ts },
            };
      await r.sender.event(deletion, { teamId: team });
      await r.settle();
      const live = r.api.live().map((m) => m.ts);
      expect(live).not.toContain(card.ts);
      for (const m of full) expect(live).not.toContain(m.ts);
      expect(await keysHolding(kv, marker)).toEqual([]);

      // A reaction on the removed card gets nothing.
      const before = r.api.posted.length;
      await r.sender.event({ type: 'reaction_added', user: 'U0CAROL01', reaction: 'page_facing_up', item: { type: 'message', channel, ts: card.ts }, item_user: 'UBOT0001', event_ts: nextMessageTs() }, { teamId: team });
      await r.settle();
      expect(r.api.posted.length).toBe(before);
    }
  });

  it('/jd forget by the sharer deletes the card and the store’s text; someone else’s /jd forget removes nothing', async () => {
    const { r, kv, team } = await start();
    const channel = unique('C');
    const { text, marker } = posting();
    const { card } = await paste(r, team, { channel, user: ALICE, text: slackEscape(text) });
    if (!card) throw new Error('expected a card');
    const jd = async (user: string, id: string): Promise<string> => {
      await r.sender.command({
        token: 'legacy', team_id: team, team_domain: 'x', channel_id: channel, channel_name: 'jobs', user_id: user, user_name: 'u',
        command: '/jd', text: 'forget', api_app_id: 'A0APP0001', response_url: r.api.responseUrl(id), trigger_id: '1.2.3',
      });
      const answer = await r.api.waitFor(() => r.api.responses.find((x) => x.id === id));
      await r.settle();
      return String(answer.body.text);
    };
    expect(await jd(BOB, 'bob')).toMatch(/not shared a posting/);
    expect(r.api.live().map((m) => m.ts)).toContain(card.ts);
    expect(await jd(ALICE, 'alice')).toMatch(/Forgotten/);
    expect(r.api.live().map((m) => m.ts)).not.toContain(card.ts);
    expect(await keysHolding(kv, marker)).toEqual([]);
  });

  it('edits: chat edited into a posting gets a card; an edited posting’s card is updated in place; edited into chat, it goes', async () => {
    const { r, team } = await start();
    const channel = unique('C');
    const { text } = posting();
    const { ts } = await paste(r, team, { channel, user: ALICE, text: 'one sec, pasting the job' });
    expect(r.api.posted).toHaveLength(0);
    const edit = (newText: string): Record<string, unknown> => ({
      type: 'message', subtype: 'message_changed', hidden: true, channel, channel_type: 'channel', ts: nextMessageTs(), event_ts: nextMessageTs(),
      message: { type: 'message', user: ALICE, text: newText, ts, edited: { user: ALICE, ts: nextMessageTs() } },
      previous_message: { type: 'message', user: ALICE, text: 'before', ts },
    });
    await r.sender.event(edit(slackEscape(text)), { teamId: team });
    await r.settle();
    const cards = r.api.posted.filter((m) => m.threadTs === ts);
    expect(cards).toHaveLength(1);
    expect(allText(cards[0]!)).toMatch(/\$158\.6k–\$181k/);

    const corrected = text.replace('$158,600 - $181,000', '$168,600 - $191,000').replace('158,600', '168,600');
    await r.sender.event(edit(slackEscape(corrected)), { teamId: team });
    await r.settle();
    // The same card, edited: no second card.
    expect(r.api.posted.filter((m) => m.threadTs === ts)).toHaveLength(1);
    expect(r.api.updated.map((u) => u.ts)).toEqual([cards[0]!.ts]);

    await r.sender.event(edit('never mind, wrong channel'), { teamId: team });
    await r.settle();
    expect(r.api.live().filter((m) => m.threadTs === ts)).toEqual([]);
  });

  it('reads a forwarded posting as the forwarder’s paste', async () => {
    const { r, team } = await start();
    const { text } = posting();
    const source = unique('C');
    const { card } = await paste(r, team, {
      channel: unique('C'),
      user: BOB,
      text: '',
      attachments: [{ ts: '1700000000.000100', channel_id: source, channel_name: 'jobs', is_msg_unfurl: true, is_share: true, author_id: ALICE, author_subname: 'alice', text: slackEscape(text), fallback: '[no preview]', mrkdwn_in: ['text'], footer: 'Posted in #jobs' }],
    });
    expect(said(card)).toMatch(/Senior Machine Learning Engineer/);
    expect(said(card)).toContain(`<@${BOB}>`);
  });

  it('an allowlisted bot’s posting gets a card; another bot’s gets silence, logged at debug with the reason', async () => {
    const { r, team } = await start(['B0FEED001']);
    const { text } = posting();
    const channel = unique('C');
    const feed = await paste(r, team, { channel, subtype: 'bot_message', user: undefined, bot_id: 'B0FEED001', username: 'Job feed', text: slackEscape(text) });
    expect(said(feed.card)).toMatch(/Senior Machine Learning Engineer/);
    const other = await paste(r, team, { channel, subtype: 'bot_message', user: undefined, bot_id: 'B0OTHER01', username: 'Spam', text: slackEscape(posting().text) });
    expect(other.card).toBeNull();
    const app = await paste(r, team, { channel, user: 'U0APPBOT1', bot_id: 'B0APPBOT1', app_id: 'A0OTHER01', bot_profile: { id: 'B0APPBOT1', app_id: 'A0OTHER01', name: 'other' }, text: slackEscape(posting().text) });
    expect(app.card).toBeNull();
    const ignored = r.logs.filter((l: LogLine) => l.level === 'debug' && l.msg === 'ignored event').map((l) => (l.obj as { reason: string }).reason);
    expect(ignored).toContain('bot B0OTHER01 not on JOBCARD_READ_BOTS');
    expect(ignored).toContain('bot B0APPBOT1 not on JOBCARD_READ_BOTS');
  });

  it('a Slack Connect channel’s /jd recent lists both workspaces’ shares', async () => {
    const { r } = await start();
    const channel = unique('C');
    r.api.channelInfo.set(channel, { is_channel: true, is_private: false, is_ext_shared: true, is_shared: true });
    const [teamA, teamB] = [unique('TA'), unique('TB')];
    await paste(r, teamA, { channel, user: ALICE, text: slackEscape(posting().text) }, true);
    // Workspace B's member shares another job in the same channel (its events carry B's team id).
    const otherJob = `${seed('001-capital-one-sr-lead-plano.txt').toString('utf8')}\n\nJob reference: ${unique('REF')}`;
    await paste(r, teamB, { channel, user: BOB, text: slackEscape(otherJob) }, true);
    for (const [team, user, id] of [[teamA, ALICE, 'a'], [teamB, BOB, 'b']] as const) {
      await r.sender.command({
        token: 'legacy', team_id: team, team_domain: 'x', channel_id: channel, channel_name: 'shared-jobs', user_id: user, user_name: 'u',
        command: '/jd', text: 'recent', api_app_id: 'A0APP0001', response_url: r.api.responseUrl(`recent-${id}`), trigger_id: '1.2.3',
      });
      const answer = await r.api.waitFor(() => r.api.responses.find((x) => x.id === `recent-${id}`));
      expect(String(answer.body.text).split('\n').filter((l) => l.startsWith('•'))).toHaveLength(2);
    }
  });
});
