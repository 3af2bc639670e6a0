import { describe, expect, it } from 'vitest';
import { structurePosting } from '../../src/clean/structure.js';
import type { ExplainEntry } from '../../src/clean/types.js';

function structure(text: string, explain: ExplainEntry[] = []): string {
  return structurePosting(text.split('\n'), explain).join('\n');
}

describe('structure', () => {
  it('normalises bullet marks, numbers and emoji bullets to "• "', () => {
    const out = structure(['Requirements', '- Python', '* Go', '▪ SQL', '1. Kafka', '2) Spark', '✅ Docker', '👉 AWS', '   ◦ nested'].join('\n'));
    expect(out).toBe(['Requirements', '• Python', '• Go', '• SQL', '• Kafka', '• Spark', '• Docker', '• AWS', '• nested'].join('\n'));
  });

  it('joins lines broken mid-sentence but not across a blank line, after a full stop or in the title block', () => {
    expect(structure('About the role\nWe build systems that\nserve millions of riders.')).toBe('About the role\nWe build systems that serve millions of riders.');
    expect(structure('About the role\nWe build systems.\nserve people')).toBe('About the role\nWe build systems.\n\nserve people');
    expect(structure('About the role\nWe build systems that\n\nserve people')).toBe('About the role\nWe build systems that\n\nserve people');
    expect(structure('Acme\nsenior engineer')).toBe('Acme\nsenior engineer');
  });

  it('recognises headings and puts one blank line before each', () => {
    const out = structure(['Intro line.', 'Basic Qualifications:', '', '', "Bachelor's degree", 'At least 4 years of Python', "What you'll do", 'Build things.'].join('\n'));
    expect(out).toBe(['Intro line.', '', 'Basic Qualifications:', "• Bachelor's degree", '• At least 4 years of Python', '', "What you'll do", 'Build things.'].join('\n'));
  });

  it('keeps the title block tight and separates it from the body', () => {
    const out = structure(['Capital One', '', 'Senior Machine Learning Engineer ', '', 'Cambridge, MA · 1 week ago', '', 'Full-time', '', 'About the job'].join('\n'));
    expect(out).toBe(['Capital One', 'Senior Machine Learning Engineer', 'Cambridge, MA · 1 week ago', 'Full-time', '', 'About the job'].join('\n'));
  });

  it('joins a field label with its value ("Employment type" / "Full-time")', () => {
    expect(structure('Senior Designer\nEmployment type\nFull-time\nLocation\nBerlin')).toBe('Senior Designer\nEmployment type: Full-time\nLocation: Berlin');
  });

  it('strips markdown heading marks and emoji in front of headings', () => {
    expect(structure('## Requirements\n- Go\n\n🚀 About you\nCurious.')).toBe('Requirements\n• Go\n\nAbout you\nCurious.');
  });

  it('records its changes in aggregate for --explain', () => {
    const explain: ExplainEntry[] = [];
    structure('Requirements\n- Python\n- Go', explain);
    expect(explain).toContainEqual(expect.objectContaining({ step: 'structure', rule: 'bullet-marks', count: 2 }));
  });
});
