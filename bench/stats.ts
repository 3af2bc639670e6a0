import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The repository root, whether the benches run compiled (dist/bench) or from bench/ by a TypeScript runner. */
export const REPO_ROOT: string = ((): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = [path.resolve(here, '../..'), path.resolve(here, '..'), process.cwd()].find((dir) => existsSync(path.join(dir, 'fixtures/seeds')));
  if (!root) throw new Error('benches: the repository (fixtures/seeds) was not found');
  return root;
})();

/** The seed postings as pasted (fixtures/seeds/NNN-*.txt, not the expected files), by name. */
export function seedPostings(): Array<{ name: string; text: string }> {
  const seeds = path.join(REPO_ROOT, 'fixtures/seeds');
  return readdirSync(seeds)
    .filter((f) => /^\d{3}-.*\.txt$/.test(f) && !f.includes('expected'))
    .sort()
    .map((f) => ({ name: `seeds/${f}`, text: readFileSync(path.join(seeds, f), 'utf8') }));
}

/** Median and p99 of a list of milliseconds. */
export function summarize(ms: readonly number[]): { median: number; p99: number; mean: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99), mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length) };
}

/** Run fn `runs` times after `warmup` runs; the milliseconds of each timed run. */
export function timeRuns(fn: () => void, runs: number, warmup = Math.min(20, runs)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function timeRunsAsync(fn: () => Promise<unknown>, runs: number, warmup = Math.min(5, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

/** True when this module is the script node was asked to run. */
export function isMain(metaUrl: string): boolean {
  return process.argv[1] !== undefined && metaUrl.endsWith(process.argv[1].replace(/^.*\/dist\//, '/dist/'));
}

/**
 * Posting text to `size` characters: lines taken in turn from each source, so every size has
 * the same mix of content, boilerplate and chrome (time per KB should then stay flat).
 */
export function scaledText(sources: readonly string[], size: number): string {
  const lines = sources.map((s) => s.split('\n'));
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    for (const l of lines) {
      const line = l[i % l.length] ?? '';
      out.push(line);
      length += line.length + 1;
    }
  }
  return out.join('\n').slice(0, size);
}

/** Postings per second when `fn` runs over every input in turn, `rounds` times after `warmup`. */
export function throughput<T>(inputs: readonly T[], fn: (input: T) => unknown, rounds: number, warmup: number): number {
  const batch = timeRuns(() => {
    for (const input of inputs) fn(input);
  }, rounds, warmup);
  const total = batch.reduce((a, b) => a + b, 0);
  return (inputs.length * rounds) / (total / 1000);
}

/**
 * Time `fn` on posting text scaled to each size (see scaledText) and print the median, p99 and
 * time per KB against the smallest size's: a ratio near 1 says time grows linearly.
 */
export function sizeSeries(sources: readonly string[], sizes: readonly number[], fn: (text: string) => unknown, note: (size: number) => string = () => ''): void {
  let first: number | null = null;
  for (const size of sizes) {
    const text = scaledText(sources, size);
    const t = summarize(timeRuns(() => fn(text), size >= 1_000_000 ? 5 : 20, 2));
    const perKb = t.median / (size / 1000);
    first ??= perKb;
    console.log(`  ${String(size / 1000).padStart(5)} KB  median ${fmt(t.median)}  p99 ${fmt(t.p99)}  (${(perKb * 1000).toFixed(1)} µs/KB, ×${(perKb / first).toFixed(2)} the ${(sizes[0] ?? size) / 1000} KB rate)${note(size)}`);
  }
}
