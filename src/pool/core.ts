import { UserError } from '../errors.js';
import type { CoreResult, CoreTask } from './task.js';

/**
 * Where the Desk sends the core's work: a pool of worker threads in the bot (so a paste that
 * takes long cannot hold up acks, health checks or anyone else's card), or this thread in the
 * CLI and in tests of the Desk alone.
 */
export interface Core {
  run<T extends CoreTask>(task: T): Promise<CoreResult<T>>;
}

/**
 * The core on the calling thread, with no time limit: tests of the Desk alone, tools. Loaded on
 * first use, so a bot whose core runs in the pool does not load it on its main thread for pastes.
 */
export const inProcessCore: Core = {
  async run(task) {
    const { runCoreTask } = await import('./task.js');
    return runCoreTask(task);
  },
};

export const CORE_MESSAGES = {
  tooSlow: "I couldn't read that posting in time; something in it is unusually shaped. Try pasting just the posting text.",
  busy: "I'm reading a lot of postings right now; try again in a minute.",
} as const;

/** A task ran past its time limit: it was abandoned and its worker replaced. */
export class CoreTimeoutError extends UserError {
  constructor(
    /** The limit it ran past, in ms. */
    readonly limitMs: number,
  ) {
    super('too-slow', CORE_MESSAGES.tooSlow);
  }
}

/** Too many tasks are waiting already: this one was not queued. */
export class CoreBusyError extends UserError {
  constructor(readonly waiting: number) {
    super('busy', CORE_MESSAGES.busy);
  }
}
