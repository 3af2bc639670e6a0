import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import { SlackInstallations } from '../adapters/slack/install.js';
import { silentLog } from '../src/log.js';
import type { KeyValue } from '../src/store/backend.js';
import { KeyvBackend } from '../src/store/keyv-backend.js';
import { SealedRecords, Sealer } from '../src/store/sealed.js';
import { fmt, isMain, summarize, timeRuns, timeRunsAsync } from './stats.js';

/**
 * Add to Slack: what Bolt's authorize adds to every event, which reads the workspace's
 * installation from the store (one read, an AES-256-GCM open, a zod check), on a SQLite file
 * holding N installations, and on Redis with REDIS_URL; and sealing/opening alone.
 */

function installation(i: number): Installation {
  const team = `T${String(i).padStart(9, '0')}`;
  return {
    team: { id: team, name: `Workspace ${i}` },
    enterprise: undefined,
    user: { id: 'U0ADMIN01', token: undefined, scopes: undefined },
    bot: { token: `xoxb-${i}-${randomBytes(12).toString('hex')}`, id: `B${i}`, userId: `U${i}`, scopes: ['chat:write', 'commands'] },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0APP0001',
    authVersion: 'v2',
  };
}

async function measure(name: string, kv: KeyValue, n: number): Promise<void> {
  const installs = new SlackInstallations(new SealedRecords(kv, new Sealer(randomBytes(32))), silentLog);
  for (let i = 0; i < n; i++) await installs.storeInstallation(installation(i));
  let k = 0;
  const read = summarize(await timeRunsAsync(() => installs.fetchInstallation({ teamId: `T${String(k++ % n).padStart(9, '0')}`, enterpriseId: undefined, isEnterpriseInstall: false }), 500));
  console.log(`${name.padEnd(8)} ${String(n).padStart(6)} installations: authorize's read ${fmt(read.median)} (p99 ${fmt(read.p99)})`);
}

export async function run(sizes: number[] = (process.env.BENCH_INSTALL_SIZES ?? '100,10000').split(',').map(Number)): Promise<void> {
  console.log('\n## install: reading a workspace\'s sealed installation (median and p99 of 500 reads)');
  const sealer = new Sealer(randomBytes(32));
  const plain = JSON.stringify(installation(1));
  const sealed = sealer.seal(plain, 'sealed:slack:team:T1');
  const seal = summarize(timeRuns(() => sealer.seal(plain, 'sealed:slack:team:T1'), 2000));
  const open = summarize(timeRuns(() => sealer.open(sealed, 'sealed:slack:team:T1'), 2000));
  console.log(`AES-256-GCM on a ${plain.length}-byte installation: seal ${fmt(seal.median)} · open ${fmt(open.median)}`);
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'jobcard-bench-install-'));
    const kv = KeyvBackend.open(`sqlite://${join(dir, 'bench.sqlite')}`, { opTimeoutMs: 60_000 });
    await measure('SQLite', kv, n);
    await kv.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.REDIS_URL) {
    const kv = KeyvBackend.open(process.env.REDIS_URL);
    await measure('Redis', kv, Math.min(...sizes));
    await kv.close();
  }
}

if (isMain(import.meta.url)) await run();
