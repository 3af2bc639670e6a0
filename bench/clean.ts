import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cleanPosting } from '../src/clean/index.js';
import { fmt, isMain, REPO_ROOT, seedPostings, sizeSeries, summarize, throughput, timeRuns } from './stats.js';

/**
 * Cleaning speed: per fixture (seeds and the site fixtures) the median and p99 after warm-up,
 * postings per second over all of them, and inputs of 10 KB, 100 KB, 1 MB and 2 MB built from
 * posting text, to show that time grows linearly with the input (no step is quadratic).
 */

interface Fixture {
  name: string;
  text: string;
}

function fixtures(): Fixture[] {
  const sources = path.join(REPO_ROOT, 'fixtures/clean/sources');
  const out: Fixture[] = seedPostings();
  for (const f of readdirSync(sources).filter((f) => f.endsWith('.txt') && !f.endsWith('.clean.txt')).sort()) {
    out.push({ name: `sources/${f}`, text: readFileSync(path.join(sources, f), 'utf8') });
  }
  return out;
}

export async function run(): Promise<void> {
  const all = fixtures();

  console.log('clean: per fixture (after warm-up)');
  const runs = 200;
  for (const f of all) {
    const s = summarize(timeRuns(() => cleanPosting(f.text), runs, 50));
    console.log(`  ${f.name.padEnd(52)} ${String(f.text.length).padStart(6)} chars  median ${fmt(s.median)}  p99 ${fmt(s.p99)}`);
  }

  const perSecond = throughput(all, (f) => cleanPosting(f.text), 30, 5);
  console.log(`clean: ${perSecond.toFixed(0)} postings/s over ${all.length} fixtures`);
  const seed = all.find((f) => f.name.includes('003-linkedin'));
  if (seed) {
    const s = summarize(timeRuns(() => cleanPosting(seed.text), 500, 200));
    console.log(`clean: seed 003 (${seed.text.length} chars) median ${fmt(s.median)}, p99 ${fmt(s.p99)} (target: median under 2 ms)`);
  }

  const base = ['000-builtin-capital-one-sr-manager.txt', '001-capital-one-sr-lead-plano.txt', '002-jobboard-capital-one-senior-mle.txt', '003-linkedin-capital-one-senior-mle.expected-clean.txt']
    .map((f) => readFileSync(path.join(REPO_ROOT, 'fixtures/seeds', f), 'utf8'));
  console.log('clean: input size (time should grow linearly)');
  sizeSeries(base, [10_000, 100_000, 1_000_000, 2_000_000], cleanPosting, (size) => (size === 2_000_000 ? ' (target: under 1 s)' : ''));
}

if (isMain(import.meta.url)) await run();
