import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkReader } from '../../../src/desk/index.js';
import { UserError } from '../../../src/errors.js';
import { analyzeText } from '../../../src/pipeline.js';
import type { Posting } from '../../../src/posting.js';
import { messageLimitErrors, type RecordedRequest } from '../../fakes/discord-rest.js';
import { snowflake } from '../../fakes/discord-world.js';
import { field, fixture, pingsAllowed, seed, startHarness, type Harness } from './harness.js';

const POSTING = fixture('short-posting.txt');
/** Discord's text box sends a slash-command option as one line: pasted newlines become spaces. */
const POSTING_AS_OPTION = POSTING.replace(/\s*\n\s*/g, ' ');
const EPHEMERAL = 1 << 6;

let h: Harness | undefined;
afterEach(async () => {
  if (h) expect(pingsAllowed(h.world.rest.requests)).toEqual([]);
  await h?.close();
  h = undefined;
});

const callback = (interactionId: string) => (r: RecordedRequest): boolean =>
  r.method === 'POST' && r.path.startsWith(`/interactions/${interactionId}/`) && r.path.endsWith('/callback');
const editOriginal = (token: string) => (r: RecordedRequest): boolean =>
  r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`);
const followUp = (token: string) => (r: RecordedRequest): boolean =>
  r.method === 'POST' && r.path.endsWith(`/${token}`);

function jd(options: Array<{ name: 'text' | 'url'; value: string }>): Record<string, unknown> {
  return { id: snowflake(), name: 'jd', type: 1, options: options.map((o) => ({ ...o, type: 3 })) };
}

/** A LinkReader standing in for src/links: it "reads" one known page. */
function fakeLinks(pages: Record<string, string>): LinkReader & { read: ReturnType<typeof vi.fn> } {
  return {
    canonicalize: (url: string) => url.replace(/[?#].*$/, ''),
    looksLikeJobLink: (url: string) => /\/jobs?\//.test(url),
    read: vi.fn(async (url: string): Promise<Posting> => {
      const page = pages[url.replace(/[?#].*$/, '')];
      if (!page) throw new UserError('not-found', 'That page was not found (404).');
      const posting = analyzeText(page).posting;
      if (!posting) throw new Error(`fixture page for ${url} is not a posting`);
      return { ...posting, source: { kind: 'link', url: url.replace(/[?#].*$/, ''), site: 'greenhouse' } };
    }),
  };
}

describe('Discord bot, /jd and "Summarize job posting"', () => {
  it('/jd text: defers within the deadline, then edits in the card', async () => {
    h = await startHarness();
    const { id, token } = h.world.interact(jd([{ name: 'text', value: POSTING_AS_OPTION }]));
    const deferred = await h.world.rest.waitFor(callback(id));
    expect(deferred.body?.['type']).toBe(5);
    const edit = await h.world.rest.waitFor(editOriginal(token));
    expect(messageLimitErrors(edit.body ?? {})).toEqual([]);
    expect(edit.body?.['embeds']).toHaveLength(1);
    expect(field(edit.body, /^Pay/)).toMatch(/\$152k\s*[–-]\s*\$184k/);
    expect(field(edit.body, /^Sponsorship/)).toMatch(/^no\b/i);
    // Deferred first, then the card.
    const order = h.world.rest.requests.map((r) => r);
    expect(order.indexOf(deferred)).toBeLessThan(order.indexOf(edit));
  });

  it('/jd url without a link reader: deferred, then a private notice to paste the text', async () => {
    h = await startHarness();
    const { id, token } = h.world.interact(jd([{ name: 'url', value: 'https://boards.greenhouse.io/northwind/jobs/4417' }]));
    expect((await h.world.rest.waitFor(callback(id))).body?.['type']).toBe(5);
    const note = await h.world.rest.waitFor(followUp(token));
    expect(Number(note.body?.['flags']) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(note.body?.['content'])).toMatch(/link/i);
    expect(h.world.rest.requests.some((r) => r.method === 'DELETE' && r.path.includes(`/${token}/messages/@original`))).toBe(true);
  });

  it('/jd url with a link reader: deferred, then the card of the page behind the link', async () => {
    const url = 'https://boards.greenhouse.io/northwind/jobs/4417';
    const links = fakeLinks({ [url]: POSTING });
    h = await startHarness({ links });
    const { id, token } = h.world.interact(jd([{ name: 'url', value: `${url}?gh_src=discord` }]));
    expect((await h.world.rest.waitFor(callback(id))).body?.['type']).toBe(5);
    const edit = await h.world.rest.waitFor(editOriginal(token));
    expect(links.read).toHaveBeenCalledWith(`${url}?gh_src=discord`);
    const embed = (edit.body?.['embeds'] as Array<Record<string, unknown>>)[0];
    expect(embed?.['title']).toMatch(/Senior Backend Engineer/);
    expect(embed?.['url']).toBe(url);
    expect(field(edit.body, /^Pay/)).toMatch(/\$152k/);
  });

  it('/jd url to a page the reader cannot read: a private explanation', async () => {
    h = await startHarness({ links: fakeLinks({}) });
    const { token } = h.world.interact(jd([{ name: 'url', value: 'https://jobs.lever.co/acme/jobs/123' }]));
    const note = await h.world.rest.waitFor(followUp(token));
    expect(Number(note.body?.['flags']) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(note.body?.['content'])).toMatch(/not found/i);
  });

  it('/jd with something that is not a web address in url: answered privately at once', async () => {
    h = await startHarness();
    const { id } = h.world.interact(jd([{ name: 'url', value: 'northwind careers page' }]));
    const reply = await h.world.rest.waitFor(callback(id));
    expect(reply.body?.['type']).toBe(4);
    const data = reply.body?.['data'] as Record<string, unknown>;
    expect(Number(data['flags']) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(data['content'])).toMatch(/https:\/\//);
  });

  it('/jd alone: private help, no "thinking…" in the channel', async () => {
    h = await startHarness();
    const { id } = h.world.interact(jd([]));
    const reply = await h.world.rest.waitFor(callback(id));
    expect(reply.body?.['type']).toBe(4);
    const data = reply.body?.['data'] as Record<string, unknown>;
    expect(Number(data['flags']) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(data['content'])).toMatch(/\/jd/);
    expect(String(data['content'])).not.toMatch(/:page_facing_up:/);
  });

  it('/jd text that is not a posting: a private explanation, not a public reply', async () => {
    h = await startHarness();
    const { token } = h.world.interact(jd([{ name: 'text', value: 'does anyone know if the Denver office has parking?' }]));
    const note = await h.world.rest.waitFor(followUp(token));
    expect(Number(note.body?.['flags']) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(note.body?.['content'])).toMatch(/job posting/i);
    expect(h.world.rest.requests.some(editOriginal(token))).toBe(false);
  });

  it('"Summarize job posting" on a message: deferred, then its card; 📄 on that message works after', async () => {
    h = await startHarness();
    const target = h.world.message(POSTING);
    h.world.rest.addMessage(target);
    const targetId = target['id'] as string;
    const { id, token } = h.world.interact({
      id: snowflake(),
      name: 'Summarize job posting',
      type: 3,
      target_id: targetId,
      resolved: { messages: { [targetId]: target } },
    });
    expect((await h.world.rest.waitFor(callback(id))).body?.['type']).toBe(5);
    const edit = await h.world.rest.waitFor(editOriginal(token));
    expect(field(edit.body, /^Pay/)).toMatch(/\$152k/);
    const store = h.store;
    const channelId = h.world.channelId;
    expect(await store.postingIdForMessage('discord', channelId, targetId)).toBeDefined();
    // The card posted through the interaction is remembered too, once Discord has answered the edit.
    const card = [...(h.world.rest.messages.get(channelId)?.values() ?? [])].find((m) => m['webhook_id']);
    await vi.waitFor(async () => expect(await store.postingIdForMessage('discord', channelId, String(card?.['id']))).toBeDefined());
  });

  it('"Summarize job posting" on a message.txt attachment reads the file', async () => {
    h = await startHarness();
    const text = seed('001-capital-one-sr-lead-plano.txt');
    const target = h.world.messageTxt(text);
    const targetId = target['id'] as string;
    const { token } = h.world.interact({ id: snowflake(), name: 'Summarize job posting', type: 3, target_id: targetId, resolved: { messages: { [targetId]: target } } });
    const edit = await h.world.rest.waitFor(editOriginal(token));
    const embed = (edit.body?.['embeds'] as Array<Record<string, unknown>>)[0];
    expect(String(embed?.['description'])).toMatch(/Plano, TX/);
    expect(field(edit.body, /^Pay/)).toMatch(/\$204\.9k\s*[–-]\s*\$233\.8k/);
  });

  it('"Summarize job posting" on chat: a private "not a posting"', async () => {
    h = await startHarness();
    const target = h.world.message('brb, grabbing coffee');
    const targetId = target['id'] as string;
    const { token } = h.world.interact({ id: snowflake(), name: 'Summarize job posting', type: 3, target_id: targetId, resolved: { messages: { [targetId]: target } } });
    const note = await h.world.rest.waitFor(followUp(token));
    expect(Number(note.body?.['flags']) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('an internal failure becomes a private apology, and the bot keeps working', async () => {
    h = await startHarness();
    vi.spyOn(h.desk, 'handleCommand').mockRejectedValueOnce(new Error('store exploded'));
    const first = h.world.interact(jd([{ name: 'text', value: POSTING }]));
    const apology = await h.world.rest.waitFor(followUp(first.token));
    expect(Number(apology.body?.['flags']) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(apology.body?.['content'])).not.toMatch(/exploded/);
    expect(h.log.lines.some((l) => l.level === 'error')).toBe(true);
    const second = h.world.interact(jd([{ name: 'text', value: POSTING }]));
    await h.world.rest.waitFor(editOriginal(second.token));
  });
});
