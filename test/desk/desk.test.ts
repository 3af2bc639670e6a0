import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Desk } from '../../src/desk/index.js';
import type { LinkReader } from '../../src/desk/index.js';
import { UserError } from '../../src/errors.js';
import { extractPosting } from '../../src/extract/index.js';
import { CoreBusyError, CoreTimeoutError, inProcessCore, type Core } from '../../src/pool/core.js';
import { MemoryStore } from '../../src/store/memory.js';
import { WARM_UP_SAMPLES } from '../../src/warm-up/samples.js';
import type { Store } from '../../src/store/types.js';

const seed = (name: string): string => readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8');
const LINKEDIN_PASTE = seed('003-linkedin-capital-one-senior-mle.txt');
/** A public channel: what is shared here may be told anywhere in the workspace. */
const place = { platform: 'slack' as const, team: 'T1', channel: 'C1', kind: 'public' as const };

function message(messageId: string, text: string, user = 'U1') {
  return { ...place, messageId, user, text };
}

describe('Desk', () => {
  it('answers a pasted posting with a card and stays quiet on chat', async () => {
    const desk = new Desk({ store: new MemoryStore() });
    const reply = await desk.handleMessage(message('1.1', LINKEDIN_PASTE));
    expect(reply?.kind).toBe('card');
    expect(await desk.handleMessage(message('1.2', 'anyone up for lunch at noon?'))).toBeNull();
  });

  it('posts the full cleaned posting when someone reacts to the original or to the card', async () => {
    const desk = new Desk({ store: new MemoryStore() });
    const reply = await desk.handleMessage(message('1.1', LINKEDIN_PASTE));
    if (reply?.kind !== 'card') throw new Error('expected a card');
    await desk.rememberReply(place, '1.5', reply.postingId);
    for (const messageId of ['1.1', '1.5']) {
      const full = await desk.handleReaction({ ...place, messageId, user: 'U2', emoji: 'page_facing_up' });
      expect(full?.kind).toBe('full');
      if (full?.kind === 'full') expect(full.text).toBe(reply.posting.text);
    }
    expect(await desk.handleReaction({ ...place, messageId: '1.1', user: 'U2', emoji: 'thumbsup' })).toBeNull();
    expect(await desk.handleReaction({ ...place, messageId: '9.9', user: 'U2', emoji: 'page_facing_up' })).toBeNull();
  });

  it('says who shared a posting first when the same text comes again', async () => {
    const desk = new Desk({ store: new MemoryStore() });
    await desk.handleMessage(message('1.1', LINKEDIN_PASTE, 'U1'));
    const second = await desk.handleMessage({ ...message('2.1', LINKEDIN_PASTE, 'U2'), channel: 'C2' });
    if (second?.kind !== 'card') throw new Error('expected a card');
    expect(second.card.sharedBefore?.by.id).toBe('U1');
    expect(second.card.sharedBefore?.channelId).toBe('C1');
  });

  it('shows the pay bands seen for the same job on another site, marked with their source', async () => {
    const desk = new Desk({ store: new MemoryStore() });
    await desk.handleMessage(message('1.1', LINKEDIN_PASTE, 'U1'));
    const jobBoard = await desk.handleMessage(message('2.1', seed('002-jobboard-capital-one-senior-mle.txt'), 'U2'));
    if (jobBoard?.kind !== 'card') throw new Error('expected a card');
    expect(jobBoard.card.sharedBefore?.by.id).toBe('U1');
    expect(jobBoard.posting.pay.map((b) => b.location)).not.toContain('Cambridge, MA');
    const places = jobBoard.card.pay.groups.flatMap((g) => g.places);
    expect(places).toEqual(expect.arrayContaining(['Cambridge, MA (seen in an earlier share)', 'McLean, VA', 'Richmond, VA']));
  });

  it('claims each event once', async () => {
    const desk = new Desk({ store: new MemoryStore() });
    expect(await desk.claimEvent('slack', 'Ev1')).toBe(true);
    expect(await desk.claimEvent('slack', 'Ev1')).toBe(false);
  });

  it('lets a retry through after handling a claimed event failed', async () => {
    const desk = new Desk({ store: new MemoryStore() });
    expect(await desk.claimEvent('slack', 'Ev2')).toBe(true);
    await desk.releaseEvent('slack', 'Ev2');
    expect(await desk.claimEvent('slack', 'Ev2')).toBe(true);
  });

  it('answers /jd alone with help and a non-posting with a reason', async () => {
    const desk = new Desk({ store: new MemoryStore() });
    expect((await desk.handleCommand({ ...place, user: 'U1', text: '' })).kind).toBe('help');
    expect((await desk.handleCommand({ ...place, user: 'U1', text: 'help' })).kind).toBe('help');
    const notice = await desk.handleCommand({ ...place, user: 'U1', text: 'is anyone hiring for data roles?' });
    expect(notice.kind).toBe('notice');
    if (notice.kind === 'notice') expect(notice.text).toMatch(/doesn't look like a job posting/);
    expect((await desk.handleCommand({ ...place, user: 'U1', text: LINKEDIN_PASTE })).kind).toBe('card');
  });

  it('reads a text file attached to a message like a paste', async () => {
    const desk = new Desk({ store: new MemoryStore() });
    const reply = await desk.handleMessage({ ...message('3.1', ''), files: [{ name: 'message.txt', bytes: Buffer.from(LINKEDIN_PASTE) }] });
    expect(reply?.kind).toBe('card');
  });

  it('ignores a bare link until a link reader is configured, then reads job links only', async () => {
    expect(await new Desk({ store: new MemoryStore() }).handleMessage(message('4.1', 'https://boards.greenhouse.io/acme/jobs/123'))).toBeNull();
    const read: string[] = [];
    const links: LinkReader = {
      canonicalize: (url) => url.replace(/\?.*$/, ''),
      looksLikeJobLink: (url) => url.includes('/jobs/'),
      read: async (url) => {
        read.push(url);
        if (url.includes('gone')) throw new UserError('not-found', 'That posting was taken down.');
        return extractPosting('Acme is hiring a Senior Engineer.', { source: { kind: 'link', url, site: 'greenhouse' } });
      },
    };
    const desk = new Desk({ store: new MemoryStore(), links });
    expect(await desk.handleMessage(message('4.2', 'look https://news.example.com/story'))).toBeNull();
    expect((await desk.handleMessage(message('4.3', 'https://boards.greenhouse.io/acme/jobs/123?gh_src=x')))?.kind).toBe('card');
    const gone = await desk.handleMessage(message('4.4', 'https://boards.greenhouse.io/acme/jobs/gone'));
    expect(gone).toEqual({ kind: 'notice', text: expect.stringMatching(/taken down.*\/jd/) });
    expect(read).toEqual(['https://boards.greenhouse.io/acme/jobs/123?gh_src=x', 'https://boards.greenhouse.io/acme/jobs/gone']);
  });

  it('ties the paste that follows an unreadable link to that link', async () => {
    const links: LinkReader = {
      canonicalize: (url) => url.replace(/\?.*$/, ''),
      looksLikeJobLink: () => true,
      read: async () => {
        throw new UserError('login-wall', 'That page needs a login.');
      },
    };
    const desk = new Desk({ store: new MemoryStore(), links });
    const notice = await desk.handleCommand({ ...place, user: 'U1', text: 'https://jobs.example.com/jobs/42?utm_source=x' });
    expect(notice.kind).toBe('notice');
    const card = await desk.handleCommand({ ...place, user: 'U1', text: LINKEDIN_PASTE });
    if (card.kind !== 'card') throw new Error('expected a card');
    expect(card.posting.source.url).toBe('https://jobs.example.com/jobs/42');
    expect(card.card.footer.source.url).toBe('https://jobs.example.com/jobs/42');
    const withLink = await desk.handleCommand({ ...place, user: 'U2', text: `https://jobs.example.com/jobs/7?trk=x\n${LINKEDIN_PASTE}` });
    expect(withLink.kind === 'card' && withLink.posting.source.url).toBe('https://jobs.example.com/jobs/7');
  });

  it('still answers with a card when the store is down', async () => {
    const broken = new MemoryStore();
    const failing: Store = new Proxy(broken, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof value !== 'function') return value;
        return () => Promise.reject(new Error('ECONNREFUSED'));
      },
    });
    const warnings: string[] = [];
    const desk = new Desk({ store: failing, log: { info: () => {}, warn: (_o, m) => warnings.push(m), error: () => {} } });
    expect((await desk.handleMessage(message('5.1', LINKEDIN_PASTE)))?.kind).toBe('card');
    expect(warnings.length).toBe(1);
  });

  it('logs each different store error of an outage once, and how many operations failed when the store is back', async () => {
    let failure: Error | null = new Error('ECONNREFUSED');
    const healthy = new MemoryStore();
    const flaky: Store = new Proxy(healthy, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => (failure ? Promise.reject(failure) : (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
    const logs: Array<{ level: string; msg: string; obj: Record<string, unknown> }> = [];
    const at = (level: string) => (obj: object, msg: string) => logs.push({ level, msg, obj: obj as Record<string, unknown> });
    const desk = new Desk({ store: flaky, log: { info: at('info'), warn: at('warn'), error: at('error') } });
    expect(await desk.claimEvent('slack', 'E1')).toBe(true);
    expect(await desk.claimEvent('slack', 'E2')).toBe(true);
    failure = new Error('database disk image is malformed');
    expect(await desk.claimEvent('slack', 'E3')).toBe(true);
    failure = null;
    expect(await desk.claimEvent('slack', 'E4')).toBe(true);
    expect(logs.map((l) => `${l.level} ${l.msg} ${String(l.obj.err ?? l.obj.failed)}`)).toEqual([
      'warn store unavailable; answering without memory Error: ECONNREFUSED',
      'warn store still unavailable: another error Error: database disk image is malformed',
      'info store reachable again 3',
    ]);
  });

  describe('when the core gives up on a paste', () => {
    /** A core that gives up on texts holding `marker`, as the worker pool does past its limit, and reads the rest. */
    function givingUpOn(marker: string, err: Error): Core {
      return { run: async (task) => (task.kind === 'text' && task.text.includes(marker) ? Promise.reject(err) : inProcessCore.run(task)) };
    }
    function recordingLog(): { lines: Array<{ level: string; obj: object; msg: string }>; log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void } } {
      const lines: Array<{ level: string; obj: object; msg: string }> = [];
      const at = (level: string) => (obj: object, msg: string): void => void lines.push({ level, obj, msg });
      return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
    }

    it('tells the person briefly that the posting could not be read, and logs the event without the text', async () => {
      const { lines, log } = recordingLog();
      const desk = new Desk({ store: new MemoryStore(), core: givingUpOn('Capital One', new CoreTimeoutError(5000)), log });
      const reply = await desk.handleMessage(message('1.1', LINKEDIN_PASTE));
      expect(reply).toEqual({ kind: 'notice', text: expect.stringMatching(/couldn't read that posting in time/) });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 'warn', obj: { platform: 'slack', channel: 'C1', messageId: '1.1', limitMs: 5000 } });
      expect(JSON.stringify(lines)).not.toContain('Capital One');
      // The core is not stuck for anyone else.
      expect((await desk.handleMessage(message('1.2', WARM_UP_SAMPLES[0] as string)))?.kind).toBe('card');
    });

    it('answers /jd the same way, and a busy core with "try again"', async () => {
      const slow = new Desk({ store: new MemoryStore(), core: givingUpOn('Capital One', new CoreTimeoutError(5000)) });
      const timedOut = await slow.handleCommand({ ...place, user: 'U1', text: LINKEDIN_PASTE });
      expect(timedOut).toMatchObject({ kind: 'notice', text: expect.stringMatching(/in time/) });
      const busy = new Desk({ store: new MemoryStore(), core: givingUpOn('Capital One', new CoreBusyError(500)) });
      expect(await busy.handleMessage(message('1.1', LINKEDIN_PASTE))).toMatchObject({ kind: 'notice', text: expect.stringMatching(/try again/) });
    });

    it('lets any other failure of the core through as an internal error', async () => {
      const desk = new Desk({ store: new MemoryStore(), core: givingUpOn('Capital One', new Error('worker exited with code: 1')) });
      await expect(desk.handleMessage(message('1.1', LINKEDIN_PASTE))).rejects.toThrow(/worker exited/);
    });
  });
});
