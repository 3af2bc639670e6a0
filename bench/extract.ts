import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cleanPosting } from '../src/clean/index.js';
import { extractPosting } from '../src/extract/index.js';
import { fmt, summarize, timeRuns, scaledText, throughput } from './stats.js';

/**
 * Extraction speed on cleaned text (cleaning is timed in bench/clean.ts): per fixture the median
 * and p99 after warm-up, postings per second over all of them, and inputs of 10 KB, 100 KB and
 * 1 MB built from posting lines, to show that time grows linearly with the input.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = [path.resolve(here, '../..'), path.resolve(here, '..'), process.cwd()].find((dir) =>
  existsSync(path.join(dir, 'fixtures/seeds/003-linkedin-capital-one-senior-mle.txt')),
);

interface Fixture {
  name: string;
  text: string;
}

function fixtures(root: string): Fixture[] {
  const out: Fixture[] = [];
  const seeds = path.join(root, 'fixtures/seeds');
  for (const f of readdirSync(seeds).filter((f) => /^\d{3}-.*\.txt$/.test(f) && !f.includes('expected')).sort()) {
    out.push({ name: `seeds/${f}`, text: cleanPosting(readFileSync(path.join(seeds, f), 'utf8')).text });
  }
  for (const dir of ['fixtures/postings', 'fixtures/heldout']) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).filter((f) => f.endsWith('.txt')).sort()) {
      out.push({ name: `${dir.slice('fixtures/'.length)}/${f}`, text: cleanPosting(readFileSync(path.join(full, f), 'utf8')).text });
    }
  }
  return out;
}


export async function run(): Promise<void> {
  if (!repoRoot) throw new Error('fixtures/seeds not found');
  const all = fixtures(repoRoot);
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
  let first: number | null = null;
  for (const size of [10_000, 100_000, 1_000_000]) {
    const text = scaledText(base, size);
    const t = summarize(timeRuns(() => extractPosting(text), size >= 1_000_000 ? 5 : 20, 2));
    const perKb = t.median / (size / 1000);
    first ??= perKb;
    console.log(`  ${String(size / 1000).padStart(5)} KB  median ${fmt(t.median)}  p99 ${fmt(t.p99)}  (${(perKb * 1000).toFixed(1)} µs/KB, ×${(perKb / first).toFixed(2)} the 10 KB rate)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
