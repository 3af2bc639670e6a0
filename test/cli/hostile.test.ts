import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileInputs } from '../../bench/hostile-inputs.js';
import { ensureBuilt } from '../app/build.js';
import { repoRoot } from '../app/helpers.js';

/**
 * `jobcard card FILE` on the audit's hostile pastes answers with a card or a one-line message
 * and exits 0-2. The child is killed after HANG_MS (a hang guard; the whole run, start-up
 * included, takes about a second of CPU: `npm run bench hostile` has the per-step figures).
 */
const HANG_MS = 60_000;
const BIN = path.join(repoRoot, 'bin', 'jobcard.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'jobcard-hostile-'));

const AUDIT = ['title then 40 capitals', 'USD x 4,000', 'pay bands x 400 on one line', 'digits x 50,000 (alone)', 'dollar amounts x 10,000'];

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('jobcard card on hostile pastes', () => {
  const inputs = hostileInputs().filter((i) => AUDIT.includes(i.name));
  it('has the audit inputs', () => expect(inputs.map((i) => i.name).sort()).toEqual([...AUDIT].sort()));

  it.each(inputs.map((i) => [i.name, i] as const))('%s: a card or one line, exit 0-2', (_name, input) => {
    const file = path.join(tmp, `${input.name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(file, input.text);
    const r = spawnSync(process.execPath, [BIN, 'card', file], { cwd: repoRoot, encoding: 'utf8', timeout: HANG_MS, env: { ...process.env, JOBCARD_DEBUG: '' } });
    expect(r.signal).toBeNull();
    expect([0, 1, 2]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (r.status === 0) expect(r.stdout).toMatch(/React :page_facing_up: for the full posting/);
    else expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, HANG_MS + 10_000);
});
