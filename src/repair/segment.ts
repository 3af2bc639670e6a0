import { isBad } from './badness.js';
import { CODECS, codec, encodeSingleByte } from './codecs.js';
import { replaceLossySequences, restoreByteA0 } from './transcoders.js';
import { bestRunRepair } from './runs.js';
import { decodeUtf8Variants, isUtf8Variants } from './utf8.js';

export interface SegmentRepair {
  text: string;
  /** The codec of each step, in order ("sloppy-windows-1252", "macroman", "c1-controls"…). */
  steps: string[];
}

// Each step undoes one layer of mojibake, so this is never reached on real text;
// it bounds the work on adversarial input.
const MAX_STEPS = 16;

/**
 * Repair one segment (a line): repeat single steps until nothing changes, so mojibake of
 * mojibake comes undone one layer at a time.
 */
export function repairSegment(segment: string, hint?: CodecHint): SegmentRepair {
  let text = segment;
  const steps: string[] = [];
  for (let i = 0; i < MAX_STEPS; i++) {
    const step = repairStep(text, hint);
    if (step === null || step.text === text) break;
    text = step.text;
    steps.push(step.codec);
  }
  return { text, steps };
}

interface Step {
  text: string;
  codec: string;
}

/**
 * One step, in the order of confidence: the whole segment re-encoded with one codec and
 * decoded as UTF-8; else only the garbled runs inside it (a line that mixes right accents
 * with mojibake); else C1 control characters read as the Windows-1252 they were.
 */
function repairStep(text: string, hint?: CodecHint): Step | null {
  if (!isBad(text)) return null;
  return wholeSegment(text, hint) ?? garbledRuns(text) ?? c1Controls(text);
}

/**
 * The codec that undid the previous line of the same text. A paste is garbled one way
 * throughout, so that codec is tried first; on a long garbled paste most lines then need one
 * re-encoding instead of trying, say, eight codecs before Mac Roman. Only a line that decodes
 * under more than one codec could come out differently, and the paste's own codec is the
 * better guess for it.
 */
export interface CodecHint {
  codec?: string;
}

function wholeSegment(text: string, hint?: CodecHint): Step | null {
  const first = hint?.codec;
  const order = first === undefined ? CODECS : [...CODECS.filter((c) => c.name === first), ...CODECS.filter((c) => c.name !== first)];
  for (const c of order) {
    const encoded = encodeSingleByte(text, c, true);
    if (encoded === null) continue;
    let bytes = encoded;
    // Byte 1A is the sloppy codecs' U+FFFD: it must go through replaceLossySequences too.
    if (!isUtf8Variants(bytes) || (c.sloppy && bytes.includes(0x1a))) {
      // Mac Roman has no byte A0 to lose: its non-breaking space is CA.
      if (c.name !== 'macroman') bytes = restoreByteA0(bytes);
      if (c.sloppy) bytes = replaceLossySequences(bytes);
      if (!isUtf8Variants(bytes)) continue;
    }
    const decoded = decodeUtf8Variants(bytes);
    if (decoded !== null && !introducesImplausible(text, decoded)) {
      if (hint) hint.codec = c.name;
      return { text: decoded, codec: c.name };
    }
  }
  return null;
}

const IMPLAUSIBLE_RE = /[\p{Co}\p{Cn}\u0080-\u009f]/u;

/** A decoding that brings in private-use, unassigned or C1 characters is the wrong one. */
function introducesImplausible(before: string, after: string): boolean {
  return IMPLAUSIBLE_RE.test(after) && !IMPLAUSIBLE_RE.test(before);
}

/** Mojibake runs inside a segment that does not re-encode as a whole. */
function garbledRuns(text: string): Step | null {
  const best = bestRunRepair(text);
  return best === null ? null : { text: best.text, codec: best.codec };
}

const C1_RE = /[\u0080-\u009f]/g;
const windows1252 = codec('sloppy-windows-1252');

/** C1 controls are Windows-1252 punctuation that was read as Latin-1 (\x93 for “). */
function c1Controls(text: string): Step | null {
  const fixed = text.replace(C1_RE, (ch) => windows1252.high[ch.charCodeAt(0) - 0x80] ?? ch);
  return fixed === text ? null : { text: fixed, codec: 'c1-controls' };
}
