import { MapBackend, StoreFault } from './backend.js';
import { JobStore, type Retention, type StoreLogger } from './job-store.js';
import { KeyvBackend } from './keyv-backend.js';
import { errorMessage } from '../errors.js';

export { JobStore, DEFAULT_RETENTION, type Retention } from './job-store.js';
export { StoreFault, type StoreProblem } from './backend.js';
export { parseSealKey, SealError, Sealer, SealedRecords } from './sealed.js';
export { MemoryStore } from './memory.js';
export type { Share, Store, TeamEntry } from './types.js';

/**
 * The store STORE_URL names: `sqlite://path` (the embedded default), `redis://…`,
 * `postgres://…`, or `memory:` (nothing kept across restarts).
 */
export function openStore(url: string, retention: Retention, log?: StoreLogger & { error(obj: object, msg: string): void }): JobStore {
  if (url.startsWith('memory:')) return new JobStore(new MapBackend(), retention, log);
  let lastError = '';
  const backend = KeyvBackend.open(url, {
    onError: (err) => {
      if (err instanceof StoreFault) {
        // Found once per fault by the backend itself: the file gone or corrupt, writes failing.
        log?.error({ problem: err.problem, err: err.message }, 'store fault');
        return;
      }
      // Connection errors repeat while a server is down: log each distinct one once.
      const message = errorMessage(err);
      const details = (err as { details?: object }).details;
      if (message !== lastError) log?.error({ err: message, ...details }, 'store backend error');
      lastError = message;
    },
    onRecovered: ({ problem, action }) => {
      lastError = '';
      log?.warn({ problem, action }, `store recovered: ${action}`);
    },
  });
  return new JobStore(backend, retention, log);
}
