import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { extractPosting } from '../src/extract/index.js';
import type { Posting } from '../src/posting.js';
import type { ShareRecord } from '../src/store/types.js';
import { MapBackend } from '../src/store/backend.js';
import { JobStore } from '../src/store/job-store.js';
import { KeyvBackend } from '../src/store/keyv-backend.js';
import { fmt, isMain, summarize, timeRunsAsync } from './stats.js';

/**
 * Dedupe lookups on a SQLite file holding N postings: the time findDuplicate adds to a card.
 * Postings are the fixture posting with a random quarter of its words replaced, so each has
 * its own shingles, as real different postings do. The file is filled with exactly the records
 * JobStore.remember writes (computed in memory, then inserted in one transaction in keyv's
 * format), because filling 100k postings one write at a time takes longer than the lookups
 * deserve; the lookups then run through the real keyv SQLite backend.
 */
const BASE = readFileSync(new URL('../../fixtures/store/base-posting.txt', import.meta.url) /* run from dist/bench */, 'utf8');
const WORDS = BASE.split(/\s+/);

function variant(seed: number, changed = 0.25): string {
  let x = (seed * 2654435761) >>> 0;
  const rand = (): number => (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
  return WORDS.map((w) => (rand() < changed ? `w${Math.floor(rand() * 1e9).toString(36)}` : w)).join(' ');
}

/** A light edit of a stored posting: one word in fifty changed, as a repost with small edits. */
function edited(text: string, seed: number): string {
  return text.split(' ').map((w, i) => ((i + seed) % 50 === 0 ? `${w}x` : w)).join(' ');
}

async function fill(file: string, n: number, template: Posting): Promise<void> {
  const map = new MapBackend();
  const store = new JobStore(map);
  for (let i = 0; i < n; i++) await store.remember(`p${i}`, { ...template, text: variant(i) });
  const db = new Database(file);
  db.exec('CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT)');
  const insert = db.prepare('INSERT OR REPLACE INTO keyv (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (const [key, value, expires] of map.dump()) {
      insert.run(`jobcard:${key}`, JSON.stringify(expires === null ? { value } : { value, expires }));
    }
  })();
  db.close();
}

export async function run(sizes: number[] = (process.env.BENCH_STORE_SIZES ?? '1000,10000,100000').split(',').map(Number)): Promise<void> {
  console.log('\n## store: dedupe lookup on a SQLite file (median and p99 of 200 lookups)');
  const template: Posting = extractPosting(BASE);
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'jobcard-bench-'));
    const file = join(dir, 'bench.sqlite');
    const loadStart = performance.now();
    await fill(file, n, template);
    const loadMs = performance.now() - loadStart;
    const kv = KeyvBackend.open(`sqlite://${file}`, { opTimeoutMs: 60_000 });
    const store = new JobStore(kv);
    let k = 0;
    const fresh = summarize(await timeRunsAsync(() => store.findDuplicate({ ...template, text: variant(n + 1000 + k++) }), 200));
    const near = summarize(await timeRunsAsync(() => store.findDuplicate({ ...template, text: edited(variant(k++ % n), k) }), 200));
    const same = summarize(await timeRunsAsync(() => store.findDuplicate({ ...template, text: variant(k++ % n) }), 200));
    console.log(
      `${String(n).padStart(7)} postings: new ${fmt(fresh.median)} (p99 ${fmt(fresh.p99)}) · edited repost ${fmt(near.median)} (p99 ${fmt(near.p99)}) · same text ${fmt(same.median)} (p99 ${fmt(same.p99)}); filled in ${(loadMs / 1000).toFixed(1)} s`,
    );
    await kv.close();
    rmSync(dir, { recursive: true, force: true });
  }
  await recordShares(template, [10, 500]);
}

/** One share of a new posting, as the Desk records it: the posting, its keys, the share, the team's lists. */
function shareOf(template: Posting, i: number, isNew: boolean): ShareRecord {
  const at = new Date(1_700_000_000_000 + i * 1000).toISOString();
  const postingId = `p${i}`;
  const share = { postingId, platform: 'slack' as const, team: 'T1', channel: 'C1', messageId: `m${i}`, user: 'U1', userName: null, at, link: null };
  const terms = `senior machine learning engineer capital one python spark aws richmond va ${i}`;
  const entry = { postingId, title: 'Senior Machine Learning Engineer', company: 'Capital One', level: 'senior', pay: '$150,000–$200,000', sponsorship: 'no', terms, channel: 'C1', user: 'U1', userName: null, at, link: null };
  return { posting: { ...template, text: isNew ? variant(i) : template.text }, isNew, share, entry, team: 'T1' };
}

/**
 * What recording a share costs once a team has history: the team's recent list and search
 * index are read and written with every share, so a team that shared 500 postings must cost no
 * more per share than one that shared ten.
 */
async function recordShares(template: Posting, teamSizes: number[]): Promise<void> {
  console.log('\n## store: recording a share of a new posting on a SQLite file (median and p99 of 200)');
  for (const size of teamSizes) {
    const dir = mkdtempSync(join(tmpdir(), 'jobcard-bench-'));
    const kv = KeyvBackend.open(`sqlite://${join(dir, 'bench.sqlite')}`, { opTimeoutMs: 60_000 });
    const store = new JobStore(kv);
    for (let i = 0; i < size; i++) await store.recordShare(shareOf(template, i, false));
    let k = size;
    const timed = summarize(await timeRunsAsync(() => store.recordShare(shareOf(template, k++, true)), 200));
    console.log(`  team with ${String(size).padStart(4)} earlier shares: ${fmt(timed.median)} (p99 ${fmt(timed.p99)})`);
    await kv.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await run();
