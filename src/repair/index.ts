import { repairSegment, type CodecHint } from './segment.js';

export interface Repair {
  before: string;
  after: string;
  /** How it was garbled: the codec the UTF-8 bytes were wrongly read as ("macroman", "sloppy-windows-1252"…). */
  codec: string;
}
export interface RepairResult {
  text: string;
  repairs: Repair[];
}

// Mojibake is always made of non-ASCII characters: lines without any are skipped unread.
const NON_ASCII_RE = /[^\x00-\x7f]/g;

/**
 * Repair text that went through a wrong decode (UTF-8 read as Mac Roman, Windows-1252,
 * Latin-1…, once or twice over), line by line, so that a paste mixing clean and garbled
 * lines has only its garbled lines touched. Text that is right is left as it is.
 */
export function repairMojibake(text: string): RepairResult {
  const repairs: Repair[] = [];
  let out = '';
  let copied = 0;
  const scan = new RegExp(NON_ASCII_RE.source, 'g');
  const hint: CodecHint = {};
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    const newline = text.indexOf('\n', m.index);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const fixed = repairSegment(line, hint);
    if (fixed.text !== line) {
      out += text.slice(copied, start) + fixed.text;
      copied = end;
      repairs.push(...describe(line, fixed.text, fixed.steps.join(' + ')));
    }
    scan.lastIndex = end;
  }
  return { text: copied === 0 ? text : out + text.slice(copied), repairs };
}

/**
 * Before → after for --explain, word by word where the words line up (repair keeps
 * whitespace), so a long line reports "You‚Äôll → You’ll" rather than the whole line.
 */
function describe(before: string, after: string, codec: string): Repair[] {
  const a = wordSpans(before);
  const b = wordSpans(after);
  if (a.length !== b.length) return [{ before, after, codec }];
  const words = a.length / 2;
  const same = (k: number): boolean => before.slice(a[2 * k], a[2 * k + 1]) === after.slice(b[2 * k], b[2 * k + 1]);
  const repairs: Repair[] = [];
  for (let i = 0; i < words; ) {
    if (same(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words && !same(j)) j++;
    repairs.push({
      before: before.slice(a[2 * i], a[2 * j - 1]),
      after: after.slice(b[2 * i], b[2 * j - 1]),
      codec,
    });
    i = j;
  }
  return repairs.length > 0 ? repairs : [{ before, after, codec }];
}

const WORD_RE = /\S+/g;

/** Start and end of each run of non-space characters, flat: [s0, e0, s1, e1, …]. */
function wordSpans(text: string): number[] {
  const spans: number[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) spans.push(m.index, m.index + m[0].length);
  return spans;
}
