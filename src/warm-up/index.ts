import { buildCard } from '../card/build.js';
import type { Card } from '../card/types.js';
import { analyzeText } from '../pipeline.js';
import { WARM_UP_SAMPLES } from './samples.js';

/**
 * Enough passes for every pattern to be compiled and the hot functions optimised. Measured over
 * the 72 fixture texts: a first pass after no warm-up took 830-850 ms (one text 230-240 ms); after
 * 2-3 rounds it took 300-380 ms (worst text 13-20 ms), the same as after 10 rounds. More rounds
 * only cost start-up time, and memory: 10 rounds left the bot's process about 8 MB larger.
 */
const DEFAULT_ROUNDS = 3;

export interface WarmUpOptions {
  rounds?: number;
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
 * The same sample twice more: with only Latin-1 characters, and with its line breaks lost.
 *
 * V8 compiles a regular expression separately for strings of one-byte (Latin-1) and of two-byte
 * characters, on first use with each. A plain-ASCII paste after a run of postings with curly
 * quotes paid for compiling every pattern again (about 35 ms on a 571-character Indeed paste),
 * so the warm-up runs both kinds. Flattened pastes take paths of their own in the cleaner.
 */
function variants(sample: string): string[] {
  const latin1 = sample
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐-―]/g, '-')
    .replace(/[•‣◦▪●]/g, '-')
    .replace(/[^\u0000-\u00ff]/g, ' ');
  return [sample, latin1, latin1.replace(/\s*\n\s*/g, ' ')];
}

/**
 * Run the core (clean, detect, extract) and card rendering over built-in sample postings, one
 * text per turn of the event loop, so the first real pastes after a start find V8's code
 * compiled and optimised instead of paying for it (a cold core took 2 to 5 times as long).
 * Events that arrive meanwhile are answered between two samples. Nothing is stored or sent.
 */
export async function warmUp(opts: WarmUpOptions = {}): Promise<WarmUpResult> {
  const started = performance.now();
  const texts = WARM_UP_SAMPLES.flatMap(variants);
  let done = 0;
  for (let round = 0; round < (opts.rounds ?? DEFAULT_ROUNDS); round++) {
    for (const text of texts) {
      if (opts.signal?.aborted) return { texts: done, ms: performance.now() - started };
      await new Promise((resolve) => setImmediate(resolve));
      const { posting } = analyzeText(text);
      if (posting) {
        const card = buildCard(posting, { sharedBy: { platform: 'local', id: 'warm-up', name: null } });
        for (const render of opts.renderers ?? []) render(card);
      }
      done += 1;
    }
  }
  return { texts: done, ms: performance.now() - started };
}
