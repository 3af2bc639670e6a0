/** One thing a cleaning step did: a removed block (after = '') or a change (before → after). */
export interface ExplainEntry {
  step: string;
  rule: string;
  /** The text removed, or the text before a change. */
  before: string;
  /** The text after a change; empty for a removal. */
  after: string;
  /** How many times the rule fired, for rules reported once in aggregate (whitespace, bullet marks). */
  count?: number;
}

export interface CleanResult {
  text: string;
  explain: ExplainEntry[];
}

/** A step over the whole text (before it is split into lines). */
export interface TextStep {
  name: string;
  run(text: string, explain: ExplainEntry[]): string;
}

/** A step over lines; '' is a blank line. */
export interface LineStep {
  name: string;
  run(lines: string[], explain: ExplainEntry[]): string[];
}
