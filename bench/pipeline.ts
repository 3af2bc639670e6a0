import { readdirSync, readFileSync } from 'node:fs';
import { analyzeText } from '../src/pipeline.js';
import { fmt, isMain, summarize, timeRuns } from './stats.js';

/**
 * The whole core a paste goes through (decode aside): clean → detect → extract, per fixture
 * posting, and the throughput over all of them.
 */
const FIXTURES = new URL('../../fixtures/', import.meta.url); // run from dist/bench

function postings(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const dir of ['seeds', 'postings']) {
    const base = new URL(`${dir}/`, FIXTURES);
    for (const name of readdirSync(base).sort()) {
      if (!name.endsWith('.txt') || name.includes('expected')) continue;
      out.push({ name: `${dir}/${name}`, text: readFileSync(new URL(name, base), 'utf8') });
    }
  }
  return out;
}

export async function run(): Promise<void> {
  console.log('\n## pipeline: clean + detect + extract per posting (200 runs after warm-up)');
  const all = postings();
  const medians: number[] = [];
  for (const { name, text } of all) {
    const s = summarize(timeRuns(() => analyzeText(text), 200));
    medians.push(s.median);
    if (name.startsWith('seeds/')) console.log(`${name.padEnd(60)} ${String(text.length).padStart(6)} chars  median ${fmt(s.median)}  p99 ${fmt(s.p99)}`);
  }
  const total = summarize(timeRuns(() => all.forEach((p) => analyzeText(p.text)), 20, 3));
  const overall = summarize(medians);
  console.log(`${all.length} fixture postings: median of medians ${fmt(overall.median)}, p99 ${fmt(overall.p99)}; ${Math.round((all.length / total.median) * 1000)} postings/s`);
}

if (isMain(import.meta.url)) await run();
