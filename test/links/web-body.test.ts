import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWebBodyCapped } from '../../src/links/web-body.js';
import { stalledCompressed, startHttpSite, type HttpSite } from '../fakes/http-site.js';

let site: HttpSite;
beforeAll(async () => {
  site = await startHttpSite();
  site.route('/stall-gzip', stalledCompressed('gzip'));
});
afterAll(() => site.close());

/** A stream of `count` chunks of `size` bytes that records whether the reader cancelled it. */
function chunkedStream(count: number, size: number): { stream: ReadableStream<Uint8Array>; state: { pulled: number; cancelled: boolean } } {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === count) return controller.close();
      state.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(65));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('readWebBodyCapped', () => {
  it('reads a body at or under the cap whole', async () => {
    const { stream } = chunkedStream(4, 250);
    const bytes = await readWebBodyCapped(stream, 1000);
    expect(bytes?.byteLength).toBe(1000);
  });

  it('gives null and stops reading once the body passes the cap, whatever size was declared', async () => {
    const { stream, state } = chunkedStream(100, 250);
    expect(await readWebBodyCapped(stream, 1000)).toBeNull();
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(100);
  });

  it('ends with an error when a compressed download stalls and its fetch is aborted (its timeout)', async () => {
    const deadline = new AbortController();
    const res = await fetch(site.url('/stall-gzip'), { signal: deadline.signal });
    // Aborted once the body is being read, as the adapters' AbortSignal.timeout does to a stalled download.
    setTimeout(() => deadline.abort(), 200);
    await expect(readWebBodyCapped(res.body as ReadableStream<Uint8Array>, 1_000_000)).rejects.toThrow(/abort/i);
  });
});
