import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { decodeBytes, type Decoded } from '../decode.js';
import { UserError } from '../errors.js';

export interface Input {
  /** The name shown in output: the file path, "-" for standard input, or the URL. */
  name: string;
  kind: 'bytes' | 'url';
  bytes?: Uint8Array;
}

export function isUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** Read one argument: "-" is standard input, a URL stays a URL, anything else is a file. */
export async function readInput(arg: string, maxBytes: number): Promise<Input> {
  if (isUrl(arg)) return { name: arg, kind: 'url' };
  if (arg === '-') return { name: '-', kind: 'bytes', bytes: await readStdin(maxBytes) };
  // Files are read synchronously: the CLI does one thing at a time, and an awaited stat and read
  // per file cost a trip through the thread pool each (most of the time over many small files).
  // One open, then its size, then the read: no path is looked up twice.
  let fd: number;
  try {
    fd = openSync(arg, 'r');
  } catch {
    throw new UserError('bad-input', `${arg}: no such file`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UserError('bad-input', `${arg}: not a file`);
    if (info.size > maxBytes) throw new UserError('too-large', `${arg}: ${formatSize(info.size)} is over the ${formatSize(maxBytes)} limit`);
    return { name: arg, kind: 'bytes', bytes: readFileSync(fd) };
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError('bad-input', `${arg}: not a file`);
  } finally {
    closeSync(fd);
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buf.length;
    if (total > maxBytes) throw new UserError('too-large', `standard input is over the ${formatSize(maxBytes)} limit`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function decodeInput(input: Input, maxBytes: number): Decoded {
  return decodeBytes(input.bytes ?? new Uint8Array(), { maxBytes });
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
