import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cleanPosting } from '../src/clean/index.js';
import { extractPosting } from '../src/extract/index.js';
import { fmt, isMain, REPO_ROOT, seedPostings, sizeSeries, summarize, throughput, timeRuns } from './stats.js';

/**
 * Extraction speed on cleaned text (cleaning is timed in bench/clean.ts): per fixture the median
 * and p99 after warm-up, postings per second over all of them, and inputs of 10 KB, 100 KB and
 * 1 MB built from posting lines, to show that time grows linearly with the input.
 */

interface Fixture {
  name: string;
  text: string;
}

/** Seeds and the labelled postings, cleaned (extraction runs on cleaned text). */
function fixtures(): Fixture[] {
  const out: Fixture[] = seedPostings();
  for (const dir of ['fixtures/postings', 'fixtures/heldout']) {
    const full = path.join(REPO_ROOT, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).filter((f) => f.endsWith('.txt')).sort()) {
      out.push({ name: `${dir.slice('fixtures/'.length)}/${f}`, text: readFileSync(path.join(full, f), 'utf8') });
    }
  }
  return out.map((f) => ({ ...f, text: cleanPosting(f.text).text }));
}

export async function run(): Promise<void> {
  const all = fixtures();
  const verbose = process.env.BENCH_VERBOSE === '1';

  console.log(`extract: per fixture (after warm-up)${verbose ? '' : ', seeds only (BENCH_VERBOSE=1 for all)'}`);
  for (const f of all) {
    if (!verbose && !f.name.startsWith('seeds/')) continue;
    const s = summarize(timeRuns(() => extractPosting(f.text), 200, 50));
    console.log(`  ${f.name.padEnd(52)} ${String(f.text.length).padStart(6)} chars  median ${fmt(s.median)}  p99 ${fmt(s.p99)}`);
  }

  const perSecond = throughput(all, (f) => extractPosting(f.text), 20, 3);
  console.log(`extract: ${perSecond.toFixed(0)} postings/s over ${all.length} fixtures`);

  const seed = all.find((f) => f.name.includes('003-linkedin'));
  if (seed) {
    const s = summarize(timeRuns(() => extractPosting(seed.text), 500, 200));
    console.log(`extract: seed 003 cleaned (${seed.text.length} chars) median ${fmt(s.median)}, p99 ${fmt(s.p99)} (target: median ≤ 2 ms)`);
  }

  const base = all.filter((f) => f.name.startsWith('seeds/')).map((f) => f.text);
  console.log('extract: input size (time should grow linearly; extraction reads at most 200,000 characters)');
  sizeSeries(base, [10_000, 100_000, 1_000_000], extractPosting);
}

if (isMain(import.meta.url)) await run();
