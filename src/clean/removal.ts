import type { ExplainEntry } from './types.js';

// Explain entries quote what was removed; a 2 MB rail quoted in full helps no one.
const MAX_QUOTE = 2000;

/** Record removed lines, one entry per run of lines removed by the same rule. */
export class RemovalLog {
  private rule: string | null = null;
  private parts: string[] = [];
  private length = 0;
  private count = 0;

  constructor(
    private readonly step: string,
    private readonly explain: ExplainEntry[],
  ) {}

  remove(rule: string, text: string): void {
    if (rule !== this.rule) this.flush();
    this.rule = rule;
    this.count += 1;
    if (text.trim() === '') return;
    if (this.length < MAX_QUOTE) {
      this.parts.push(text);
      this.length += text.length + 1;
    }
  }

  /** Close the current run (call when a kept line interrupts it, and at the end). */
  flush(): void {
    if (this.rule !== null && this.parts.length > 0) {
      let before = this.parts.join('\n');
      if (before.length > MAX_QUOTE) before = `${before.slice(0, MAX_QUOTE)}…`;
      const entry: ExplainEntry = { step: this.step, rule: this.rule, before, after: '' };
      if (this.count > 1) entry.count = this.count;
      this.explain.push(entry);
    }
    this.rule = null;
    this.parts = [];
    this.length = 0;
    this.count = 0;
  }
}
