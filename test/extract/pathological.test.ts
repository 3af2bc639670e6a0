import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackInput, hostileInputs, type HostileInput } from '../../bench/hostile-inputs.js';
import { allPatterns, checkPattern, onPastePath, type Checked } from '../../scripts/regex-check.js';
import { ensureBuilt } from '../app/build.js';
import { repoRoot } from '../app/helpers.js';

/**
 * Hostile pastes cannot stall the core. Every step (repair, clean, detect, each field, the
 * whole extraction, the card) runs on each hostile paste in a worker thread; a step still
 * running after the limit is a hang: the worker is terminated (a regex that backtracks without
 * end blocks its thread, so only another thread can notice) and the test names the input and
 * the step. The limit is a hang guard, not a speed target (speed is measured in
 * `npm run bench hostile`): 2 s, or SLOWER_THAN_NORMAL times what all the steps take on a
 * normal posting (seed 003) on this machine right now, whichever is longer, so a machine
 * loaded by other work raises it with everything else. A step past it is tried once more
 * after measuring the machine again; an input that backtracks without end hangs again.
 */
const STEP_FLOOR_MS = 2_000;
const SLOWER_THAN_NORMAL = 30;

// The worker runs the compiled core (dist/), the code `npm start` runs.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
import(workerData.module).then(({ runCoreSteps }) => {
  parentPort.on('message', (text) => {
    const started = performance.now();
    runCoreSteps(text, (step) => parentPort.postMessage({ step }));
    parentPort.postMessage({ done: true, ms: performance.now() - started });
  });
  parentPort.postMessage({ ready: true });
});
`;
const NORMAL = readFileSync(path.join(repoRoot, 'fixtures/seeds/003-linkedin-capital-one-senior-mle.txt'), 'utf8');

class GuardedCore {
  private worker: Worker | null = null;
  private limitMs = STEP_FLOOR_MS;

  private async start(): Promise<Worker> {
    const module = pathToFileURL(path.join(repoRoot, 'dist', 'bench', 'hostile.js')).href;
    const worker = new Worker(WORKER, { eval: true, workerData: { module } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    this.worker = worker;
    return worker;
  }

  /** The limit from how long a normal posting takes now (the middle of three runs). */
  async calibrate(): Promise<number> {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push((await this.once(NORMAL, 600_000)).ms);
    const normal = runs.sort((a, b) => a - b)[1] ?? 0;
    this.limitMs = Math.max(STEP_FLOOR_MS, SLOWER_THAN_NORMAL * normal);
    return this.limitMs;
  }

  /** Runs every step on the paste; resolves with the step that hung, or null when all finished. */
  async run(text: string): Promise<string | null> {
    const first = await this.once(text, this.limitMs);
    if (first.hung === null) return null;
    const before = this.limitMs;
    if ((await this.calibrate()) <= before) return first.hung;
    return (await this.once(text, this.limitMs)).hung;
  }

  private async once(text: string, limitMs: number): Promise<{ hung: string | null; ms: number }> {
    const worker = this.worker ?? (await this.start());
    return new Promise((resolve, reject) => {
      let step = '(start)';
      let timer: NodeJS.Timeout | undefined;
      const finish = (hung: string | null, ms = 0): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve({ hung, ms });
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.worker = null;
          void worker.terminate();
          finish(step);
        }, limitMs);
      };
      const onMessage = (m: { step?: string; done?: boolean; ms?: number }): void => {
        if (m.done) finish(null, m.ms);
        else if (m.step !== undefined) {
          step = m.step;
          arm();
        }
      };
      const onError = (err: Error): void => {
        clearTimeout(timer);
        this.worker = null;
        reject(err);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      arm();
      worker.postMessage(text);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

const core = new GuardedCore();
let checked: Checked[] = [];

beforeAll(async () => {
  ensureBuilt();
  checked = (await allPatterns()).map(checkPattern).filter((c) => onPastePath(c.at));
  await core.calibrate();
}, 600_000);
afterAll(() => core.close());

const WHITESPACE = /^\s+$/;

describe('patterns on the paste path (scslre, over every literal and every new RegExp as built)', () => {
  it('none backtracks exponentially', () => {
    expect(checked.length).toBeGreaterThan(1000);
    expect(checked.filter((c) => c.verdict === 'exponential').map((c) => `${c.at} /${c.source.slice(0, 80)}/`)).toEqual([]);
  });

  it('polynomial backtracking only over runs of blanks, which cleaning collapses before any pattern reads the text', () => {
    const offenders = checked
      .filter((c) => c.verdict === 'polynomial' && !c.backtrackChars.every((ch) => WHITESPACE.test(ch)))
      .map((c) => `${c.at} ${JSON.stringify(c.backtrackChars)} /${c.source.slice(0, 80)}/`);
    expect(offenders).toEqual([]);
  });
});

describe('hostile pastes finish every core step', () => {
  const inputs: HostileInput[] = hostileInputs();
  it.each(inputs.map((i) => [i.name, i] as const))('%s', async (_name, input) => {
    expect(await core.run(input.text)).toBeNull();
  }, 600_000);

  it('runs of each character a paste-path pattern could trade, alone and inside a posting', async () => {
    const chars = [...new Set(checked.flatMap((c) => (c.verdict === 'linear' ? [] : [c.attackChar, ...c.backtrackChars])))];
    expect(chars.length).toBeGreaterThan(3);
    const hung: string[] = [];
    for (const input of chars.flatMap((ch) => attackInput(ch))) {
      const step = await core.run(input.text);
      if (step !== null) hung.push(`${input.name}: ${step}`);
    }
    expect(hung).toEqual([]);
  }, 900_000);

  // Words and characters the patterns repeat, mixed at random into long lines and pastes.
  const TOKENS = [
    'A', 'AAAA', 'Aa ', ' ', '\t', '\n', '0', '1,', '12', '.', '$', '$1', 'USD ', 'k', '-', ' - ', '–', '|', ' | ', '·', '•', '• ',
    '(', ')', '[', ':', ': ', ',', ', ', '/', '&', '+', 'for ', 'at ', 'in ', 'of ', 'and ', 'or ', 'the ', 'hiring ', 'Hiring: ',
    'Engineer ', 'Senior ', 'Manager, ', 'years ', '5+ ', 'Remote ', 'H-1B ', 'sponsor ', 'salary ', 'per year ', 'Title: ',
    'Location: ', 'www.', '//', 'JS', 'Python, ', 'will lead ', 'posted ', 'Jan ', 'â€™', 'Ã', '\u200b',
  ];
  it('random runs of pattern words and characters (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 100, max: 2_000 }),
        fc.boolean(),
        async (tokens, times, inPosting) => {
          const line = tokens.join('').repeat(Math.ceil(times / tokens.length));
          const text = inPosting ? `Acme\nSenior Engineer\n\n${line}\n\nRequirements:\n• 3+ years of Go\n` : line;
          expect(await core.run(text)).toBeNull();
        },
      ),
      { numRuns: 25 },
    );
  }, 900_000);
});
