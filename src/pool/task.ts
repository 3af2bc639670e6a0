import type { Detection } from '../detect/index.js';
import { runLinkStep, type LinkStep, type LinkStepResult } from '../links/page.js';
import { analyzeText } from '../pipeline.js';
import type { Posting } from '../posting.js';

/**
 * The work the core does for the bot, as plain data: what a worker thread receives and sends
 * back (structured clone), so the same task runs in the pool or in-process unchanged.
 */
export interface TextTask {
  kind: 'text';
  /** A paste or the text of an attached file, already decoded. */
  text: string;
}

/** One parsing, cleaning or extracting step of reading a link (src/links/page.ts); the fetching stays on the main thread. */
export interface LinkTask {
  kind: 'link';
  step: LinkStep;
}

export type CoreTask = TextTask | LinkTask;

/** What the core made of a pasted text: the posting, or why it is not one. */
export interface TextReading {
  detection: Detection;
  /** Null when the text is not a posting (nothing is extracted for chat). */
  posting: Posting | null;
}

export interface CoreResults {
  text: TextReading;
  link: LinkStepResult;
}

export type CoreResult<T extends CoreTask> = CoreResults[T['kind']];

/** One pure handler per task kind: no I/O, no shared state, so a worker can be dropped mid-task. */
const HANDLERS: { [K in CoreTask['kind']]: (task: Extract<CoreTask, { kind: K }>) => CoreResults[K] } = {
  text: (task) => {
    const { detection, posting } = analyzeText(task.text);
    return { detection, posting };
  },
  link: (task) => runLinkStep(task.step),
};

/** Run one task: what a pool worker does with each message, and what the in-process core does directly. */
export function runCoreTask<T extends CoreTask>(task: T): CoreResult<T> {
  const handler = HANDLERS[task.kind] as unknown as (t: T) => CoreResult<T>;
  if (!handler) throw new Error(`unknown core task: ${String((task as { kind?: unknown }).kind)}`);
  return handler(task);
}
