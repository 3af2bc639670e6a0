import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { KeyValue } from '../../../src/store/backend.js';
import { JobStore } from '../../../src/store/job-store.js';
import { messageLimitErrors, type JsonObject, type RecordedRequest } from '../../fakes/discord-rest.js';
import { PERM, snowflake } from '../../fakes/discord-world.js';
import { storeBackends, unique } from '../../fakes/stores.js';
import { fixture, pingsAllowed, seed, startHarness, type Harness } from './harness.js';

/**
 * Alerts and digests (issue 19) on the real discord.js client against the REST and gateway
 * stand-ins: a second member, a public and a private channel (permission overwrites), DMs
 * opened with POST /users/@me/channels; memory on a real SQLite file and a real Redis.
 */
const SR_MANAGER_NY = seed('000-builtin-capital-one-sr-manager.txt');
const LEAD_PLANO = seed('001-capital-one-sr-lead-plano.txt');
const SENIOR_MLE = seed('003-linkedin-capital-one-senior-mle.expected-clean.txt');
const SHORT = fixture('short-posting.txt');
const EPHEMERAL = 1 << 6;

const backends = await storeBackends();
afterAll(() => backends.close());

let h: Harness | undefined;
const opened: KeyValue[] = [];
afterEach(async () => {
  if (h) expect(pingsAllowed(h.world.rest.requests)).toEqual([]);
  await h?.close();
  h = undefined;
  await Promise.all(opened.splice(0).map((kv) => kv.close()));
});

const marked = (text: string): string => `${text}\n\nJob reference: ${unique('REF')}`;
const jd = (text: string): JsonObject => ({ id: snowflake(), name: 'jd', type: 1, options: [{ name: 'text', type: 3, value: text }] });
const followUp = (token: string) => (r: RecordedRequest): boolean => r.method === 'POST' && r.path.endsWith(`/${token}`);
const postsIn = (channel: string) => (r: RecordedRequest): boolean => r.method === 'POST' && r.path === `/channels/${channel}/messages`;

describe.each(backends.list)('Discord alerts and digests, memory on $name', (backend) => {
  async function start(now?: () => Date): Promise<Harness> {
    const kv = backend.open();
    opened.push(kv);
    h = await startHarness({ store: new JobStore(kv), memberOwnsGuild: false, ...(now ? { now } : {}) });
    return h;
  }

  /** Run `/jd <text>` as the world's member; resolves with the private answer. */
  async function command(harness: Harness, text: string, permissions?: bigint): Promise<string> {
    const { token } = harness.world.interact(jd(text), permissions);
    const note = await harness.world.rest.waitFor(followUp(token));
    expect(Number(note.body?.['flags']) & EPHEMERAL).toBe(EPHEMERAL);
    return String(note.body?.['content']);
  }

  function messageTxt(harness: Harness, channel: string, text: string): JsonObject[] {
    const id = snowflake();
    const bytes = Buffer.from(text, 'utf8');
    const url = harness.world.rest.serveAttachment(channel, id, 'message.txt', bytes, 'text/plain; charset=utf-8');
    return [{ id, filename: 'message.txt', size: bytes.length, url, proxy_url: url, content_type: 'text/plain; charset=utf-8' }];
  }

  /** A posting shared by `author` in `channel` (as message.txt when over Discord's 2,000); resolves once its card is posted and alerts are done. */
  async function share(harness: Harness, channel: string, author: JsonObject, text: string): Promise<JsonObject> {
    const { world } = harness;
    const message = text.length <= 2000
      ? world.message(text, { channel_id: channel, author })
      : world.message('', { channel_id: channel, author, attachments: messageTxt(harness, channel, text) });
    const before = world.rest.requests.filter(postsIn(channel)).length;
    world.post(message);
    await world.rest.waitFor((r) => postsIn(channel)(r) && world.rest.requests.filter(postsIn(channel)).length > before);
    await harness.desk.alerts.idle();
    return message;
  }

  const dmsTo = (harness: Harness, user: JsonObject): RecordedRequest[] => {
    const dm = harness.world.dmChannelOf(String(user['id']));
    return dm ? harness.world.rest.requests.filter(postsIn(dm)) : [];
  };

  it('watch → one DM with the card and a link to the share; not for other postings, unseen channels, edits or reposts', async () => {
    const harness = await start();
    const { world } = harness;
    const dana = world.member;
    const sam = world.addMember('sam');
    const leads = world.addChannel('leads');
    const secret = world.addChannel('secret', [sam]);
    const shared = world.addChannel('shared-secret', [sam, dana]);

    const said = await command(harness, 'watch level:senior+ sponsorship:yes,considered place:"New York",Plano pay:>=200k');
    expect(said).toMatch(/Watching: senior or above, sponsorship yes or considered, New York or Plano, pay from \$200k a year/);

    const ny = marked(SR_MANAGER_NY);
    const original = await share(harness, leads, sam, ny);
    const dms = dmsTo(harness, dana);
    expect(dms).toHaveLength(1);
    const body = dms[0]!.body ?? {};
    expect(messageLimitErrors(body)).toEqual([]);
    expect(String(body['content'])).toContain(`https://discord.com/channels/${world.guildId}/${leads}/${String(original['id'])}`);
    expect(String(body['content'])).toMatch(new RegExp(`shared by <@${String(sam['id'])}> in <#${leads}>`));
    expect(String((body['embeds'] as Array<{ title: string }>)[0]?.title)).toMatch(/Sr\. Mgr, Machine Learning Engineering/);
    expect(dmsTo(harness, sam)).toHaveLength(0);

    // Not matching (no sponsorship, under the floor): nothing.
    await share(harness, leads, sam, marked(SENIOR_MLE));
    // Matching, but in a channel Dana cannot view: nothing.
    const plano = marked(LEAD_PLANO);
    await share(harness, secret, sam, plano);
    expect(dmsTo(harness, dana)).toHaveLength(1);
    // The same posting in a private channel she is allowed in: her alert.
    await share(harness, shared, sam, plano);
    expect(dmsTo(harness, dana)).toHaveLength(2);

    // A posting short enough to be the message itself, edited (its card edited in place) and shared again: one DM.
    expect(await command(harness, 'watch place:Denver skill:kafka')).toMatch(/Watch #2 saved/);
    const short = await share(harness, leads, sam, SHORT);
    expect(dmsTo(harness, dana)).toHaveLength(3);
    const patched = world.rest.waitFor((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${leads}/messages/`));
    world.gateway.dispatch('MESSAGE_UPDATE', { ...short, content: SHORT.replace('$152,000', '$162,000'), edited_timestamp: new Date().toISOString() });
    await patched;
    await harness.desk.alerts.idle();
    await share(harness, world.channelId, sam, SHORT);
    await share(harness, world.channelId, sam, ny);
    expect(dmsTo(harness, dana)).toHaveLength(3);
  });

  it('/jd watch lists with ids and /jd unwatch stops one, privately', async () => {
    const harness = await start();
    expect(await command(harness, 'watch remote skill:python')).toMatch(/Watch #1 saved/);
    expect(await command(harness, 'watch level:staff+')).toMatch(/Watch #2 saved/);
    const list = await command(harness, 'watch');
    expect(list).toMatch(/Your watches \(2 of 10\)/);
    expect(list).toMatch(/#1 remote, skill python/);
    expect(await command(harness, 'unwatch 1')).toMatch(/Stopped watch #1/);
    expect(await command(harness, 'watch pay:lots')).toMatch(/“lots” is not a pay floor.*The form is/);
  });

  it("only a member who may manage the channel turns its digest on or off; others get a private notice and change nothing", async () => {
    const harness = await start();
    const { world } = harness;
    const refused = /Only someone who can manage this channel .* can turn its digest on or off/;
    expect(await command(harness, 'digest weekly')).toMatch(refused);
    expect(await harness.store.alerts.digestOf('discord', world.channelId)).toBeUndefined();
    expect(await command(harness, 'digest daily', PERM.ManageMessages)).toMatch(/daily digest/);
    expect(await command(harness, 'digest off')).toMatch(refused);
    expect((await harness.store.alerts.digestOf('discord', world.channelId))?.every).toBe('daily');
    // Anyone may ask what the channel gets.
    expect(await command(harness, 'digest')).toMatch(/This channel gets a daily digest/);
    expect(await command(harness, 'digest off', PERM.ManageChannels)).toBe('Digest stopped for this channel.');
    expect(await harness.store.alerts.digestOf('discord', world.channelId)).toBeUndefined();
    // Nothing of it was said in the channel.
    expect(world.rest.requests.filter(postsIn(world.channelId))).toEqual([]);
  });

  it('a weekly digest at its time: one embed in the channel, grouped by level, within limits; never twice', async () => {
    let clock = new Date('2026-12-07T09:00:00Z');
    const harness = await start(() => clock);
    const { world } = harness;
    expect(await command(harness, 'digest weekly', PERM.ManageChannels)).toMatch(/weekly digest.*2026-12-14 09:00 UTC/);
    clock = new Date('2026-12-09T15:00:00Z');
    for (const text of [SENIOR_MLE, LEAD_PLANO, SR_MANAGER_NY]) await share(harness, world.channelId, world.member, marked(text));
    const cardsBefore = world.rest.requests.filter(postsIn(world.channelId)).length;
    expect(await harness.desk.digests.runDue(new Date('2026-12-14T09:00:10Z'))).toBe(1);
    expect(await harness.desk.digests.runDue(new Date('2026-12-14T09:05:00Z'))).toBe(0);
    const posts = world.rest.requests.filter(postsIn(world.channelId)).slice(cardsBefore);
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body ?? {};
    expect(messageLimitErrors(body)).toEqual([]);
    expect(body['message_reference']).toBeUndefined();
    const embed = (body['embeds'] as Array<{ title: string; description: string; fields: Array<{ name: string; value: string }> }>)[0]!;
    expect(embed.title).toBe('Job postings digest: 3 shared here this week');
    expect(embed.fields.map((f) => f.name)).toEqual(['Senior manager (1)', 'Lead (1)', 'Senior (1)']);
    expect(embed.fields[1]!.value).toMatch(/^• Sr\. Lead Machine Learning Engineer · Capital One · Plano, TX · \$204\.9k–\$233\.8k · may sponsor · \[share\]\(https:\/\/discord\.com\/channels\//);
  });
});
