import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/card/types.js';
import { analyzeText } from '../../src/pipeline.js';
import { warmUp } from '../../src/warm-up/index.js';
import { WARM_UP_SAMPLES } from '../../src/warm-up/samples.js';

describe('start-up warm-up', () => {
  it('uses samples the core takes for postings, with the facts a card shows', () => {
    for (const sample of WARM_UP_SAMPLES) {
      const { posting } = analyzeText(sample);
      expect(posting).not.toBeNull();
      expect(posting?.pay.length).toBeGreaterThan(0);
      expect(posting?.title).not.toBeNull();
      expect(posting?.requirements.minYears).not.toBeNull();
    }
  });

  it('includes a plain Latin-1 text and one that lost its line breaks, besides the samples as written', () => {
    // V8 compiles each pattern once for one-byte and once for two-byte strings: both must run.
    expect(WARM_UP_SAMPLES.some((s) => /[^\u0000-\u00ff]/.test(s))).toBe(true);
    const seen: string[] = [];
    return warmUp({ rounds: 1, renderers: [(card: Card) => seen.push(card.title.title ?? '')] }).then((result) => {
      expect(result.texts).toBe(WARM_UP_SAMPLES.length * 3);
      // The samples and their Latin-1 texts read as postings, so extraction and rendering are warmed too.
      expect(seen.length).toBeGreaterThanOrEqual(WARM_UP_SAMPLES.length * 2);
    });
  });

  it('yields to the event loop between samples, so events are answered meanwhile', async () => {
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    try {
      const result = await warmUp({ rounds: 2 });
      expect(turns).toBeGreaterThan(result.texts / 4);
    } finally {
      clearInterval(ticker);
    }
  });

  it('stops when asked (shutdown began)', async () => {
    const stop = new AbortController();
    const running = warmUp({ rounds: 50, signal: stop.signal });
    await new Promise((resolve) => setImmediate(resolve));
    stop.abort();
    const result = await running;
    expect(result.texts).toBeLessThan(5);
  });
});
