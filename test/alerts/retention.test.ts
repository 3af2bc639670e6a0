import { afterAll, describe, expect, it } from 'vitest';
import { parseFilter, type WatchFilter } from '../../src/alerts/filter.js';
import type { DigestSchedule } from '../../src/alerts/memory.js';
import { MapBackend } from '../../src/store/backend.js';
import { JobStore } from '../../src/store/job-store.js';
import { keysHolding, storeBackends, unique, type StoreBackend } from '../fakes/stores.js';

/**
 * Watches and alert marks follow the store's retention (JOBCARD_RETENTION_DAYS), and a
 * workspace's uninstall (forgetTeam) takes its watches, its watchers' marks and its digests.
 */
const DAY = 24 * 60 * 60 * 1000;
const backends = await storeBackends();
const list: StoreBackend[] = [{ name: 'memory', open: () => new MapBackend() }, ...backends.list];
afterAll(() => backends.close());

const filter = (text: string): WatchFilter => {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(r.error);
  return r.filter;
};
const watch = (team: string, user: string, text: string, createdAt: string) => ({ platform: 'slack' as const, team, user, filter: filter(text), text, createdAt });
const schedule = (team: string, channel: string): DigestSchedule => ({ platform: 'slack', team, channel, kind: 'public', every: 'weekly', nextAt: '2026-12-14T09:00:00.000Z', setBy: 'U1' });

describe('alert marks expire with the retention', () => {
  it('a posting alerted 31 days ago may alert again under a 30-day retention, not under the default', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const clock = (): number => now;
    const short = new JobStore(new MapBackend(clock), { postingMs: 30 * DAY, messageMs: 30 * DAY, eventMs: DAY });
    const long = new JobStore(new MapBackend(clock));
    for (const store of [short, long]) expect(await store.alerts.claimAlert('slack', 'U1', ['p1', 'msg:C1:1', 'text:h1'])).toBe(true);
    now += 29 * DAY;
    for (const store of [short, long]) expect(await store.alerts.claimAlert('slack', 'U1', ['p1', 'msg:C1:2', 'text:h1'])).toBe(false);
    now += 2 * DAY;
    // (A share seen on day 29 renewed the names it came under; the posting's own mark is 31 days old.)
    expect(await short.alerts.claimAlert('slack', 'U1', ['p1', 'msg:C1:3', 'text:h2'])).toBe(true);
    expect(await long.alerts.claimAlert('slack', 'U1', ['p1', 'msg:C1:3', 'text:h2'])).toBe(false);
  });
});

describe.each(list)('watches and digests in the store on $name', (backend) => {
  it('the purge drops watches saved before the retention cutoff and keeps the rest', async () => {
    const store = new JobStore(backend.open(unique('retention')));
    try {
      const team = unique('T');
      await store.alerts.addWatch(watch(team, 'U1', 'remote', '2026-05-01T00:00:00.000Z'));
      await store.alerts.addWatch(watch(team, 'U1', 'level:senior+', '2026-11-20T00:00:00.000Z'));
      await store.alerts.addWatch(watch(team, 'U2', 'pay:>=150k', '2026-04-01T00:00:00.000Z'));
      const version = await store.alerts.watchesVersion('slack', team);
      await store.purge(Date.parse('2026-06-01T00:00:00Z'));
      expect((await store.alerts.teamWatches('slack', team)).watches.map((w) => [w.user, w.text])).toEqual([['U1', 'level:senior+']]);
      // Every process sees the change (its version moved).
      expect(await store.alerts.watchesVersion('slack', team)).not.toBe(version);
    } finally {
      await store.close();
    }
  });

  it("forgetTeam takes the workspace's watches, its watchers' alert marks and its digests, and nothing of another's", async () => {
    const kv = backend.open(unique('forget'));
    const store = new JobStore(kv);
    try {
      const [gone, kept] = [unique('TGONE'), unique('TKEPT')];
      const [goneUser, keptUser] = [unique('UGONE'), unique('UKEPT')];
      const [goneChannel, keptChannel] = [unique('CGONE'), unique('CKEPT')];
      await store.alerts.addWatch(watch(gone, goneUser, 'remote', '2026-12-01T00:00:00.000Z'));
      await store.alerts.addWatch(watch(kept, keptUser, 'remote', '2026-12-01T00:00:00.000Z'));
      await store.alerts.claimAlert('slack', goneUser, ['p1', `msg:${goneChannel}:1`]);
      await store.alerts.claimAlert('slack', keptUser, ['p1', `msg:${keptChannel}:1`]);
      await store.alerts.setDigest('slack', goneChannel, schedule(gone, goneChannel));
      await store.alerts.setDigest('slack', keptChannel, schedule(kept, keptChannel));

      await store.forgetTeam('slack', gone);
      expect(await store.alerts.teamWatches('slack', gone)).toEqual({ version: '', watches: [] });
      expect(await store.alerts.digestOf('slack', goneChannel)).toBeUndefined();
      expect((await store.alerts.digests()).some((d) => d.team === gone)).toBe(false);
      for (const name of [gone, goneUser, goneChannel]) expect(await keysHolding(kv, name)).toEqual([]);
      expect(await store.alerts.claimAlert('slack', goneUser, ['p1'])).toBe(true);

      expect((await store.alerts.teamWatches('slack', kept)).watches).toHaveLength(1);
      expect(await store.alerts.digestOf('slack', keptChannel)).toBeDefined();
      expect(await store.alerts.claimAlert('slack', keptUser, ['p1'])).toBe(false);
    } finally {
      await store.close();
    }
  });
});
