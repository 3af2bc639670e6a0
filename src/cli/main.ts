import { parseArgs } from 'node:util';
import { isUserError, errorMessage } from '../errors.js';
import { COMMANDS, type CommandOptions } from './commands.js';
import { readInput } from './input.js';

const USAGE = `usage: jobcard <command> [FILE|URL|-]... [options]

commands:
  clean     the cleaned posting as plain text
  repair    the input with only its text encoding repaired
  extract   the Posting fields (--json for the contract's JSON)
  card      the card (--format text|slack|discord)
  detect    "posting" or "not a posting", with the score and signals (exit 1 when not)

options:
  --json             one JSON object per input per line
  --explain          to stderr: which steps changed what
  --format FMT       card format: text (default), slack, discord
  --max-bytes N      largest input accepted (default 2 MB; env JOBCARD_MAX_BYTES)
  -h, --help         this help

With no FILE, or FILE "-", reads standard input. Exit: 0 done, 1 not a posting (detect), 2 bad input.`;

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** A usage error: one line on stderr and exit status 2 (thrown, so no output is cut short). */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        'max-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    fail(`${errorMessage(err)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [name, ...args] = positionals;
  if (values.help || !name) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) fail(`unknown command "${name}"\n${USAGE}`);
  const format = values.format;
  if (format !== 'text' && format !== 'slack' && format !== 'discord') fail(`--format must be text, slack or discord, not "${format}"`);
  const maxBytesArg = values['max-bytes'] ?? process.env.JOBCARD_MAX_BYTES;
  const maxBytes = maxBytesArg === undefined ? DEFAULT_MAX_BYTES : Number(maxBytesArg);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) fail(`--max-bytes must be a positive whole number of bytes`);
  const opts: CommandOptions = { maxBytes, format, allowPrivate: process.env.JOBCARD_ALLOW_PRIVATE_URLS === '1' };

  const inputs = args.length > 0 ? args : ['-'];
  // Output is gathered and written in large pieces: over thousands of small inputs a write per
  // input costs more than the work.
  let pending = '';
  const print = (s: string): void => {
    pending += s;
    if (pending.length >= 64 * 1024) {
      process.stdout.write(pending);
      pending = '';
    }
  };
  let status = 0;
  for (const arg of inputs) {
    try {
      const input = await readInput(arg, maxBytes);
      const out = await command(input, opts);
      if (values.explain) for (const line of out.explain) process.stderr.write(`${inputs.length > 1 ? `${arg}: ` : ''}${line}\n`);
      if (values.json) print(`${JSON.stringify({ file: arg, ...out.json })}\n`);
      else print(`${inputs.length > 1 ? `==> ${arg} <==\n` : ''}${out.human}${out.verbatim ? '' : '\n'}`);
      status = Math.max(status, out.status);
    } catch (err) {
      if (!isUserError(err)) {
        // An internal error: one line, never a stack trace (JOBCARD_DEBUG=1 shows it).
        if (process.env.JOBCARD_DEBUG === '1') console.error(err);
      }
      const message = isUserError(err) ? err.message : `internal error: ${errorMessage(err)}`;
      if (values.json) print(`${JSON.stringify({ file: arg, error: message })}\n`);
      process.stderr.write(`jobcard: ${message.startsWith(arg) ? message : `${arg}: ${message}`}\n`);
      status = 2;
    }
  }
  if (pending.length > 0) process.stdout.write(pending);
  return status;
}

// Set the exit status and let Node exit when stdout has drained: `process.exit()` right after
// a large write cuts a piped, slowly read output at the pipe's buffer (64 KiB).
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`jobcard: ${errorMessage(err)}\n`);
    process.exitCode = 2;
  },
);
