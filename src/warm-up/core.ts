import { analyzeText } from '../pipeline.js';
import { WARM_UP_SAMPLES } from './samples.js';

/**
 * Enough passes for every pattern to be compiled and the hot functions optimised. Measured over
 * the 72 fixture texts: a first pass after no warm-up took 830-850 ms (one text 230-240 ms); after
 * 2-3 rounds it took 300-380 ms (worst text 13-20 ms), the same as after 10 rounds. More rounds
 * only cost start-up time, and memory: 10 rounds left the bot's process about 8 MB larger.
 */
export const DEFAULT_ROUNDS = 3;

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

/** The texts a warm-up runs: each sample, its Latin-1 form and its flattened form. */
export function warmUpTexts(): string[] {
  return WARM_UP_SAMPLES.flatMap(variants);
}

/**
 * The core alone over the samples, at once: what a pool worker does when it starts, before it
 * takes tasks, so a fresh worker (at start-up, or replacing one that was abandoned) answers its
 * first paste at full speed. Returns how many texts it ran.
 */
export function warmCore(rounds = DEFAULT_ROUNDS): number {
  const texts = warmUpTexts();
  for (let round = 0; round < rounds; round++) for (const text of texts) analyzeText(text);
  return rounds * texts.length;
}

