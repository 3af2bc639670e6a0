import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkReader } from '../../../src/desk/index.js';
import type { Posting } from '../../../src/posting.js';
import { analyzeText } from '../../../src/pipeline.js';
import { embedChars, messageLimitErrors } from '../../fakes/discord-rest.js';
import { PERM, snowflake } from '../../fakes/discord-world.js';
import { field, fixture, isMessagePost, pingsAllowed, seed, sleep, startHarness, type Harness } from './harness.js';

const POSTING = fixture('short-posting.txt');

let h: Harness | undefined;
afterEach(async () => {
  if (h) expect(pingsAllowed(h.world.rest.requests)).toEqual([]);
  await h?.close();
  h = undefined;
});

/** Wait until the Desk has answered every message dispatched so far. */
async function settled(spy: { mock: { results: Array<{ value: unknown }> } }, calls: number): Promise<void> {
  await vi.waitFor(() => expect(spy.mock.results.length).toBeGreaterThanOrEqual(calls), { timeout: 5000 });
  await Promise.all(spy.mock.results.map((r) => r.value));
  await sleep(150);
}

describe('Discord bot, messages', () => {
  it('answers a pasted posting with one embed card, within every limit, with its pay and sponsorship', async () => {
    h = await startHarness();
    const original = h.world.message(POSTING);
    h.world.post(original);
    const req = await h.world.rest.waitFor(isMessagePost(h.world.channelId));

    const body = req.body ?? {};
    const embeds = body['embeds'] as Array<Record<string, unknown>>;
    expect(embeds).toHaveLength(1);
    expect(messageLimitErrors(body)).toEqual([]);
    expect(embedChars(embeds[0] as object)).toBeLessThanOrEqual(6000);
    expect(body['message_reference']).toMatchObject({ message_id: original['id'] });
    expect(body['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    expect(embeds[0]?.['title']).toMatch(/Senior Backend Engineer/);
    // One place: the card names it once (place line), the pay field carries the band.
    expect(String(embeds[0]?.['description'])).toMatch(/Denver, CO/);
    expect(field(body, /^Pay/)).toMatch(/\$152k\s*[–-]\s*\$184k/);
    expect(field(body, /^Sponsorship/)).toMatch(/^no\b/i);
    expect(h.world.rest.calls().filter(isMessagePost())).toHaveLength(1);
  });

  it('adds the 📄 hint to its card and remembers the card for reactions', async () => {
    h = await startHarness();
    const original = h.world.message(POSTING);
    h.world.post(original);
    const hint = await h.world.rest.waitFor((r) => r.method === 'PUT' && r.path.includes('/reactions/📄/@me'));
    const cardId = /messages\/(\d+)\/reactions/.exec(hint.path)?.[1] as string;
    expect(cardId).not.toBe(original['id']);
    const both = await Promise.all([
      h.store.postingIdForMessage('discord', h.world.channelId, cardId),
      h.store.postingIdForMessage('discord', h.world.channelId, original['id'] as string),
    ]);
    expect(both[0]).toBeDefined();
    expect(both[0]).toBe(both[1]);
  });

  it('says nothing, and calls nothing, when a message is just chat (dismissed on the fast path, never claimed)', async () => {
    h = await startHarness();
    const chat = vi.spyOn(h.desk, 'isChat');
    const handle = vi.spyOn(h.desk, 'handleMessage');
    const claim = vi.spyOn(h.desk, 'claimEvent');
    h.world.post(h.world.message('anyone going to the Rust meetup on thursday? I can bring snacks'));
    h.world.post(h.world.message('lol same, standup ran long again'));
    await settled(chat, 2);
    expect(chat.mock.results.map((r) => r.value)).toEqual([true, true]);
    expect(handle).not.toHaveBeenCalled();
    expect(claim).not.toHaveBeenCalled();
    expect(h.world.rest.calls()).toEqual([]);
  });

  it('reads a long paste that Discord turned into message.txt and answers with its card', async () => {
    h = await startHarness();
    const text = seed('002-jobboard-capital-one-senior-mle.txt');
    h.world.post(h.world.messageTxt(text));
    const req = await h.world.rest.waitFor(isMessagePost(h.world.channelId));
    expect(messageLimitErrors(req.body ?? {})).toEqual([]);
    const embeds = req.body?.['embeds'] as Array<Record<string, unknown>>;
    expect(embeds[0]?.['title']).toMatch(/Senior Machine Learning Engineer/);
    const pay = field(req.body, /^Pay/) ?? '';
    expect(pay).toMatch(/McLean, VA/);
    expect(pay).toMatch(/\$158\.6k\s*[–-]\s*\$181k/);
    expect(pay).toMatch(/Richmond, VA/);
    expect(pay).toMatch(/\$144\.2k\s*[–-]\s*\$164\.6k/);
    expect(field(req.body, /^Sponsorship/)).toMatch(/^no\b/i);
  });

  it('leaves attachments that are not text alone', async () => {
    h = await startHarness();
    // The chat line after it is the marker that both were handled (messages are handled in order).
    const spy = vi.spyOn(h.desk, 'isChat');
    const id = snowflake();
    const url = h.world.rest.serveAttachment(h.world.channelId, id, 'resume.pdf', Buffer.from('%PDF-1.7 binary'), 'application/pdf');
    h.world.post(h.world.message('', { attachments: [{ id, filename: 'resume.pdf', size: 15, url, proxy_url: url, content_type: 'application/pdf' }] }));
    h.world.post(h.world.message('ok'));
    await settled(spy, 1);
    expect(h.world.rest.requests.some((r) => r.path.includes('resume.pdf'))).toBe(false);
    expect(h.world.rest.calls()).toEqual([]);
  });

  it('pings nobody when the posting carries @everyone, @here and user mentions', async () => {
    h = await startHarness();
    const text = `@everyone @here <@${h.world.member['id']}> this one is great, apply today\n\n${POSTING}`;
    h.world.post(h.world.message(text, { mention_everyone: true, mentions: [h.world.member] }));
    const req = await h.world.rest.waitFor(isMessagePost(h.world.channelId));
    expect(req.body?.['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    // The embed itself carries no live mass mention either.
    expect(JSON.stringify(req.body?.['embeds'])).not.toMatch(/@(everyone|here)/);
  });

  it("ignores its own messages and other bots'", async () => {
    h = await startHarness();
    const spy = vi.spyOn(h.desk, 'isChat');
    const handle = vi.spyOn(h.desk, 'handleMessage');
    h.world.post(h.world.message(POSTING, { author: h.world.botUser }));
    h.world.post(h.world.message(POSTING, { author: { id: snowflake(), username: 'jobsfeed', discriminator: '0', global_name: null, avatar: null, bot: true } }));
    h.world.post(h.world.message('see you at lunch'));
    await settled(spy, 1);
    // Only the person's chat line was looked at; neither bot's posting reached the Desk.
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe('see you at lunch');
    expect(handle).not.toHaveBeenCalled();
    expect(h.world.rest.calls()).toEqual([]);
  });

  it('posts the card as plain text where Embed Links is missing, and logs that once per channel', async () => {
    h = await startHarness({ deniedInChannel: PERM.EmbedLinks });
    h.world.post(h.world.message(POSTING));
    const first = await h.world.rest.waitFor(isMessagePost(h.world.channelId));
    expect(first.body?.['embeds'] ?? []).toEqual([]);
    const content = String(first.body?.['content'] ?? '');
    expect(content.length).toBeGreaterThan(0);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toMatch(/Senior Backend Engineer/);
    expect(content).toMatch(/\$152k\s*[–-]\s*\$184k/);

    h.world.post(h.world.message(POSTING));
    await vi.waitFor(() => expect(h?.world.rest.calls().filter(isMessagePost(h.world.channelId))).toHaveLength(2));
    const warnings = h.log.lines.filter((l) => l.level === 'warn' && /Embed Links/.test(l.msg));
    expect(warnings).toHaveLength(1);
  });

  it('stays silent where it may not send, and says so once in the log', async () => {
    h = await startHarness({ deniedInChannel: PERM.SendMessages });
    const spy = vi.spyOn(h.desk, 'handleMessage');
    h.world.post(h.world.message(POSTING));
    h.world.post(h.world.message(POSTING));
    await settled(spy, 2);
    expect(h.world.rest.calls()).toEqual([]);
    expect(h.log.lines.filter((l) => l.level === 'warn' && /Send Messages/.test(l.msg))).toHaveLength(1);
  });

  it('falls back to plain text when Discord refuses the embed with Missing Permissions', async () => {
    h = await startHarness();
    let refused = 0;
    h.world.rest.override('POST', /^\/channels\/\d+\/messages$/, (req) => {
      if (Array.isArray(req.body?.['embeds']) && (req.body['embeds'] as unknown[]).length > 0) {
        refused++;
        return { status: 403, json: { code: 50013, message: 'Missing Permissions' } };
      }
      return null;
    });
    h.world.post(h.world.message(POSTING));
    await vi.waitFor(() => expect(h?.world.rest.calls().filter(isMessagePost())).toHaveLength(2));
    const [, second] = h.world.rest.calls().filter(isMessagePost());
    expect(refused).toBe(1);
    expect(second?.body?.['content']).toMatch(/Senior Backend Engineer/);
  });

  it('answers a posting sent to it in a DM', async () => {
    h = await startHarness();
    h.world.post(h.world.directMessage(POSTING));
    const req = await h.world.rest.waitFor(isMessagePost(h.world.dmChannelId));
    expect(req.body?.['embeds']).toHaveLength(1);
    expect(field(req.body, /^Pay/)).toMatch(/\$152k/);
  });

  it('answers a bare job link with the card of the page, when a link reader is configured', async () => {
    const url = 'https://jobs.lever.co/northwind/8c1e6f0a-senior-backend-engineer';
    const links: LinkReader = {
      canonicalize: (u) => u,
      looksLikeJobLink: (u) => u.startsWith('https://jobs.lever.co/'),
      read: async (u) => ({ ...(analyzeText(POSTING).posting as Posting), source: { kind: 'link', url: u, site: 'lever' } }),
    };
    h = await startHarness({ links });
    h.world.post(h.world.message(`<${url}> this one looks good`));
    const req = await h.world.rest.waitFor(isMessagePost(h.world.channelId));
    const embed = (req.body?.['embeds'] as Array<Record<string, unknown>>)[0];
    expect(embed?.['url']).toBe(url);
    expect(field(req.body, /^Sponsorship/)).toMatch(/^no\b/i);
  });

  it('says who shared a posting first, with a link to that message, when it comes again', async () => {
    h = await startHarness();
    const first = h.world.message(POSTING);
    h.world.post(first);
    await h.world.rest.waitFor(isMessagePost(h.world.channelId));
    const someoneElse = { id: snowflake(), username: 'sam', discriminator: '0', global_name: 'Sam', avatar: null };
    h.world.post(h.world.message(POSTING, { author: someoneElse }));
    await vi.waitFor(() => expect(h?.world.rest.calls().filter(isMessagePost())).toHaveLength(2));
    const second = h.world.rest.calls().filter(isMessagePost())[1];
    const description = String((second?.body?.['embeds'] as Array<Record<string, unknown>>)[0]?.['description']);
    expect(description).toContain(`<@${String(h.world.member['id'])}>`);
    expect(description).toContain(`https://discord.com/channels/${h.world.guildId}/${h.world.channelId}/${String(first['id'])}`);
  });

  it('waits out a 429 from Discord and then posts the card', async () => {
    h = await startHarness();
    let limited = 0;
    h.world.rest.override('POST', /^\/channels\/\d+\/messages$/, () => {
      if (limited++ > 0) return null;
      return {
        status: 429,
        headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user', 'x-ratelimit-bucket': 'stand-in' },
        json: { message: 'You are being rate limited.', retry_after: 0.4, global: false },
      };
    });
    h.world.post(h.world.message(POSTING));
    await vi.waitFor(() => expect(h?.world.rest.calls().filter(isMessagePost())).toHaveLength(2), { timeout: 8000 });
    const [first, second] = h.world.rest.calls().filter(isMessagePost());
    expect(second?.body).toEqual(first?.body);
    expect(h.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
