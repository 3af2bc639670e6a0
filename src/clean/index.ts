import { repairMojibake } from '../repair/index.js';

// Placeholder until the cleaning pipeline lands (issue 2).
export interface ExplainEntry {
  step: string;
  rule: string;
  /** The text removed, or the text before a change. */
  before: string;
  /** The text after a change; empty for a removal. */
  after: string;
}
export interface CleanResult {
  text: string;
  explain: ExplainEntry[];
}
export function cleanPosting(input: string): CleanResult {
  const repaired = repairMojibake(input);
  return { text: repaired.text.trim(), explain: [] };
}
