import { afterAll, describe, expect, it } from 'vitest';
import { Alerts, type Alert, type AlertDelivery } from '../../src/alerts/alerts.js';
import { parseFilter, type WatchFilter } from '../../src/alerts/filter.js';
import { AlertMemory } from '../../src/alerts/memory.js';
import { Desk } from '../../src/desk/index.js';
import type { KeyValue } from '../../src/store/backend.js';
import { JobStore } from '../../src/store/job-store.js';
import { KeyvBackend } from '../../src/store/keyv-backend.js';
import { capitalOneSeniorMle } from '../card/make-posting.js';
import { startPostgresCluster } from '../fakes/postgres-cluster.js';
import { storeBackends, unique, type StoreBackend } from '../fakes/stores.js';

/**
 * What alerts remember, on each real backend, as several processes use it at once: two store
 * connections on one server (or one SQLite file) stand for two bot processes.
 */
const backends = await storeBackends();
const cluster = process.env.POSTGRES_URL ? null : await startPostgresCluster();
const list: StoreBackend[] = [...backends.list, ...(cluster ? [{ name: 'Postgres (own cluster)', open: () => KeyvBackend.open(cluster.url) }] : [])];
afterAll(async () => {
  await backends.close();
  await cluster?.close();
});

const filter = (text: string): WatchFilter => {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(r.error);
  return r.filter;
};

describe.each(list)('alert memory on $name', (backend) => {
  /** Two connections to one store: a SQLite file by name, or the same server. */
  function twoProcesses(): [KeyValue, KeyValue] {
    const name = unique('alerts');
    return [backend.open(name), backend.open(name)];
  }

  it('watches added by two processes at once are all kept (the lock), ten a person at most', async () => {
    const [a, b] = twoProcesses();
    try {
      const [ma, mb] = [new AlertMemory(a), new AlertMemory(b)];
      const team = unique('T');
      const adds = Array.from({ length: 12 }, (_, i) => (i % 2 ? ma : mb).addWatch({ platform: 'slack', team, user: i < 8 ? 'U1' : `U${i}`, filter: filter(`title:t${i}`), text: `title:t${i}`, createdAt: new Date().toISOString() }));
      const results = await Promise.all(adds);
      expect(results.every((r) => r.ok)).toBe(true);
      const all = (await mb.teamWatches('slack', team)).watches;
      expect(all).toHaveLength(12);
      expect(new Set(all.filter((w) => w.user === 'U1').map((w) => w.id)).size).toBe(8);
      for (let i = 0; i < 2; i++) await ma.addWatch({ platform: 'slack', team, user: 'U1', filter: filter(`title:x${i}`), text: `title:x${i}`, createdAt: '' });
      expect(await ma.addWatch({ platform: 'slack', team, user: 'U1', filter: filter('title:y'), text: 'title:y', createdAt: '' })).toEqual({ ok: false, reason: 'too-many' });
      const third = (await ma.watchesOf('slack', team, 'U1')).find((w) => w.id === 3);
      expect((await ma.removeWatch('slack', team, 'U1', 3))?.text).toBe(third?.text);
      expect(await mb.watchesOf('slack', team, 'U1')).toHaveLength(9);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('two processes sharing the same posting at once send one DM; a later share of it, under another name, none', async () => {
    const [a, b] = twoProcesses();
    try {
      const sent: Alert[] = [];
      const delivery: AlertDelivery = { canSee: async () => true, send: async (alert) => (sent.push(alert), true) };
      const team = unique('T');
      const desks = [new Desk({ store: new JobStore(a) }), new Desk({ store: new JobStore(b) })];
      for (const desk of desks) desk.alerts.connect('slack', delivery);
      const memory = new AlertMemory(a);
      await memory.addWatch({ platform: 'slack', team, user: 'UBOB', filter: filter('level:senior+ place:Richmond'), text: '', createdAt: '' });
      const posting = capitalOneSeniorMle();
      const share = (i: number, channel: string) => ({ platform: 'slack' as const, team, channel, kind: 'public' as const, messageId: `m${i}`, user: 'UALICE', userName: null, link: null, postingId: 'p1', textHash: 'h1' });
      const counts = await Promise.all(desks.map((d, i) => d.alerts.afterShare(share(i, `C${i}`), posting, () => ({}) as never)));
      expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
      expect(sent).toHaveLength(1);
      // Edited into a new text (a new posting id), the same message: still no second DM.
      expect(await desks[1]!.alerts.afterShare({ ...share(0, 'C0'), postingId: 'p2', textHash: 'h2' }, posting, () => ({}) as never)).toBe(0);
      // Someone who cannot see the channel is not alerted, and keeps their alert for a share they can see.
      const hidden = new Alerts(new AlertMemory(b));
      hidden.connect('slack', { canSee: async () => false, send: async () => true });
      expect(await hidden.afterShare({ ...share(5, 'G5'), postingId: 'p9', textHash: 'h9' }, posting, () => ({}) as never)).toBe(0);
      expect(await desks[0]!.alerts.afterShare({ ...share(6, 'C6'), postingId: 'p9', textHash: 'h9' }, posting, () => ({}) as never)).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a digest run is claimed once however many processes look', async () => {
    const [a, b] = twoProcesses();
    try {
      const [ma, mb] = [new AlertMemory(a), new AlertMemory(b)];
      const channel = unique('C');
      const schedule = { platform: 'discord' as const, team: 'G1', channel, kind: 'public' as const, every: 'daily' as const, nextAt: '2026-12-08T09:00:00.000Z', setBy: 'U1' };
      await ma.setDigest('discord', channel, schedule);
      expect((await mb.digests()).some((d) => d.channel === channel)).toBe(true);
      const claims = await Promise.all([ma.claimDigestRun(schedule), mb.claimDigestRun(schedule), ma.claimDigestRun(schedule)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      await mb.advanceDigest(schedule, { ...schedule, nextAt: '2026-12-09T09:00:00.000Z' });
      expect((await ma.digestOf('discord', channel))?.nextAt).toBe('2026-12-09T09:00:00.000Z');
      await ma.setDigest('discord', channel, null);
      expect((await mb.digests()).some((d) => d.channel === channel)).toBe(false);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
