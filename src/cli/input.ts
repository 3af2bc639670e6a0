import { readFile, stat } from 'node:fs/promises';
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
  let size: number;
  try {
    const info = await stat(arg);
    if (!info.isFile()) throw new UserError('bad-input', `${arg}: not a file`);
    size = info.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError('bad-input', `${arg}: no such file`);
  }
  if (size > maxBytes) throw new UserError('too-large', `${arg}: ${formatSize(size)} is over the ${formatSize(maxBytes)} limit`);
  return { name: arg, kind: 'bytes', bytes: await readFile(arg) };
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
