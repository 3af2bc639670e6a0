import { MapBackend } from './backend.js';
import { JobStore, type Retention, DEFAULT_RETENTION } from './job-store.js';

/** A Store kept in process memory: for tests and for runs that ask for no persistence. */
export class MemoryStore extends JobStore {
  constructor(retention: Retention = DEFAULT_RETENTION, now?: () => number) {
    super(new MapBackend(now), retention);
  }
}
