import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPosting } from '../../src/extract/index.js';
import { MapBackend, type KeyValue } from '../../src/store/backend.js';
import { JobStore } from '../../src/store/job-store.js';
import { KeyvBackend } from '../../src/store/keyv-backend.js';
import type { Share, TeamEntry } from '../../src/store/types.js';

const POSTING = extractPosting(readFileSync(new URL('../../fixtures/store/base-posting.txt', import.meta.url), 'utf8'));
/** Someone asking in C1, where every share of these tests was made. */
const VIEWER = { platform: 'slack' as const, team: 'T1', channel: 'C1', user: 'U9', kind: 'public' as const };
const tmp = mkdtempSync(join(tmpdir(), 'jobcard-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Share `n` different postings in one team's channel, posting i titled "Role i" with term "termix". */
async function shareMany(store: JobStore, from: number, to: number, channel = 'C1'): Promise<void> {
  for (let i = from; i < to; i++) {
    const share: Share = { postingId: `p${i}`, platform: 'slack', team: 'T1', channel, messageId: `m${i}`, user: 'U1', userName: null, at: new Date(1_700_000_000_000 + i).toISOString(), link: null, kind: 'public' };
    const entry: TeamEntry = { postingId: `p${i}`, title: `Role ${i}`, company: 'Acme', level: null, pay: null, sponsorship: 'unstated', terms: `role term${i}x acme`, channel, user: 'U1', userName: null, at: share.at, link: null, kind: 'public', team: 'T1', messageId: share.messageId };
    await store.recordShare({ posting: POSTING, isNew: false, share, entry, team: 'T1' });
  }
}

/** Every record of the team's index, with its size. */
function indexRecords(map: MapBackend): Array<[string, unknown]> {
  return [...map.dump()].filter(([key]) => key.startsWith('index:slack:T1')).map(([key, value]) => [key, value]);
}

describe('the team search index', () => {
  it('rewrites at most one segment of 50 entries per share, however much the team shared', async () => {
    const map = new MapBackend();
    const store = new JobStore(map);
    await shareMany(store, 0, 230);
    const arrays = indexRecords(map).filter(([, v]) => Array.isArray(v) && typeof (v as unknown[])[0] === 'object');
    expect(Math.max(...arrays.map(([, v]) => (v as unknown[]).length))).toBeLessThanOrEqual(50);
    // The newest and the oldest are both found.
    expect((await store.search(VIEWER, 'term229x', 5)).map((e) => e.postingId)).toEqual(['p229']);
    expect((await store.search(VIEWER, 'term0x', 5)).map((e) => e.postingId)).toEqual(['p0']);
    // Newest first.
    expect((await store.search(VIEWER, 'acme', 3)).map((e) => e.postingId)).toEqual(['p229', 'p228', 'p227']);
  });

  it('keeps the last ten segments set aside and deletes older ones', async () => {
    const map = new MapBackend();
    const store = new JobStore(map);
    await shareMany(store, 0, 700);
    // head + list + 10 set aside
    expect(indexRecords(map)).toHaveLength(12);
    expect(await store.search(VIEWER, 'term0x', 5)).toEqual([]);
    expect((await store.search(VIEWER, 'term650x', 5)).map((e) => e.postingId)).toEqual(['p650']);
  });

  it('lists a posting shared again once, as its latest share', async () => {
    const store = new JobStore(new MapBackend());
    await shareMany(store, 0, 60);
    await shareMany(store, 3, 4, 'C2');
    const found = await store.search(VIEWER, 'term3x', 5);
    expect(found.map((e) => [e.postingId, e.channel])).toEqual([['p3', 'C2']]);
  });

  it('forgets a posting whose entry was set aside in an older segment', async () => {
    const store = new JobStore(new MapBackend());
    await shareMany(store, 0, 120);
    expect(await store.search(VIEWER, 'term5x', 5)).toHaveLength(1);
    await store.forget('p5');
    expect(await store.search(VIEWER, 'term5x', 5)).toEqual([]);
    expect(await store.search(VIEWER, 'term6x', 5)).toHaveLength(1);
  });

  it('still searches and forgets in an index an earlier version wrote as one record', async () => {
    const map = new MapBackend();
    const store = new JobStore(map);
    const old: TeamEntry = { postingId: 'old1', title: 'Old Role', company: 'Acme', level: null, pay: null, sponsorship: 'unstated', terms: 'old role legacyterm', channel: 'C1', user: 'U1', userName: null, at: '2026-01-01T00:00:00.000Z', link: null };
    await map.set('index:slack:T1', [old]);
    await map.set('refs:old1', ['index:slack:T1']);
    await shareMany(store, 0, 3);
    expect((await store.search(VIEWER, 'legacyterm', 5)).map((e) => e.postingId)).toEqual(['old1']);
    await store.forget('old1');
    expect(await store.search(VIEWER, 'legacyterm', 5)).toEqual([]);
    expect(await store.search(VIEWER, 'term1x', 5)).toHaveLength(1);
  });

  it('works the same on a SQLite file', async () => {
    const kv: KeyValue = KeyvBackend.open(`sqlite://${join(tmp, 'index.sqlite')}`);
    try {
      const store = new JobStore(kv);
      await shareMany(store, 0, 130);
      expect((await store.search(VIEWER, 'term0x', 5)).map((e) => e.postingId)).toEqual(['p0']);
      await store.forget('p0');
      expect(await store.search(VIEWER, 'term0x', 5)).toEqual([]);
      expect((await store.search(VIEWER, 'acme', 2)).map((e) => e.postingId)).toEqual(['p129', 'p128']);
    } finally {
      await kv.close();
    }
  });
});
