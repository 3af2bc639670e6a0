import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './helpers.js';

/** What `npm start` runs. */
export const MAIN_JS = path.join(repoRoot, 'dist', 'app', 'main.js');
/** Sources the built entry is made of (and the playground page it reads beside them), and the benches and scripts tests run compiled. */
const SOURCE_DIRS = ['src', 'adapters', 'app', 'bench', 'scripts'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|html)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(MAIN_JS)) return true;
  const built = statSync(MAIN_JS).mtimeMs;
  return SOURCE_DIRS.some((d) => newestSource(path.join(repoRoot, d)) > built);
}

/**
 * Make dist/ match the sources, as `npm install` (prepare → build) does for a user. tsc is run
 * incrementally (its build info kept under node_modules/.cache) so a rebuild after a small
 * change is quick. Type errors elsewhere in the tree do not stop tsc from emitting; only a
 * missing entry point is a failure.
 */
export function ensureBuilt(): void {
  if (!isStale()) return;
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const incremental = existsSync(MAIN_JS)
    ? ['--incremental', '--tsBuildInfoFile', path.join(repoRoot, 'node_modules', '.cache', 'jobcard-app-test.tsbuildinfo')]
    : [];
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', ...incremental], { cwd: repoRoot, encoding: 'utf8' });
  if (!existsSync(MAIN_JS)) throw new Error(`building dist/ failed:\n${result.stdout}\n${result.stderr}`);
  // Incremental tsc rewrites only what changed: mark the entry as built now so the next run skips the build.
  const now = new Date();
  utimesSync(MAIN_JS, now, now);
}
