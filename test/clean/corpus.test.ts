import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { splitSentences } from '../../src/clean/sentences.js';
import { keepSignal } from '../../src/clean/signals.js';
import { SHARED } from './golden.js';

const CORPUS = path.join(SHARED, 'corpus');
const texts = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort() : [];

// Measured on ../shared when it is present; the corpus is never copied into the project.
describe.skipIf(texts.length === 0)('cleaning the shared corpus of real pastes', () => {
  it('keeps every sentence that carries pay, sponsorship, years of experience or the application window', () => {
    const lost: string[] = [];
    for (const f of texts) {
      const raw = readFileSync(path.join(CORPUS, f), 'utf8');
      // Cleaning may put back lost line breaks and bullets ("AdministratorJob#:" becomes two lines),
      // so words are compared without the whitespace and bullet marks between them.
      const words = (s: string): string => s.replace(/[\s•·▪*-]+/g, '');
      const clean = words(cleanPosting(raw).text);
      for (const line of raw.split('\n')) {
        for (const s of splitSentences(line.trim())) {
          if (keepSignal(s.text) === null) continue;
          const core = s.text.replace(/^[\s•·▪*-]+/, '').replace(/\s+/g, ' ').trim().slice(0, 60);
          if (!clean.includes(words(core))) lost.push(`${f}: ${core}`);
        }
      }
    }
    expect(lost).toEqual([]);
  });

  it('is idempotent on every posting', () => {
    for (const f of texts) {
      const once = cleanPosting(readFileSync(path.join(CORPUS, f), 'utf8')).text;
      expect(cleanPosting(once).text, f).toBe(once);
    }
  });
});
