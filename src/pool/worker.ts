import { workerData } from 'node:worker_threads';
import { warmCore } from '../warm-up/core.js';
import { runCoreTask, type CoreTask } from './task.js';

/**
 * A pool worker (piscina loads this module in each thread). It warms the core as it loads,
 * before it takes a task: the pool (pool.ts) hands it work only once it has answered, so the
 * warm-up never counts against a task's time limit, and a worker that replaces an abandoned one
 * is as fast as the one it replaced.
 */

export interface WorkerSettings {
  /** Warm-up rounds over the built-in samples; 0 skips it. */
  warmUpRounds: number;
}

/** Sent once per worker at start-up: answers when the worker is warm. */
export interface PingTask {
  kind: 'ping';
}

const settings = (workerData ?? {}) as Partial<WorkerSettings>;
const warmed = warmCore(settings.warmUpRounds ?? 0);

export default function handleTask(task: CoreTask | PingTask): unknown {
  if (task.kind === 'ping') return { warmed };
  return runCoreTask(task);
}
