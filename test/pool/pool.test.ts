import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/pipeline.js';
import { CoreBusyError, CorePool, CoreTimeoutError, defaultCoreThreads } from '../../src/pool/index.js';
import { HOSTILE_LINE } from './slow-worker.js';

const POSTING = readFileSync(new URL('../../fixtures/seeds/003-linkedin-capital-one-senior-mle.txt', import.meta.url), 'utf8');
const SLOW_WORKER = new URL('./slow-worker.ts', import.meta.url);
/** Generous: a warmed worker reads the seed in tens of ms, but this machine may be busy. */
const LIMIT_MS = 2_000;

describe('how many threads', () => {
  it('leaves one core to the main thread, and holds at most two copies of the core', () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultCoreThreads(cores))).toEqual([1, 1, 2, 2, 2]);
  });
});

describe('the core in worker threads', () => {
  let pool: CorePool;
  beforeAll(async () => {
    pool = new CorePool({ threads: 2, warmUpRounds: 1 });
    await pool.ready();
  });
  afterAll(() => pool.close());

  it('reads a paste in a worker exactly as the core does in-process', async () => {
    const reading = await pool.run({ kind: 'text', text: POSTING });
    const local = analyzeText(POSTING);
    expect(reading.detection).toEqual(local.detection);
    expect(reading.posting).toEqual(local.posting);
    expect(reading.posting?.company).toBe('Capital One');
  });

  it('says a chat message is not a posting, with nothing extracted', async () => {
    const reading = await pool.run({ kind: 'text', text: 'anyone up for lunch at noon?' });
    expect(reading.detection.isPosting).toBe(false);
    expect(reading.posting).toBeNull();
  });

  it('runs tasks on both threads at once', async () => {
    const readings = await Promise.all([1, 2, 3, 4].map(() => pool.run({ kind: 'text', text: POSTING })));
    expect(new Set(readings.map((r) => r.posting?.title)).size).toBe(1);
    expect(pool.threads).toBe(2);
  });
});

describe('a task past the time limit', () => {
  let pool: CorePool;
  beforeAll(async () => {
    pool = new CorePool({ threads: 1, timeoutMs: LIMIT_MS, maxWaiting: 1, warmUpRounds: 1, worker: SLOW_WORKER });
    await pool.ready();
  });
  afterAll(() => pool.close());

  it('is abandoned, its worker replaced, and the paste queued behind it is read; the main thread turns meanwhile', async () => {
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 10);
    const hung = pool.run({ kind: 'text', text: `${POSTING}\n${HOSTILE_LINE}` });
    const next = pool.run({ kind: 'text', text: POSTING });
    // Too many waiting already (maxWaiting 1): refused at once rather than held.
    const refused = await pool.run({ kind: 'text', text: POSTING }).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(CoreBusyError);
    expect((refused as CoreBusyError).code).toBe('busy');
    const err = await hung.then(() => null, (e: unknown) => e);
    clearInterval(ticker);
    expect(err).toBeInstanceOf(CoreTimeoutError);
    expect((err as CoreTimeoutError).code).toBe('too-slow');
    expect((err as CoreTimeoutError).limitMs).toBe(LIMIT_MS);
    expect(turns).toBeGreaterThan(10);
    // It runs on the replacement worker, with the whole time limit of its own.
    expect((await next).posting?.company).toBe('Capital One');
  });
});
