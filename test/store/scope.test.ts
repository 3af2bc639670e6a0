import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../src/desk/index.js';
import type { ChannelKind, MessageEvent, Place } from '../../src/desk/index.js';
import type { KeyValue } from '../../src/store/backend.js';
import { JobStore } from '../../src/store/job-store.js';
import { keysHolding, storeBackends, unique } from '../fakes/stores.js';

/**
 * Memory scoped by who could see the original share, on every real backend: the Desk over a
 * JobStore on a SQLite file, Redis and (with POSTGRES_URL) Postgres.
 */
const BASE = readFileSync(new URL('../../fixtures/store/base-posting.txt', import.meta.url), 'utf8');
const OTHER_JOB = readFileSync(new URL('../../fixtures/store/other-job-same-company.txt', import.meta.url), 'utf8');

const backends = await storeBackends();
afterAll(() => backends.close());
const opened: KeyValue[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((kv) => kv.close()));
});

/** A posting text no other test (or earlier run on a shared server) stored. */
function posting(base = BASE): { text: string; marker: string } {
  const marker = unique('REF');
  return { text: `${base}\n\nJob reference: ${marker}`, marker };
}

describe.each(backends.list)('memory scoped by audience on $name', (backend) => {
  function setup(name?: string): { desk: Desk; store: JobStore; kv: KeyValue; team: string } {
    const kv = backend.open(name);
    opened.push(kv);
    const store = new JobStore(kv);
    return { desk: new Desk({ store }), store, kv, team: unique('T') };
  }
  const at = (team: string, channel: string, kind: ChannelKind, platform: Place['platform'] = 'slack'): Place => ({ platform, team, channel, kind });
  let seq = 0;
  const msg = (where: Place, user: string, text: string): MessageEvent => ({ ...where, messageId: `${Date.now()}.${++seq}`, user, text });

  async function sharedBefore(desk: Desk, ev: MessageEvent): Promise<string | undefined> {
    const reply = await desk.handleMessage(ev);
    if (reply?.kind !== 'card') throw new Error(`expected a card, got ${reply?.kind}`);
    return reply.card.sharedBefore?.by.id ?? undefined;
  }

  // Each case in its own workspace: the postings below are near-duplicates of one another, and
  // a public share in the same workspace would rightly be told.
  it('never reveals a DM share, a private channel share or another workspace’s share in a public channel', async () => {
    const { desk } = setup();
    const dm = posting();
    const t1 = unique('T');
    await sharedBefore(desk, msg(at(t1, unique('D'), 'dm'), 'UDANA', dm.text));
    expect(await sharedBefore(desk, msg(at(t1, unique('CPUB'), 'public'), 'UERIN', dm.text))).toBeUndefined();

    const priv = posting();
    const t2 = unique('T');
    const privChannel = at(t2, unique('GPRIV'), 'private');
    await sharedBefore(desk, msg(privChannel, 'UDANA', priv.text));
    expect(await sharedBefore(desk, msg(at(t2, unique('CPUB'), 'public'), 'UERIN', priv.text))).toBeUndefined();
    // The same private channel still says "shared before".
    expect(await sharedBefore(desk, msg(privChannel, 'UFRED', priv.text))).toBe('UDANA');

    const other = posting();
    await sharedBefore(desk, msg(at(unique('TOTHER'), unique('CPUB'), 'public'), 'UZED', other.text));
    expect(await sharedBefore(desk, msg(at(unique('T'), unique('CPUB'), 'public'), 'UERIN', other.text))).toBeUndefined();
  });

  it('tells a public share anywhere in its workspace, a DM share only to that person in that DM', async () => {
    const { desk, team } = setup();
    const pub = posting();
    await sharedBefore(desk, msg(at(team, unique('CPUB'), 'public'), 'UDANA', pub.text));
    expect(await sharedBefore(desk, msg(at(team, unique('CPUB'), 'public'), 'UERIN', pub.text))).toBe('UDANA');
    expect(await sharedBefore(desk, msg(at(team, unique('GPRIV'), 'private'), 'UERIN', pub.text))).toBe('UDANA');
    // Discord server B never hears of server A's public share.
    const server = posting();
    await sharedBefore(desk, msg(at(unique('G'), unique('C'), 'public', 'discord'), 'UDANA', server.text));
    expect(await sharedBefore(desk, msg(at(unique('G'), unique('C'), 'public', 'discord'), 'UERIN', server.text))).toBeUndefined();

    const dmText = posting();
    const t2 = unique('T');
    const dm = at(t2, unique('D'), 'dm');
    await sharedBefore(desk, msg(dm, 'UDANA', dmText.text));
    expect(await sharedBefore(desk, msg(dm, 'UDANA', dmText.text))).toBe('UDANA');
    expect(await sharedBefore(desk, msg(at(t2, unique('D'), 'dm'), 'UERIN', dmText.text))).toBeUndefined();
  });

  it('does not merge the pay bands of a share the asker may not see', async () => {
    const { desk, team } = setup();
    const dmShare = posting();
    // The same job, for other locations: a near-duplicate.
    const near = `${dmShare.text.replace('Denver, CO', 'Austin, TX')}`;
    const first = await desk.handleMessage(msg(at(team, unique('D'), 'dm'), 'UDANA', dmShare.text));
    if (first?.kind !== 'card') throw new Error('expected a card');
    const second = await desk.handleMessage(msg(at(team, unique('CPUB'), 'public'), 'UERIN', near));
    if (second?.kind !== 'card') throw new Error('expected a card');
    expect(second.card.sharedBefore ?? undefined).toBeUndefined();
    expect(JSON.stringify(second.card)).not.toContain('earlier share');
    expect(second.postingId).not.toBe(first.postingId);
  });

  it('answers /jd recent and /jd search only with shares visible from where they are asked', async () => {
    const { desk, team } = setup();
    const pub = at(team, unique('CPUB'), 'public');
    const priv = at(team, unique('GPRIV'), 'private');
    const dm = at(team, unique('D'), 'dm');
    await desk.handleMessage(msg(pub, 'UDANA', posting().text));
    await desk.handleMessage(msg(priv, 'UDANA', posting(OTHER_JOB).text));
    const search = async (where: Place, user: string, words: string): Promise<string[]> => {
      const reply = await desk.handleCommand({ ...where, user, text: `search ${words}` });
      return reply.kind === 'list' ? reply.items : [];
    };
    expect(await search(pub, 'UERIN', 'Northwind')).toHaveLength(1);
    // The private channel's posting is not found from the public channel, or a DM.
    const privateTitle = 'Analytics Engineer';
    expect((await search(pub, 'UERIN', 'Northwind')).join('\n')).not.toContain(privateTitle);
    expect((await search(dm, 'UDANA', 'Northwind')).join('\n')).not.toContain(privateTitle);
    expect((await search(priv, 'UDANA', 'Northwind')).length).toBe(2);
    const recent = await desk.handleCommand({ ...pub, user: 'UERIN', text: 'recent' });
    expect(recent.kind === 'list' ? recent.items : []).toHaveLength(1);
  });

  it('keeps a Slack Connect channel’s memory for the channel, whichever workspace shared', async () => {
    const { desk } = setup();
    const channel = unique('CSHARED');
    const sideA = at(unique('TA'), channel, 'connect');
    const sideB = at(unique('TB'), channel, 'connect');
    const shared = posting();
    await desk.handleMessage(msg(sideA, 'UDANA', shared.text));
    await desk.handleMessage(msg(sideB, 'UZED', posting(OTHER_JOB).text));
    for (const side of [sideA, sideB]) {
      const recent = await desk.handleCommand({ ...side, user: 'UANY', text: 'recent' });
      expect(recent.kind === 'list' ? recent.items : []).toHaveLength(2);
      const found = await desk.handleCommand({ ...side, user: 'UANY', text: 'search Northwind' });
      expect(found.kind === 'list' ? found.items : []).toHaveLength(2);
    }
    expect(await sharedBefore(desk, msg(sideB, 'UZED', shared.text))).toBe('UDANA');
    // Workspace A's public channels never hear of it.
    expect(await sharedBefore(desk, msg({ ...sideA, channel: unique('CPUB'), kind: 'public' }, 'UERIN', shared.text))).toBeUndefined();
  });

  it('deletes: the share, its card links and, once no share holds it, the text', async () => {
    const { desk, store, kv, team } = setup();
    const where = at(team, unique('CPUB'), 'public');
    const { text, marker } = posting();
    const original = msg(where, 'UDANA', text);
    const card = await desk.handleMessage(original);
    if (card?.kind !== 'card') throw new Error('expected a card');
    await desk.rememberReply(where, 'card-1', card.postingId, original.messageId);
    await desk.rememberFullText(where, 'card-1', [{ channel: where.channel, messageId: 'full-1' }], card.postingId);
    const again = msg(where, 'UERIN', text);
    await desk.handleMessage(again);

    expect(await desk.handleDelete({ ...where, messageId: original.messageId })).toEqual([
      { channel: where.channel, messageId: 'card-1', role: 'card' },
      { channel: where.channel, messageId: 'full-1', role: 'full' },
    ]);
    expect(await desk.handleReaction({ ...where, messageId: 'card-1', user: 'UX', emoji: 'page_facing_up' })).toBeNull();
    // Another share still holds the posting: it is told as shared before by the one left.
    expect(await sharedBefore(desk, msg(where, 'UFRED', text))).toBe('UERIN');
    expect((await store.shares(card.postingId)).map((s) => s.user)).toEqual(['UERIN', 'UFRED']);
    await desk.handleDelete({ ...where, messageId: again.messageId });
    const last = (await store.shares(card.postingId))[0];
    await desk.handleDelete({ ...where, messageId: last?.messageId ?? '' });
    expect(await keysHolding(kv, marker)).toEqual([]);
    expect(await store.getPosting(card.postingId)).toBeUndefined();
    const recent = await desk.handleCommand({ ...where, user: 'UDANA', text: 'recent' });
    expect(recent.kind).toBe('notice');
  });

  it('/jd forget removes the asker’s share and returns its card for deletion; not someone else’s', async () => {
    const { desk, kv, team } = setup();
    const where = at(team, unique('CPUB'), 'public');
    const { text, marker } = posting();
    const original = msg(where, 'UDANA', text);
    const card = await desk.handleMessage(original);
    if (card?.kind !== 'card') throw new Error('expected a card');
    await desk.rememberReply(where, 'card-9', card.postingId, original.messageId);
    const notYours = await desk.handleCommand({ ...where, user: 'UERIN', text: `forget ${card.postingId}` });
    expect(notYours).toMatchObject({ kind: 'notice', text: expect.stringMatching(/Only the person/) });
    const forgotten = await desk.handleCommand({ ...where, user: 'UDANA', text: 'forget' });
    expect(forgotten).toMatchObject({ kind: 'notice', remove: [{ channel: where.channel, messageId: 'card-9' }] });
    expect(await keysHolding(kv, marker)).toEqual([]);
  });

  it('edits: unchanged text changes nothing, a corrected posting updates its card, chat removes it', async () => {
    const { desk, team } = setup();
    const where = at(team, unique('CPUB'), 'public');
    const { text } = posting();
    const original = msg(where, 'UDANA', 'morning all');
    expect(await desk.handleEdit(original, { userEdit: true })).toEqual({ action: 'none', reason: 'not a posting' });
    const into = await desk.handleEdit({ ...original, text }, { userEdit: true });
    if (into.action !== 'post' || into.reply.kind !== 'card') throw new Error('expected a new card');
    await desk.rememberReply(where, 'card-e', into.reply.postingId, original.messageId);
    expect(await desk.handleEdit({ ...original, text }, { userEdit: false })).toMatchObject({ action: 'none' });
    expect(await desk.handleEdit({ ...original, text }, { userEdit: true })).toMatchObject({ action: 'none', reason: 'posting text unchanged' });
    const corrected = text.replace(/Denver, CO/g, 'Boulder, CO');
    const updated = await desk.handleEdit({ ...original, text: corrected }, { userEdit: true });
    expect(updated).toMatchObject({ action: 'update', messages: [{ messageId: 'card-e' }] });
    if (updated.action === 'update') await desk.rememberReply(where, 'card-e', updated.reply.postingId, original.messageId);
    expect(await desk.handleEdit({ ...original, text: 'never mind, wrong channel' }, { userEdit: true })).toEqual({
      action: 'remove',
      messages: [{ channel: where.channel, messageId: 'card-e', role: 'card' }],
    });
  });

  it('opens a store written before scopes: its shares are told only in their own channel', async () => {
    const file = unique('old');
    const { store, kv, team } = setup(file);
    const where = at(team, unique('CPUB'), 'public');
    const { text } = posting();
    // Write a share as this version does, then turn its records into the earlier format: no
    // audience, team, message id or text hash on the share and the team lines.
    const writer = new Desk({ store });
    const first = msg(where, 'UDANA', text);
    const card = await writer.handleMessage(first);
    if (card?.kind !== 'card') throw new Error('expected a card');
    const strip = (records: unknown): unknown =>
      (records as Array<Record<string, unknown>>).map(({ kind: _k, team, messageId, textHash: _h, ...rest }) =>
        // Shares always had their team and message id; team lines had neither.
        'terms' in rest ? rest : { ...rest, team, messageId });
    for (const key of [`shares:${card.postingId}`, `recent:slack:${team}:${where.channel}`, `index:slack:${team}:head`]) {
      const records = await kv.get(key);
      expect(records).toBeTruthy();
      await kv.set(key, strip(records));
    }
    expect(JSON.stringify(await kv.get(`shares:${card.postingId}`))).not.toContain('"kind"');
    await kv.close();
    opened.splice(opened.indexOf(kv), 1);

    // Reopened: the same channel still says "shared before"; another public channel is not told.
    const reopened = backend.open(file);
    opened.push(reopened);
    const desk = new Desk({ store: new JobStore(reopened) });
    const found = await desk.handleCommand({ ...at(team, unique('CPUB'), 'public'), user: 'UFRED', text: 'search Northwind' });
    expect(found.kind).toBe('notice');
    expect(await sharedBefore(desk, msg(at(team, unique('CPUB'), 'public'), 'UFRED', text))).toBeUndefined();
    expect(await sharedBefore(desk, msg(where, 'UERIN', text))).toBe('UDANA');
    // The old share can still be deleted.
    expect(await desk.handleDelete({ ...where, messageId: first.messageId })).toEqual([]);
  });

  it('forgets a workspace the app was removed from: its shares, lists and the postings only it held; other workspaces keep theirs', async () => {
    const { desk, store, kv, team } = setup();
    const other = unique('TKEEP');
    const onlyHere = posting();
    const both = posting(OTHER_JOB);
    const pub = at(team, unique('CPUB'), 'public');
    await desk.handleMessage(msg(pub, 'UDANA', onlyHere.text));
    await desk.handleMessage(msg(at(team, unique('GPRIV'), 'private'), 'UERIN', both.text));
    const elsewhere = at(other, unique('CPUB'), 'public');
    const kept = await desk.handleMessage(msg(elsewhere, 'UZED', both.text));
    if (kept?.kind !== 'card') throw new Error('expected a card');

    expect(await desk.forgetTeam('slack', team)).toBe(2);
    expect(await keysHolding(kv, onlyHere.marker)).toEqual([]);
    expect((await kv.keys('')).filter((k) => k.includes(team))).toEqual([]);
    // The other workspace's share holds the posting it shared, and its memory is whole.
    expect((await store.shares(kept.postingId)).map((s) => s.team)).toEqual([other]);
    const recent = await desk.handleCommand({ ...elsewhere, user: 'UZED', text: 'recent' });
    expect(recent.kind === 'list' ? recent.items : []).toHaveLength(1);
    expect((await desk.handleCommand({ ...pub, user: 'UDANA', text: 'recent' })).kind).toBe('notice');
  });

  it('purges shares, team lines and postings older than the retention', async () => {
    const { desk, store, kv, team } = setup();
    const where = at(team, unique('CPUB'), 'public');
    const old = posting();
    const young = posting(OTHER_JOB);
    let now = new Date('2026-01-01T00:00:00Z');
    const clocked = new Desk({ store, now: () => now });
    await clocked.handleMessage(msg(where, 'UDANA', old.text));
    now = new Date('2026-06-01T00:00:00Z');
    await clocked.handleMessage(msg(where, 'UDANA', young.text));
    expect(await store.purge(Date.parse('2026-03-01T00:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await keysHolding(kv, old.marker)).toEqual([]);
    expect(await keysHolding(kv, young.marker)).not.toEqual([]);
    const recent = await desk.handleCommand({ ...where, user: 'UDANA', text: 'recent' });
    expect(recent.kind === 'list' ? recent.items : []).toHaveLength(1);
  });
});
