/**
 * Splits long text into chunks whose measured size stays within `limit`, on the largest
 * boundary that works: paragraphs, then lines, then words, then characters. `measure` gives
 * the size a piece will have once escaped for its target (default: its length).
 */
export type Measure = (text: string) => number;

const BOUNDARIES = ['\n\n', '\n', ' '] as const;

function splitByChars(text: string, limit: number, measure: Measure): string[] {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of text) {
    const chSize = measure(ch);
    if (current !== '' && size + chSize > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += chSize;
  }
  if (current !== '') out.push(current);
  return out;
}

function splitAt(text: string, limit: number, measure: Measure, level: number): string[] {
  if (measure(text) <= limit) return [text];
  const sep = BOUNDARIES[level];
  if (sep === undefined) return splitByChars(text, limit, measure);
  const pieces = text.split(sep).flatMap((p) =>
    measure(p) <= limit ? [p] : splitAt(p, limit, measure, level + 1));
  // Pack pieces greedily; sizes add up, so no piece is measured twice against a growing chunk.
  const sepSize = measure(sep);
  const out: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    const pieceSize = measure(piece);
    const added = current.length === 0 ? pieceSize : size + sepSize + pieceSize;
    if (current.length > 0 && added > limit) {
      out.push(current.join(sep));
      current = [piece];
      size = pieceSize;
    } else {
      current.push(piece);
      size = added;
    }
  }
  if (current.length > 0) out.push(current.join(sep));
  return out;
}

export function splitText(text: string, limit: number, measure: Measure = (t) => t.length): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (normalised === '') return [];
  const chunks = splitAt(normalised, limit, measure, 0)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  // Escaping can depend on neighbours (a line start, "@" + "everyone"); re-split any chunk
  // whose real size came out over, with a little room.
  return chunks.flatMap((c) => (measure(c) <= limit ? [c] : splitText(c, Math.max(1, limit - 8), measure)));
}
