/**
 * Reads a fetch() body into memory, or null once it passes `maxBytes`: a declared size can
 * lie or be missing, so the count is kept while reading and the stream is cancelled past it.
 * (The link fetcher reads undici's Node streams with its own reader, after decompression.)
 */
export async function readWebBodyCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
