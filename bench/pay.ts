import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractPay } from '../src/extract/pay.js';
import { isMain, REPO_ROOT, summarize, timeRuns } from './stats.js';

/**
 * Pay extraction speed: per posting over fixtures/pay and the seeds (median, p99), the largest
 * seed on its own (a whole LinkedIn page), and postings per second over ../shared/corpus's
 * text pastes when present.
 */


function texts(dir: string, filter: (f: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(filter).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

const ms = (x: number): string => `${x.toFixed(3)} ms`;

export async function run(): Promise<void> {
  const own = [
    ...texts(path.join(REPO_ROOT, 'fixtures/pay'), (f) => f.endsWith('.txt')),
    ...texts(path.join(REPO_ROOT, 'fixtures/seeds'), (f) => f.endsWith('.txt')),
  ];
  const perPosting = own.flatMap((t) => timeRuns(() => extractPay(t), 50, 10));
  const s = summarize(perPosting);
  console.log(`pay: ${own.length} fixture postings, extractPay median ${ms(s.median)}, p99 ${ms(s.p99)}`);

  const largest = own.reduce((a, b) => (b.length > a.length ? b : a), '');
  const l = summarize(timeRuns(() => extractPay(largest), 200));
  console.log(`pay: largest fixture (${largest.length} chars) median ${ms(l.median)}, p99 ${ms(l.p99)}`);

  const corpus = texts(path.resolve(REPO_ROOT, '../shared/corpus'), (f) => f.endsWith('.txt'));
  if (corpus.length > 0) {
    const rounds = 20;
    const t = timeRuns(() => { for (const c of corpus) extractPay(c); }, rounds, 3);
    const total = t.reduce((a, b) => a + b, 0);
    console.log(`pay: ../shared/corpus ${corpus.length} text postings, ${((corpus.length * rounds) / (total / 1000)).toFixed(0)} postings/s`);
  }
}

if (isMain(import.meta.url)) await run();
