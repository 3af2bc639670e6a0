import { buildCard, renderCardText } from '../src/card/index.js';
import { cleanPosting } from '../src/clean/index.js';
import { detectPosting } from '../src/detect/index.js';
import { extractCompany } from '../src/extract/company.js';
import { extractEmploymentType } from '../src/extract/employment.js';
import { extractPosting } from '../src/extract/index.js';
import { extractLevel } from '../src/extract/level.js';
import { extractLocations } from '../src/extract/locations.js';
import { extractPay } from '../src/extract/pay.js';
import { extractPosted } from '../src/extract/posted.js';
import { extractDegree, extractMinYears } from '../src/extract/requirements.js';
import { extractSkills } from '../src/extract/skills.js';
import { extractSponsorship } from '../src/extract/sponsorship.js';
import { extractTitle } from '../src/extract/title.js';
import { extractWorkplace } from '../src/extract/workplace.js';
import { repairMojibake } from '../src/repair/index.js';
import { hostileInputs } from './hostile-inputs.js';
import { fmt, isMain, seedPostings, summarize, timeRuns } from './stats.js';

/**
 * `npm run bench hostile`: each core step on each hostile paste (bench/hostile-inputs.ts), its
 * median and its ratio to the same step on a normal posting; and the steps a worker runs in
 * test/extract/pathological.test.ts.
 */

/** One step of the core, given the paste and the cleaned text (what the steps after cleaning read). */
export interface CoreStep {
  name: string;
  run(paste: string, cleaned: string): unknown;
}

/** Every step a paste goes through, in order: repair, clean, detect, each field, the whole extraction, the card. */
export const CORE_STEPS: readonly CoreStep[] = [
  { name: 'repair', run: (paste) => repairMojibake(paste) },
  { name: 'clean', run: (paste) => cleanPosting(paste) },
  { name: 'detect', run: (_, c) => detectPosting(c) },
  { name: 'company', run: (_, c) => extractCompany(c) },
  { name: 'title', run: (_, c) => extractTitle(c, null) },
  { name: 'level', run: (_, c) => extractLevel({ title: null, titleLine: null, text: c, minYears: null, criteria: null, internship: false }) },
  { name: 'locations', run: (_, c) => extractLocations(c) },
  { name: 'workplace', run: (_, c) => extractWorkplace(c) },
  { name: 'employment', run: (_, c) => extractEmploymentType(c, null, null) },
  { name: 'minYears', run: (_, c) => extractMinYears(c) },
  { name: 'degree', run: (_, c) => extractDegree(c) },
  { name: 'skills', run: (_, c) => extractSkills(c, null) },
  { name: 'sponsorship', run: (_, c) => extractSponsorship(c) },
  { name: 'pay', run: (_, c) => extractPay(c) },
  { name: 'posted', run: (_, c) => extractPosted(c) },
  { name: 'extract', run: (_, c) => extractPosting(c) },
  { name: 'card', run: (_, c) => renderCardText(buildCard(extractPosting(c))) },
];

/** Runs every step on one paste; `onStep` hears each step's name before it runs (a hang guard's marker). */
export function runCoreSteps(paste: string, onStep: (name: string) => void = () => {}): void {
  let cleaned = paste;
  for (const step of CORE_STEPS) {
    onStep(step.name);
    const out = step.run(paste, cleaned);
    if (step.name === 'clean') cleaned = (out as ReturnType<typeof cleanPosting>).text;
  }
}

export async function run(): Promise<void> {
  const seed = seedPostings().find((f) => f.name.includes('003-linkedin'));
  if (!seed) throw new Error('bench hostile: seed 003 not found');
  const time = (paste: string, runs: number): Map<string, number[]> => {
    const cleaned = cleanPosting(paste).text;
    const out = new Map<string, number[]>();
    for (const step of CORE_STEPS) out.set(step.name, timeRuns(() => step.run(paste, cleaned), runs, Math.min(3, runs)));
    return out;
  };
  const base = new Map([...time(seed.text, 50)].map(([k, v]) => [k, summarize(v).median]));
  console.log(`hostile: each step's median on each hostile paste, and its ratio to seed 003 (${seed.text.length} chars)`);
  console.log(`  ${'seed 003 (normal posting)'.padEnd(38)} ${CORE_STEPS.map((s) => `${s.name} ${fmt(base.get(s.name) ?? 0)}`).join('  ')}`);
  let worst = { name: '', step: '', median: 0 };
  for (const input of hostileInputs()) {
    const t = time(input.text, 5);
    const cells = CORE_STEPS.map((s) => {
      const median = summarize(t.get(s.name) ?? []).median;
      if (median > worst.median) worst = { name: input.name, step: s.name, median };
      return `${s.name} ${fmt(median)} ×${(median / Math.max(0.001, base.get(s.name) ?? 0)).toFixed(0)}`;
    });
    const total = [...t.values()].reduce((sum, ms) => sum + summarize(ms).median, 0);
    console.log(`  ${input.name.padEnd(38)} ${String(input.text.length).padStart(6)} chars  all steps ${fmt(total)}  |  ${cells.join('  ')}`);
  }
  console.log(`hostile: slowest step ${worst.step} on "${worst.name}", median ${fmt(worst.median)}`);
}

if (isMain(import.meta.url)) await run();
