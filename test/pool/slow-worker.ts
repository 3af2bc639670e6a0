import handleTask from '../../src/pool/worker.js';
import type { CoreTask } from '../../src/pool/task.js';
import type { PingTask } from '../../src/pool/worker.js';

/**
 * The line an audit found that made the title patterns backtrack without end (issue 14): a
 * posting-shaped paste holding it kept the core busy forever. The patterns are linear now.
 */
export const HOSTILE_LINE = `Senior Engineer ${'A'.repeat(40)} x`;

/**
 * The real pool worker, with one test-only difference: a text holding HOSTILE_LINE never
 * finishes (a busy loop, spinning as the old patterns did), so a task past the time limit is
 * certain whatever the core's patterns are.
 */
export default function slowTask(task: CoreTask | PingTask): unknown {
  if (task.kind === 'text' && task.text.includes(HOSTILE_LINE)) {
    for (;;) {
      // Spin: only terminating the thread ends this.
    }
  }
  return handleTask(task);
}
