import type { Attachment as DiscordAttachment, Collection } from 'discord.js';
import type { Attachment } from '../../src/desk/types.js';
import { readWebBodyCapped } from '../../src/links/web-body.js';
import { describeError, type Log as DiscordLogger } from '../../src/log.js';

/** Long pastes arrive as `message.txt`; a text file up to this size is read like a paste. */
export const MAX_ATTACHMENT_BYTES = 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

/** Plain-text attachments (by content type, or by extension when Discord gives none) within the size limit. */
export function isTextAttachment(a: Pick<DiscordAttachment, 'contentType' | 'name' | 'size'>): boolean {
  if (a.size > MAX_ATTACHMENT_BYTES) return false;
  if (a.contentType) return /^text\/(plain|markdown)\b/i.test(a.contentType);
  return /\.(txt|md|text)$/i.test(a.name);
}

/**
 * Download the text attachments of a message as raw bytes (the core decodes them).
 * The URLs come from the gateway; a file that cannot be read is logged and left out.
 */
export async function readTextAttachments(
  attachments: Collection<string, DiscordAttachment>,
  log: DiscordLogger,
): Promise<Attachment[]> {
  const wanted = [...attachments.values()].filter(isTextAttachment);
  const files = await Promise.all(
    wanted.map(async (a): Promise<Attachment | null> => {
      try {
        return { name: a.name, bytes: await fetchCapped(a.url, MAX_ATTACHMENT_BYTES) };
      } catch (err) {
        log.warn({ err: describeError(err), attachment: a.name }, 'could not read a text attachment');
        return null;
      }
    }),
  );
  return files.filter((f): f is Attachment => f !== null);
}

/** GET a URL into memory, refusing bodies past `maxBytes` whatever Content-Length claims. */
export async function fetchCapped(url: string, maxBytes: number): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  if (!res.ok || !res.body) throw new Error(`attachment download failed: HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body.cancel();
    throw new Error(`attachment is ${declared} bytes, over ${maxBytes}`);
  }
  const bytes = await readWebBodyCapped(res.body, maxBytes);
  if (bytes === null) throw new Error(`attachment is over ${maxBytes} bytes`);
  return new Uint8Array(bytes);
}
