import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../src/repair/index.js';

// ftfy's own test cases (../shared/peer-tests/ftfy, beside the checkout). Each case marked
// "pass" must come out as `fixed-encoding` when the case has one, else `fixed`.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const casesDir = path.resolve(repoRoot, '../shared/peer-tests/ftfy/test-cases');
const present = existsSync(casesDir);

interface FtfyCase {
  label: string;
  original: string;
  fixed: string;
  'fixed-encoding'?: string;
  expect: 'pass' | 'fail';
}

function load(file: string): FtfyCase[] {
  return JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as FtfyCase[];
}

const files = present ? readdirSync(casesDir).filter((f) => f.endsWith('.json') && f !== 'known-failures.json') : [];

describe.skipIf(!present)('ftfy test suite', () => {
  for (const file of files) {
    const cases = load(file).filter((c) => c.expect === 'pass');
    it.each(cases.map((c) => [c.label, c] as const))(`${file}: %s`, (_label, c) => {
      expect(repairMojibake(c.original).text).toBe(c['fixed-encoding'] ?? c.fixed);
    });
  }

  it('passes all 151 cases marked "pass"', () => {
    const cases = files.flatMap(load).filter((c) => c.expect === 'pass');
    const passed = cases.filter((c) => repairMojibake(c.original).text === (c['fixed-encoding'] ?? c.fixed));
    expect(cases).toHaveLength(151);
    expect(passed).toHaveLength(151);
  });

  it('leaves the 31 negative cases untouched, apart from the one C1 control it must read as Windows-1252', () => {
    const negatives = load('negative.json');
    expect(negatives).toHaveLength(31);
    const untouched = negatives.filter((c) => repairMojibake(c.original).text === c.original);
    expect(untouched).toHaveLength(30);
    const changed = negatives.filter((c) => repairMojibake(c.original).text !== c.original);
    expect(changed.map((c) => c.original)).toEqual([expect.stringContaining('parlé\u0085')]);
    expect(repairMojibake(changed[0]?.original ?? '').text).toContain('parlé…');
  });
});
