import { MapBackend } from './backend.js';
import { JobStore, type Retention, type StoreLogger } from './job-store.js';
import { KeyvBackend } from './keyv-backend.js';
import { errorMessage } from '../errors.js';

export { JobStore, DEFAULT_RETENTION, type Retention } from './job-store.js';
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
      // Connection errors repeat while a server is down: log each distinct one once.
      const message = errorMessage(err);
      if (message !== lastError) log?.error({ err: message }, 'store backend error');
      lastError = message;
    },
  });
  return new JobStore(backend, retention, log);
}
