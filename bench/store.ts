import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPosting } from '../src/extract/index.js';
import type { Posting } from '../src/posting.js';
import { JobStore } from '../src/store/job-store.js';
import { KeyvBackend } from '../src/store/keyv-backend.js';
import { fmt, isMain, summarize, timeRunsAsync } from './stats.js';

/**
 * Dedupe lookups on a SQLite file holding N postings: the time findDuplicate adds to a card.
 * Postings are the fixture posting with a random tenth of its words replaced, so each has its
 * own shingles, as real different postings do.
 */
const BASE = readFileSync(new URL('../../fixtures/store/base-posting.txt', import.meta.url) /* run from dist/bench */, 'utf8');
const WORDS = BASE.split(/\s+/);

function variant(seed: number): string {
  let x = seed * 2654435761 >>> 0;
  const rand = (): number => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
  return WORDS.map((w) => (rand() < 0.25 ? `w${Math.floor(rand() * 1e9).toString(36)}` : w)).join(' ');
}

export async function run(sizes: number[] = (process.env.BENCH_STORE_SIZES ?? '1000,10000').split(',').map(Number)): Promise<void> {
  console.log('\n## store: dedupe lookup on a SQLite file (median of 200 lookups)');
  const template: Posting = extractPosting(BASE);
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'jobcard-bench-'));
    const kv = KeyvBackend.open(`sqlite://${join(dir, 'bench.sqlite')}`, { opTimeoutMs: 60_000 });
    const store = new JobStore(kv);
    const loadStart = performance.now();
    for (let i = 0; i < n; i++) await store.remember(`p${i}`, { ...template, text: variant(i) });
    const loadMs = performance.now() - loadStart;
    let k = 0;
    const misses = summarize(await timeRunsAsync(() => store.findDuplicate({ ...template, text: variant(n + 1000 + k++) }), 200));
    const hits = summarize(await timeRunsAsync(() => store.findDuplicate({ ...template, text: variant(k++ % n) }), 200));
    console.log(`${String(n).padStart(7)} postings: new posting ${fmt(misses.median)} (p99 ${fmt(misses.p99)}), repost ${fmt(hits.median)} (p99 ${fmt(hits.p99)}); loading took ${(loadMs / 1000).toFixed(1)} s`);
    await kv.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await run();
