import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchCapped, isTextAttachment, MAX_ATTACHMENT_BYTES } from '../../../adapters/discord/attachments.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Serves `size` bytes of text, chunked, without a Content-Length (so only counting can stop it). */
async function serveChunked(size: number): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const write = (): void => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!res.write(part)) {
          res.once('drain', write);
          return;
        }
      }
      res.end();
    };
    write();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/message.txt`;
}

describe('text attachments', () => {
  it('takes message.txt and other plain-text files up to 1 MB, nothing else', () => {
    expect(isTextAttachment({ name: 'message.txt', contentType: 'text/plain; charset=utf-8', size: 12_000 })).toBe(true);
    expect(isTextAttachment({ name: 'posting.md', contentType: null, size: 5_000 })).toBe(true);
    expect(isTextAttachment({ name: 'message.txt', contentType: 'text/plain', size: MAX_ATTACHMENT_BYTES + 1 })).toBe(false);
    expect(isTextAttachment({ name: 'cv.pdf', contentType: 'application/pdf', size: 5_000 })).toBe(false);
    expect(isTextAttachment({ name: 'page.html', contentType: 'text/html', size: 5_000 })).toBe(false);
  });

  it('downloads a file within the limit', async () => {
    const url = await serveChunked(200_000);
    expect((await fetchCapped(url, MAX_ATTACHMENT_BYTES)).byteLength).toBe(200_000);
  });

  it('stops reading a file that grows past the limit, whatever the headers said', async () => {
    const url = await serveChunked(MAX_ATTACHMENT_BYTES * 3);
    await expect(fetchCapped(url, MAX_ATTACHMENT_BYTES)).rejects.toThrow(/over/);
  });
});
