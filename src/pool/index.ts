export { CORE_MESSAGES, CoreBusyError, CoreTimeoutError, inProcessCore, type Core } from './core.js';
export { CorePool, defaultCoreThreads, DEFAULT_CORE_TIMEOUT_MS, type CorePoolOptions, type CorePoolStatus } from './pool.js';
export { runCoreTask, type CoreResult, type CoreTask, type TextReading, type TextTask } from './task.js';
