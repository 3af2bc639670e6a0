import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { KeyValue } from './backend.js';

/**
 * Secrets at rest (a workspace's bot token, from an "Add to Slack" installation): sealed with
 * AES-256-GCM under a key from the environment before they reach the backend, so a copy of the
 * SQLite file, a Redis dump or a Postgres backup holds no usable token. Each record is bound
 * to its own store key (the key is the GCM additional data), so a record copied under another
 * key does not open either.
 */

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
/** GCM's standard nonce size; random per record (a key seals far fewer than 2^32 records). */
const IV_BYTES = 12;
/** Where sealed records live in the store (never under a posting's namespace). */
const PREFIX = 'sealed:';
/** A record written at first use: a later start with another key is refused before any token is needed. */
const KEY_CHECK = `${PREFIX}key-check`;
const KEY_CHECK_TEXT = 'jobcard sealed records';

const SealedSchema = z.object({
  v: z.literal(1),
  /** Which key sealed it (a digest, never the key): a record sealed with another key is named as such. */
  kid: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
export type Sealed = z.infer<typeof SealedSchema>;

/** Why a sealed record could not be opened: sealed under another key, or damaged. */
export class SealError extends Error {
  override readonly name = 'SealError';
  constructor(
    readonly code: 'wrong-key' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The 32-byte key written as 64 hex digits or as base64 (44 characters, `openssl rand -base64 32`),
 * or null when the text is neither.
 */
export function parseSealKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const bytes = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === KEY_BYTES ? bytes : null;
  }
  return null;
}

/** A digest of a key that names it in records; says nothing about the key itself. */
function keyIdOf(key: Buffer): string {
  if (key.length !== KEY_BYTES) throw new Error(`a sealing key must be ${KEY_BYTES} bytes`);
  return createHash('sha256').update('jobcard key id\0').update(key).digest('hex').slice(0, 16);
}

/**
 * AES-256-GCM: seal a string bound to a context with the current key, open it again with
 * whichever key sealed it (the current one, or a previous one kept while records move over).
 */
export class Sealer {
  readonly keyId: string;
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    private readonly key: Buffer,
    previous: readonly Buffer[] = [],
  ) {
    this.keyId = keyIdOf(key);
    this.keys = new Map([...previous.map((k) => [keyIdOf(k), k] as const), [this.keyId, key]]);
  }

  seal(plain: string, context: string): Sealed {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { v: 1, kid: this.keyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  open(sealed: Sealed, context: string): string {
    const key = this.keys.get(sealed.kid);
    if (!key) throw new SealError('wrong-key', 'sealed with another key');
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      // GCM's tag check failed: altered, truncated, or moved under another key.
      throw new SealError('corrupt', 'the sealed record does not open: it was altered or moved');
    }
  }
}

/**
 * Records sealed before they are written to any KeyValue backend (SQLite, Redis, Postgres,
 * memory) and opened and validated when read. Only ids belong in keys: keys are stored plain.
 */
export class SealedRecords {
  constructor(
    private readonly kv: KeyValue,
    private readonly sealer: Sealer,
  ) {}

  async put(key: string, value: unknown): Promise<void> {
    await this.kv.set(PREFIX + key, this.sealer.seal(JSON.stringify(value), PREFIX + key));
  }

  /** The record, opened and validated; undefined when absent. Throws SealError when it cannot be opened. */
  async get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const raw = await this.kv.get(PREFIX + key);
    if (raw === undefined || raw === null) return undefined;
    const sealed = SealedSchema.safeParse(raw);
    if (!sealed.success) throw new SealError('corrupt', `the record ${key} is not a sealed record`);
    const parsed = schema.safeParse(JSON.parse(this.sealer.open(sealed.data, PREFIX + key)));
    if (!parsed.success) throw new SealError('corrupt', `the record ${key} does not have the expected shape`);
    return parsed.data;
  }

  async delete(key: string): Promise<void> {
    await this.kv.delete(PREFIX + key);
  }

  /** The keys (without the namespace) that start with `prefix`. */
  async keys(prefix: string): Promise<string[]> {
    return (await this.kv.keys(PREFIX + prefix)).map((k) => k.slice(PREFIX.length));
  }

  /**
   * At start-up: the keys given open what this store already holds, so a changed or mistyped
   * key is refused at once rather than at the first event from each workspace. The first start
   * writes the check record. When the store was sealed with a previous key, every record is
   * sealed again with the current one (a key rotation); returns how many were.
   */
  async verifyKey(): Promise<{ resealed: number }> {
    const raw = await this.kv.get(KEY_CHECK);
    if (raw === undefined || raw === null) {
      await this.kv.set(KEY_CHECK, this.sealer.seal(KEY_CHECK_TEXT, KEY_CHECK));
      return { resealed: 0 };
    }
    const sealed = SealedSchema.safeParse(raw);
    if (!sealed.success) throw new SealError('corrupt', 'the store holds a damaged key check record');
    if (this.sealer.open(sealed.data, KEY_CHECK) !== KEY_CHECK_TEXT) throw new SealError('corrupt', 'the store holds a damaged key check record');
    if (sealed.data.kid === this.sealer.keyId) return { resealed: 0 };
    const resealed = await this.resealAll();
    await this.kv.set(KEY_CHECK, this.sealer.seal(KEY_CHECK_TEXT, KEY_CHECK));
    return { resealed };
  }

  /** Seal every record sealed with a previous key again with the current one. */
  private async resealAll(): Promise<number> {
    let count = 0;
    for (const key of await this.kv.keys(PREFIX)) {
      if (key === KEY_CHECK) continue;
      const sealed = SealedSchema.safeParse(await this.kv.get(key));
      if (!sealed.success || sealed.data.kid === this.sealer.keyId) continue;
      await this.kv.set(key, this.sealer.seal(this.sealer.open(sealed.data, key), key));
      count += 1;
    }
    return count;
  }
}
