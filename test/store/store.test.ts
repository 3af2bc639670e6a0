import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Keyv from 'keyv';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../src/desk/index.js';
import { extractPosting } from '../../src/extract/index.js';
import { analyzeText } from '../../src/pipeline.js';
import type { Posting } from '../../src/posting.js';
import { MapBackend, type KeyValue } from '../../src/store/backend.js';
import { JobStore } from '../../src/store/job-store.js';
import type { Share, TeamEntry } from '../../src/store/types.js';
import { KeyvBackend } from '../../src/store/keyv-backend.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/store/${name}`, import.meta.url), 'utf8');
const BASE = fixture('base-posting.txt');
const OTHER_JOB = fixture('other-job-same-company.txt');
const posting = (text: string): Posting => extractPosting(text);
const place = { platform: 'slack' as const, team: 'T1', channel: 'C1' };

const tmp = mkdtempSync(join(tmpdir(), 'jobcard-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Backend {
  name: string;
  open: () => KeyValue;
}
let counter = 0;
const backends: Backend[] = [
  { name: 'SQLite file', open: () => KeyvBackend.open(`sqlite://${join(tmp, `store-${process.pid}.sqlite`)}`) },
];
if (process.env.REDIS_URL) backends.push({ name: 'Redis', open: () => KeyvBackend.open(process.env.REDIS_URL as string) });
if (process.env.POSTGRES_URL) backends.push({ name: 'Postgres', open: () => KeyvBackend.open(process.env.POSTGRES_URL as string) });

const opened: KeyValue[] = [];
function open(b: Backend): KeyValue {
  const kv = b.open();
  opened.push(kv);
  return kv;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((kv) => kv.close()));
});

/** A fresh namespace per test, so tests on one shared server don't see each other. */
function unique(s: string): string {
  counter += 1;
  return `${s}-${process.pid}-${Date.now()}-${counter}`;
}

describe.each(backends)('store on $name', (backend) => {
  it('keeps postings, shares and message refs across a restart, so reactions on old cards still work', async () => {
    const channel = unique('C');
    const desk = new Desk({ store: new JobStore(open(backend)) });
    const reply = await desk.handleMessage({ ...place, channel, messageId: '1.1', user: 'U1', text: BASE });
    if (reply?.kind !== 'card') throw new Error('expected a card');
    await desk.rememberReply({ ...place, channel }, '1.2', reply.postingId);
    await opened.pop()?.close();

    const reopened = new Desk({ store: new JobStore(open(backend)) });
    const full = await reopened.handleReaction({ ...place, channel, messageId: '1.2', user: 'U2', emoji: 'page_facing_up' });
    expect(full?.kind).toBe('full');
    const again = await reopened.handleMessage({ ...place, channel, messageId: '2.1', user: 'U3', text: BASE });
    if (again?.kind !== 'card') throw new Error('expected a card');
    expect(again.card.sharedBefore?.by.id).toBe('U1');
  });

  it('claims an event once, even for two stores racing on one backend', async () => {
    const a = new JobStore(open(backend));
    const b = new JobStore(open(backend));
    const id = unique('Ev');
    const results = await Promise.all([a.claimEvent(id), b.claimEvent(id), a.claimEvent(id), b.claimEvent(id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('loses no update when one process records many shares of a posting at once', async () => {
    const store = new JobStore(open(backend));
    const p = posting(BASE.replaceAll('Northwind', unique('Northwind')));
    const postingId = unique('p');
    const team = unique('T');
    const share = (i: number): Share => ({ postingId, platform: 'slack', team, channel: `C${i % 2}`, messageId: `m${i}`, user: `U${i}`, userName: null, at: new Date(1_700_000_000_000 + i).toISOString(), link: null });
    const entry = (i: number): TeamEntry => ({ postingId, title: p.title, company: p.company, level: null, pay: null, sponsorship: 'unstated', terms: 'data engineer', channel: `C${i % 2}`, user: `U${i}`, userName: null, at: share(i).at, link: null });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => [
        store.recordShare({ posting: p, isNew: i === 0, share: share(i), entry: entry(i), team }),
        store.linkMessage('slack', `C${i % 2}`, `${postingId}-card${i}`, postingId),
      ]).flat(),
    );
    expect((await store.firstShare(postingId))?.user).toBe('U0');
    expect(await store.recent({ platform: 'slack', team, channel: 'C0', user: 'U0', kind: 'private' }, 10)).toHaveLength(1);
    expect((await store.findDuplicate(p))).toBe(postingId);
    for (let i = 0; i < 8; i++) expect(await store.postingIdForMessage('slack', `C${i % 2}`, `m${i}`)).toBe(postingId);

    expect(await store.forget(postingId)).toBe(true);
    for (let i = 0; i < 8; i++) {
      expect(await store.postingIdForMessage('slack', `C${i % 2}`, `m${i}`)).toBeUndefined();
      expect(await store.postingIdForMessage('slack', `C${i % 2}`, `${postingId}-card${i}`)).toBeUndefined();
    }
    expect(await store.recent({ platform: 'slack', team, channel: 'C0', user: 'U0', kind: 'private' }, 10)).toHaveLength(0);
    expect((await store.findDuplicate(p))).not.toBe(postingId);
  });

  it('writes a batch of keys at once, with expiry, keeping strings that start with a colon', async () => {
    const kv = open(backend);
    const k = unique('batch');
    const values = { text: ':rocket: We are hiring', nested: { list: [':a', 'b:', '::c'], n: 1.5, none: null }, plain: 'Senior Engineer' };
    await kv.setMany([
      { key: `${k}:a`, value: values },
      { key: `${k}:b`, value: ':colon first' },
      { key: `${k}:short`, value: 'gone soon', ttlMs: 150 },
      { key: `${k}:a`, value: { ...values, plain: 'last write wins' } },
    ]);
    expect(await kv.getMany([`${k}:a`, `${k}:b`, `${k}:short`, `${k}:missing`])).toEqual([{ ...values, plain: 'last write wins' }, ':colon first', 'gone soon', undefined]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await kv.get(`${k}:short`)).toBeUndefined();
  });

  it('keeps records under very long keys (a long canonical link) apart from their neighbours', async () => {
    const kv = open(backend);
    const url = `https://jobs.example.com/${unique('careers')}/${'job-search-results/'.repeat(100)}`;
    const [a, b] = [`link:${url}a`, `link:${url}b`];
    await kv.set(a, 'first');
    await kv.setMany([{ key: b, value: 'second' }]);
    expect(await kv.getMany([a, b])).toEqual(['first', 'second']);
    expect(await kv.claim(`event:${url}`, 60_000)).toBe(true);
    expect(await kv.claim(`event:${url}`, 60_000)).toBe(false);
    await kv.delete(a);
    expect(await kv.getMany([a, b])).toEqual([undefined, 'second']);
  });

  it('lets an event claim expire after its time to live', async () => {
    const store = new JobStore(open(backend), { postingMs: 60_000, messageMs: 60_000, eventMs: 150 });
    const id = unique('Ev');
    expect(await store.claimEvent(id)).toBe(true);
    expect(await store.claimEvent(id)).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await store.claimEvent(id)).toBe(true);
  });

  it('recognises the same job reposted with edits, and not another job at the same company', async () => {
    const store = new JobStore(open(backend));
    const base = posting(BASE.replace('Northwind', unique('Northwind')));
    const id = unique('p');
    await store.remember(id, base);
    const company = base.text.match(/^Northwind-\S+/m)?.[0] ?? 'Northwind';
    const sameCompany = (t: string): string => t.replaceAll('Northwind', company);

    const changedSentence = base.text.replace('cut the nightly load time in half', 'make the nightly load finish before 5am');
    const lines = base.text.split('\n');
    const bullets = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.startsWith('• ')).map(({ i }) => i);
    const reordered = [...lines];
    [reordered[bullets[0] as number], reordered[bullets[2] as number]] = [lines[bullets[2] as number] as string, lines[bullets[0] as number] as string];
    const otherPlaces = base.text
      .replace('Denver, CO · Hybrid', 'Austin, TX; Chicago, IL · Hybrid')
      .replace('in Denver, CO is $145,000 - $175,000', 'in Austin, TX and Chicago, IL is $150,000 - $180,000');

    expect(await store.findDuplicate(posting(changedSentence))).toBe(id);
    expect(await store.findDuplicate(posting(reordered.join('\n')))).toBe(id);
    expect(await store.findDuplicate(posting(otherPlaces))).toBe(id);
    expect(await store.findDuplicate(posting(sameCompany(OTHER_JOB)))).toBeUndefined();
  });

  it('knows one job posted on two sites with other location lists (seeds 002, 003), and tells other roles at the company apart', async () => {
    const store = new JobStore(open(backend));
    const seeds = ['000-builtin-capital-one-sr-manager.txt', '001-capital-one-sr-lead-plano.txt', '002-jobboard-capital-one-senior-mle.txt', '003-linkedin-capital-one-senior-mle.txt']
      .map((f) => analyzeText(readFileSync(new URL(`../../fixtures/seeds/${f}`, import.meta.url), 'utf8')).posting as Posting);
    // A company name of this run only, so postings stored by earlier runs on a shared server never match.
    const company = unique('Capital');
    const [srManager, srLead, jobBoard, linkedIn] = seeds.map((p) => ({ ...p, company, text: p.text.replaceAll('Capital One', company) })) as [Posting, Posting, Posting, Posting];
    const id = unique('mle');
    await store.remember(id, jobBoard);
    expect(await store.findDuplicate(linkedIn)).toBe(id);
    expect(await store.findDuplicate(srLead)).toBeUndefined();
    expect(await store.findDuplicate(srManager)).toBeUndefined();
  });

  it('finds a posting again by its canonical link', async () => {
    const store = new JobStore(open(backend));
    const url = `https://boards.greenhouse.io/${unique('acme')}/jobs/1`;
    await store.remember('linked', posting(BASE), url);
    expect(await store.findDuplicate(posting('Something else entirely, a short text.'), url)).toBe('linked');
  });

  it('skips a corrupt record and logs it, never crashing', async () => {
    const kv = open(backend);
    const warnings: string[] = [];
    const store = new JobStore(kv, undefined, { warn: (_o, m) => warnings.push(m) });
    const id = unique('corrupt');
    await kv.set(`posting:${id}`, { posting: { title: 42 }, signature: 'no' });
    await kv.set(`msg:slack:C1:${id}`, { not: 'a string' });
    expect(await store.getPosting(id)).toBeUndefined();
    expect(await store.postingIdForMessage('slack', 'C1', id)).toBeUndefined();
    expect(warnings).toHaveLength(2);
  });

  it('lists recent postings per channel, searches the team, and forgets on request', async () => {
    const team = unique('T');
    const store = new JobStore(open(backend));
    const desk = new Desk({ store });
    const ev = { ...place, team };
    await desk.handleMessage({ ...ev, messageId: '1', user: 'U1', text: BASE.replaceAll('Northwind', unique('Northwind')) });
    await desk.handleMessage({ ...ev, messageId: '2', user: 'U2', text: OTHER_JOB.replaceAll('Northwind', unique('Northwind')) });

    const recent = await desk.handleCommand({ ...ev, user: 'U1', text: 'recent' });
    if (recent.kind !== 'list') throw new Error(`expected a list, got ${recent.kind}`);
    expect(recent.items).toHaveLength(2);
    const search = await desk.handleCommand({ ...ev, user: 'U1', text: 'search designer' });
    if (search.kind !== 'list') throw new Error(`expected a list, got ${search.kind}`);
    expect(search.items).toHaveLength(1);
    expect(search.items[0]).toMatch(/Product Designer/);

    const refused = await desk.handleCommand({ ...ev, user: 'U1', text: `forget ${await firstPostingId(store, team, 'U2')}` });
    expect(refused.kind === 'notice' && refused.text).toMatch(/Only the person who shared/);
    const forgotten = await desk.handleCommand({ ...ev, user: 'U2', text: 'forget' });
    expect(forgotten.kind === 'notice' && forgotten.text).toMatch(/Forgotten/);
    const after = await desk.handleCommand({ ...ev, user: 'U1', text: 'recent' });
    expect(after.kind === 'list' && after.items).toHaveLength(1);
    expect(await desk.handleReaction({ ...ev, messageId: '2', user: 'U1', emoji: 'page_facing_up' })).toBeNull();
  });
});

async function firstPostingId(store: JobStore, team: string, user: string): Promise<string> {
  const entries = await store.recent({ platform: 'slack', team, channel: 'C1', user, kind: 'private' }, 10);
  return entries.find((e) => e.user === user)?.postingId ?? 'missing';
}

describe('store in memory', () => {
  it('lets exactly one of many simultaneous claims win', async () => {
    const kv = new MapBackend();
    const results = await Promise.all(Array.from({ length: 10 }, () => kv.claim('event:x', 1000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('expires entries after their time to live', async () => {
    let now = 1_000;
    const kv = new MapBackend(() => now);
    await kv.set('a', 1, 100);
    expect(await kv.get('a')).toBe(1);
    now += 101;
    expect(await kv.get('a')).toBeUndefined();
  });
});

describe('store file format', () => {
  it("reads records written by keyv's own serializer, and keyv reads ours", async () => {
    const file = join(tmp, `format-${process.pid}.sqlite`);
    const value = { text: ':tada: Staff Engineer', items: [':x', 'y'], n: 3 };
    const { default: KeyvSqlite } = await import('@keyv/sqlite');
    const plain = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), useKeyPrefix: false });
    plain.namespace = undefined;
    await plain.set('jobcard:theirs', value);
    const ours = KeyvBackend.open(`sqlite://${file}`);
    opened.push(ours);
    expect(await ours.get('theirs')).toEqual(value);
    await ours.setMany([{ key: 'ours', value }]);
    expect(await plain.get('jobcard:ours')).toEqual(value);
    await plain.disconnect();
  });
});

// A Redis server of our own, to kill in the middle of a test.
const redisBin = process.env.REDIS_SERVER_BIN ?? ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(redisBin as string, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = KeyvBackend.open(`redis://127.0.0.1:${port}`, { opTimeoutMs: 300 });
  for (let i = 0; i < 50; i++) {
    try {
      await probe.ping();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await probe.close();
  return child;
}

/** Wait until a store answers its health read (a new connection may take a moment). */
async function answering(kv: KeyValue): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await kv.ping();
      return;
    } catch (err) {
      if (i >= 100) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe.runIf(redisBin)('store on a Redis that goes away', () => {
  it('still answers with cards while Redis is down, then recovers by itself', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const logs: string[] = [];
    const log = { info: (_o: object, m: string) => logs.push(`info ${m}`), warn: (_o: object, m: string) => logs.push(`warn ${m}`), error: () => {} };
    const kv = KeyvBackend.open(`redis://127.0.0.1:${port}`, { opTimeoutMs: 500 });
    const desk = new Desk({ store: new JobStore(kv), log });
    try {
      // The outage is what this is about: on a busy machine the new connection's first read
      // could pass the 500 ms limit, and the share before the outage went unremembered.
      await answering(kv);
      expect((await desk.handleMessage({ ...place, messageId: '1', user: 'U1', text: BASE }))?.kind).toBe('card');
      expect(await desk.claimEvent('slack', 'E1')).toBe(true);
      expect(logs).toEqual([]);

      redis.kill('SIGKILL');
      await new Promise((r) => redis.once('exit', r));
      const during = await desk.handleMessage({ ...place, messageId: '2', user: 'U2', text: OTHER_JOB });
      expect(during?.kind).toBe('card');
      expect((await desk.handleMessage({ ...place, messageId: '3', user: 'U2', text: BASE }))?.kind).toBe('card');
      // Logged once for the outage (and once more for each different error), not once per operation.
      expect(logs.filter((l) => l === 'warn store unavailable; answering without memory')).toHaveLength(1);

      redis = await startRedis(port);
      let recovered = false;
      for (let i = 0; i < 40 && !recovered; i++) {
        await new Promise((r) => setTimeout(r, 250));
        recovered = (await desk.claimEvent('slack', `after-${i}`)) && logs.includes('info store reachable again');
      }
      expect(recovered).toBe(true);
      const after = await desk.handleMessage({ ...place, messageId: '4', user: 'U3', text: BASE });
      expect(after?.kind).toBe('card');
      const again = await desk.handleMessage({ ...place, messageId: '5', user: 'U4', text: BASE });
      if (again?.kind !== 'card') throw new Error('expected a card');
      expect(again.card.sharedBefore?.by.id).toBe('U3');
    } finally {
      await kv.close();
      redis.kill('SIGKILL');
    }
  });

  it('lets only one of two Desks on one Redis answer the same event', async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    const a = KeyvBackend.open(`redis://127.0.0.1:${port}`);
    const b = KeyvBackend.open(`redis://127.0.0.1:${port}`);
    try {
      // A Desk whose store fails answers rather than drops (both claims true): the race is
      // only a race once both stores answer, and a store error would be logged.
      await Promise.all([answering(a), answering(b)]);
      const trouble: string[] = [];
      const log = { info: () => {}, warn: (o: object, m: string) => trouble.push(`${m} ${JSON.stringify(o)}`), error: () => {} };
      const deskA = new Desk({ store: new JobStore(a), log });
      const deskB = new Desk({ store: new JobStore(b), log });
      const claims = await Promise.all([deskA.claimEvent('slack', 'Ev42'), deskB.claimEvent('slack', 'Ev42')]);
      expect(trouble).toEqual([]);
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
      redis.kill('SIGKILL');
    }
  });
});
