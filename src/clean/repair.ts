import { repairMojibake } from '../repair/index.js';
import type { ExplainEntry, TextStep } from './types.js';

/** Undo wrong decodes (UTF-8 read as Mac Roman, Windows-1252…); the repair itself lives in src/repair. */
export function repairEncoding(text: string, explain: ExplainEntry[]): string {
  const result = repairMojibake(text);
  for (const r of result.repairs) {
    explain.push({ step: 'repair', rule: r.codec, before: r.before, after: r.after });
  }
  return result.text;
}

export const repair: TextStep = { name: 'repair', run: repairEncoding };
