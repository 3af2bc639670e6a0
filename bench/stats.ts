import { performance } from 'node:perf_hooks';

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
