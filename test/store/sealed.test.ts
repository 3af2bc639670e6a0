import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { KeyValue } from '../../src/store/backend.js';
import { parseSealKey, SealedRecords, SealError, Sealer } from '../../src/store/sealed.js';
import { storeBackends, unique } from '../fakes/stores.js';

const backends = await storeBackends();
afterAll(() => backends.close());
const opened: KeyValue[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((kv) => kv.close()));
});

const Secret = z.object({ token: z.string(), team: z.string() });

describe('sealing keys', () => {
  it('reads a 32-byte key written as hex or base64, and nothing shorter or longer', () => {
    const key = randomBytes(32);
    expect(parseSealKey(key.toString('hex'))).toEqual(key);
    expect(parseSealKey(key.toString('base64'))).toEqual(key);
    expect(parseSealKey(key.toString('base64url'))).toEqual(key);
    expect(parseSealKey(randomBytes(16).toString('hex'))).toBeNull();
    expect(parseSealKey(randomBytes(33).toString('base64'))).toBeNull();
    expect(parseSealKey('correct horse battery staple')).toBeNull();
  });

  it('opens what it sealed only with the same key and the same context', () => {
    const sealer = new Sealer(randomBytes(32));
    const sealed = sealer.seal('xoxb-secret', 'sealed:a');
    expect(JSON.stringify(sealed)).not.toContain('xoxb');
    expect(sealer.open(sealed, 'sealed:a')).toBe('xoxb-secret');
    expect(() => sealer.open(sealed, 'sealed:b')).toThrow(SealError);
    expect(() => new Sealer(randomBytes(32)).open(sealed, 'sealed:a')).toThrow(/another key/);
    const bytes = Buffer.from(sealed.data, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const flipped = { ...sealed, data: bytes.toString('base64') };
    expect(() => sealer.open(flipped, 'sealed:a')).toThrow(/altered/);
  });
});

describe.each(backends.list)('sealed records on $name', (backend) => {
  function open(): KeyValue {
    const kv = backend.open();
    opened.push(kv);
    return kv;
  }

  it('stores no plain secret, and reads it back with the key', async () => {
    const kv = open();
    const records = new SealedRecords(kv, new Sealer(randomBytes(32)));
    const key = unique('install-');
    await records.put(key, { token: 'xoxb-1234-very-secret', team: 'T1' });
    const raw = JSON.stringify(await kv.get(`sealed:${key}`));
    expect(raw).not.toContain('xoxb');
    expect(raw).not.toContain('very-secret');
    expect(await records.get(key, Secret)).toEqual({ token: 'xoxb-1234-very-secret', team: 'T1' });
    expect(await records.keys(key)).toEqual([key]);
    await records.delete(key);
    expect(await records.get(key, Secret)).toBeUndefined();
  });

  it('refuses another key: at the key check, and on every record', async () => {
    const kv = open();
    // A namespace of its own on shared servers: the key check record is per store.
    const right = new Sealer(randomBytes(32));
    const records = new SealedRecords(kv, right);
    const key = unique('install-');
    await records.put(key, { token: 'xoxb-x', team: 'T1' });
    const wrong = new SealedRecords(kv, new Sealer(randomBytes(32)));
    await expect(wrong.get(key, Secret)).rejects.toMatchObject({ code: 'wrong-key' });
    // A record moved under another key does not open either.
    await kv.set(`sealed:${key}-moved`, await kv.get(`sealed:${key}`));
    await expect(records.get(`${key}-moved`, Secret)).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('the key check', () => {
  it('is written on first start and refuses a different key afterwards', async () => {
    const kv = backends.list[0]!.open();
    opened.push(kv);
    const key = randomBytes(32);
    await new SealedRecords(kv, new Sealer(key)).verifyKey();
    await new SealedRecords(kv, new Sealer(Buffer.from(key))).verifyKey();
    await expect(new SealedRecords(kv, new Sealer(randomBytes(32))).verifyKey()).rejects.toMatchObject({ code: 'wrong-key' });
  });
});

describe('a key rotation', () => {
  it('opens records sealed with the previous key, seals them all again with the new one, then needs only the new key', async () => {
    const kv = backends.list[0]!.open();
    opened.push(kv);
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const before = new SealedRecords(kv, new Sealer(oldKey));
    await before.verifyKey();
    const key = unique('install-');
    await before.put(key, { token: 'xoxb-rotated', team: 'T9' });

    const rotating = new SealedRecords(kv, new Sealer(newKey, [oldKey]));
    expect(await rotating.get(key, Secret)).toEqual({ token: 'xoxb-rotated', team: 'T9' });
    expect(await rotating.verifyKey()).toEqual({ resealed: 1 });
    expect(await rotating.verifyKey()).toEqual({ resealed: 0 });

    const after = new SealedRecords(kv, new Sealer(newKey));
    await after.verifyKey();
    expect(await after.get(key, Secret)).toEqual({ token: 'xoxb-rotated', team: 'T9' });
    await expect(new SealedRecords(kv, new Sealer(oldKey)).verifyKey()).rejects.toMatchObject({ code: 'wrong-key' });
  });
});
