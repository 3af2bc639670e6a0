import { once } from 'node:events';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { describeError, type Log, silentLog } from '../log.js';
import { CoreBusyError, CoreTimeoutError, type Core } from './core.js';
import type { CoreResult, CoreTask } from './task.js';
import type { PingTask, WorkerSettings } from './worker.js';

/**
 * The core in a small pool of worker threads (piscina), each task with a time limit.
 *
 * Why a pool: the core is synchronous CPU work, and on the main thread one slow paste stopped
 * everything else, Slack's acks and /healthz included. Here the main thread only receives,
 * acks, stores and posts. Why piscina: it is the maintained worker pool for Node (the Node.js
 * project's own), and aborting a running task through an AbortSignal terminates its thread and
 * starts a replacement, which is exactly what a task that will never finish needs: a regular
 * expression cannot be interrupted from inside.
 *
 * The time limit counts only the task's own run: at most one task per thread is handed to
 * piscina (the rest wait here, in order), a thread warms itself before it takes work, and a
 * slot whose worker was replaced opens again once the replacement is ready.
 */

export const DEFAULT_CORE_TIMEOUT_MS = 5_000;

/**
 * One thread per core but one, kept for the main thread (acks, health, posting), and at most
 * two: each thread holds its own copy of the core (about 40 MB), and two already keep cards
 * coming while one paste runs into its limit. On a 2-core machine that is one thread.
 */
export function defaultCoreThreads(cores = availableParallelism()): number {
  return Math.min(2, Math.max(1, cores - 1));
}
/** Tasks waiting for a thread beyond this are refused ("busy") rather than held in memory. */
export const DEFAULT_MAX_WAITING = 500;
/** Warm-up rounds per worker (src/warm-up: 2-3 rounds reach full speed). */
const DEFAULT_WARM_UP_ROUNDS = 2;
/** How long a slot waits for the replacement of an abandoned worker before opening anyway. */
const REPLACEMENT_WAIT_MS = 30_000;

/** What /healthz shows of the pool. */
export interface CorePoolStatus {
  threads: number;
  /** Every worker has loaded and warmed the core. */
  ready: boolean;
  /** Tasks running in a worker, and waiting for one. */
  running: number;
  waiting: number;
}

export interface CorePoolOptions {
  /** Worker threads (JOBCARD_CORE_THREADS); at least 1. Default: defaultCoreThreads(). */
  threads?: number;
  /** Time limit per task, in ms (JOBCARD_CORE_TIMEOUT_MS). */
  timeoutMs?: number;
  maxWaiting?: number;
  /** Warm-up rounds each worker runs before its first task; 0 skips it (JOBCARD_WARM_UP=0). */
  warmUpRounds?: number;
  /**
   * The worker module (a path or file URL). Default: src/pool/worker beside this file. Tests
   * pass a module that wraps it, to make a task slow on purpose.
   */
  worker?: string | URL;
  log?: Log;
}

/** Whether this module runs from TypeScript source (under vitest) rather than from dist/. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * The worker module and the Node flags it needs: the built worker.js from dist/, or, when this
 * module itself runs from source (tests), worker.ts through tsx, so tests never run a stale build.
 */
function workerModule(worker: string | URL | undefined): { filename: string; execArgv: string[] } {
  const filename = String(worker ?? new URL(`./worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));
  if (!filename.endsWith('.ts')) return { filename, execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename, execArgv: ['--import', tsx] };
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

export class CorePool implements Core {
  readonly threads: number;
  readonly timeoutMs: number;
  private readonly maxWaiting: number;
  private readonly log: Log;
  private readonly piscina: Piscina;
  /** Threads free for a task; tasks beyond wait in `waiting`. */
  private free = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly booted: Promise<void>;
  private isReady = false;
  private running = 0;
  private closed = false;

  constructor(opts: CorePoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(opts.threads ?? defaultCoreThreads()));
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_CORE_TIMEOUT_MS;
    this.maxWaiting = opts.maxWaiting ?? DEFAULT_MAX_WAITING;
    this.log = opts.log ?? silentLog;
    const { filename, execArgv } = workerModule(opts.worker);
    const workerData: WorkerSettings = { warmUpRounds: opts.warmUpRounds ?? DEFAULT_WARM_UP_ROUNDS };
    this.piscina = new Piscina({
      filename,
      execArgv,
      workerData,
      // A fixed number of threads: an abandoned one is always replaced, and memory stays flat.
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: 1,
    });
    // A worker that dies on its own (out of memory, a crash) fails its task; piscina replaces it.
    this.piscina.on('error', (err: unknown) => this.log.error({ err: describeError(err) }, 'a core worker failed'));
    this.booted = this.boot();
  }

  /** Resolves once every worker has loaded the core and warmed it. */
  ready(): Promise<void> {
    return this.booted;
  }

  status(): CorePoolStatus {
    return { threads: this.threads, ready: this.isReady, running: this.running, waiting: this.waiting.length };
  }

  async run<T extends CoreTask>(task: T): Promise<CoreResult<T>> {
    await this.admit();
    let replaced = false;
    this.running += 1;
    try {
      return (await this.piscina.run(task, { signal: AbortSignal.timeout(this.timeoutMs) })) as CoreResult<T>;
    } catch (err) {
      if (!isAbort(err) || this.closed) throw err;
      // The thread was terminated with the task: its slot opens when the replacement is warm.
      replaced = true;
      throw new CoreTimeoutError(this.timeoutMs);
    } finally {
      this.running -= 1;
      if (replaced) void this.afterReplacement().then(() => this.release());
      else this.release();
    }
  }

  /** Stop: tasks waiting for a thread are refused, running ones abandoned, threads ended. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
    await this.piscina.destroy();
  }

  /**
   * One ping per thread, with no time limit: each answers once its worker has warmed up. Until
   * then tasks wait here, so a task's time limit never includes a worker's start. A worker that
   * cannot start is logged; the tasks then fail with its error, as internal errors.
   */
  private async boot(): Promise<void> {
    const ping: PingTask = { kind: 'ping' };
    try {
      await Promise.all(Array.from({ length: this.threads }, () => this.piscina.run(ping)));
      this.isReady = true;
    } catch (err) {
      if (!this.closed) this.log.error({ err: describeError(err) }, 'the core workers could not start');
    } finally {
      this.free = this.threads;
      this.wakeWaiting();
    }
  }

  private async admit(): Promise<void> {
    if (this.closed) throw new Error('the core pool is closed');
    if (this.free > 0 && this.waiting.length === 0) {
      this.free -= 1;
      return;
    }
    if (this.waiting.length >= this.maxWaiting) throw new CoreBusyError(this.waiting.length);
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.closed) throw new Error('the core pool is closed');
  }

  private release(): void {
    this.free += 1;
    this.wakeWaiting();
  }

  private wakeWaiting(): void {
    while (this.free > 0 && this.waiting.length > 0) {
      this.free -= 1;
      this.waiting.shift()?.();
    }
  }

  /** piscina reports a replacement worker ('workerCreate') once it has loaded and warmed up. */
  private async afterReplacement(): Promise<void> {
    if (this.closed) return;
    await once(this.piscina, 'workerCreate', { signal: AbortSignal.timeout(REPLACEMENT_WAIT_MS) }).catch(() => undefined);
  }
}
