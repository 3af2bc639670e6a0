import handleTask from '../../src/pool/worker.js';
import type { CoreTask } from '../../src/pool/task.js';
import type { PingTask } from '../../src/pool/worker.js';

/**
 * The real pool worker, with one test-only difference: a text containing HANG_MARK never
 * finishes (a busy loop, as a catastrophic regular expression would spin). It makes a task past
 * the time limit certain, whatever the patterns in the core are.
 */
export const HANG_MARK = 'JOBCARD-TEST-HANG';

export default function slowTask(task: CoreTask | PingTask): unknown {
  if (task.kind === 'text' && task.text.includes(HANG_MARK)) {
    for (;;) {
      // Spin: only terminating the thread ends this.
    }
  }
  return handleTask(task);
}
