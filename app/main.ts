import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { environmentFor, parseRole } from './role.js';
import { errorMessage } from '../src/errors.js';

/** A configuration problem: one line each, never a value (it may be a secret), exit 2. */
function refuse(problems: readonly string[]): never {
  for (const problem of problems) process.stderr.write(`jobcard: ${problem}\n`);
  process.exit(2);
}

/**
 * `npm start`: read the environment (and .env when present), start every platform whose
 * credentials are set, or the local playground; stop cleanly on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) loadDotenv({ path: '.env', quiet: true });
  const role = parseRole(process.argv.slice(2));
  if (typeof role !== 'string') return refuse([role.problem]);
  const { env, problems } = environmentFor(role, process.env);
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return refuse([...err.problems, ...problems]);
  }
  if (problems.length > 0) return refuse(problems);
  const log = createLogger(config.LOG_LEVEL);
  let running;
  try {
    // Loaded only once the configuration is sound: a mistake is reported without waiting for
    // Bolt, discord.js and the store drivers to load.
    const { startJobcard } = await import('./start.js');
    running = await startJobcard(config, log);
  } catch (err) {
    // Start-up errors (a rejected token, a port in use) are one line an operator can act on.
    const message = errorMessage(err);
    log.fatal({ err: message }, 'jobcard could not start');
    process.stderr.write(`jobcard: ${message}\n`);
    process.exit(1);
  }
  log.info({ role, parts: running.parts, port: running.port }, 'jobcard running');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping: finishing replies in flight');
    running.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err: errorMessage(err) }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`jobcard: ${errorMessage(err)}\n`);
  process.exit(1);
});
