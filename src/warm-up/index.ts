import { buildCard } from '../card/build.js';
import type { Card } from '../card/types.js';
import { inProcessCore, type Core } from '../pool/core.js';
import { DEFAULT_ROUNDS, warmUpTexts } from './core.js';

export { warmCore, warmUpTexts } from './core.js';

export interface WarmUpOptions {
  rounds?: number;
  /**
   * Where the core runs (default this thread). With the bot's worker pool, whose workers warm
   * themselves as they start, one round warms what stays on this thread: reading the results
   * and rendering cards.
   */
  core?: Core;
  /** Renderers to warm with each card (the adapters' Block Kit and embed builders). */
  renderers?: ReadonlyArray<(card: Card) => unknown>;
  /** Stop early (shutdown began). */
  signal?: AbortSignal;
}

export interface WarmUpResult {
  texts: number;
  ms: number;
}

/**
 * Run the core (clean, detect, extract) and card rendering over built-in sample postings, one
 * text per turn of the event loop, so the first real pastes after a start find V8's code
 * compiled and optimised instead of paying for it (a cold core took 2 to 5 times as long).
 * Events that arrive meanwhile are answered between two samples. Nothing is stored or sent.
 */
export async function warmUp(opts: WarmUpOptions = {}): Promise<WarmUpResult> {
  const started = performance.now();
  const texts = warmUpTexts();
  const core = opts.core ?? inProcessCore;
  let done = 0;
  for (let round = 0; round < (opts.rounds ?? DEFAULT_ROUNDS); round++) {
    for (const text of texts) {
      if (opts.signal?.aborted) return { texts: done, ms: performance.now() - started };
      await new Promise((resolve) => setImmediate(resolve));
      const { posting } = await core.run({ kind: 'text', text });
      if (posting) {
        const card = buildCard(posting, { sharedBy: { platform: 'local', id: 'warm-up', name: null } });
        for (const render of opts.renderers ?? []) render(card);
      }
      done += 1;
    }
  }
  return { texts: done, ms: performance.now() - started };
}
