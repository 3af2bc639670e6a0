import type { Platform } from '../desk/types.js';
import type { Posting } from '../posting.js';
import type { Share, Store } from './types.js';

/** A Store kept in process memory: for tests and for runs that ask for no persistence. */
export class MemoryStore implements Store {
  private readonly postings = new Map<string, Posting>();
  private readonly messages = new Map<string, string>();
  private readonly events = new Set<string>();
  private readonly shares = new Map<string, Share[]>();
  private readonly keys = new Map<string, string>();

  async putPosting(id: string, posting: Posting): Promise<void> {
    this.postings.set(id, posting);
  }
  async getPosting(id: string): Promise<Posting | undefined> {
    return this.postings.get(id);
  }
  async linkMessage(platform: Platform, channel: string, messageId: string, postingId: string): Promise<void> {
    this.messages.set(`${platform}:${channel}:${messageId}`, postingId);
  }
  async postingIdForMessage(platform: Platform, channel: string, messageId: string): Promise<string | undefined> {
    return this.messages.get(`${platform}:${channel}:${messageId}`);
  }
  async claimEvent(eventKey: string): Promise<boolean> {
    if (this.events.has(eventKey)) return false;
    this.events.add(eventKey);
    return true;
  }
  async addShare(share: Share): Promise<void> {
    const list = this.shares.get(share.postingId) ?? [];
    list.push(share);
    this.shares.set(share.postingId, list);
  }
  async firstShare(postingId: string): Promise<Share | undefined> {
    return this.shares.get(postingId)?.[0];
  }
  async findDuplicate(keys: readonly string[]): Promise<string | undefined> {
    for (const key of keys) {
      const id = this.keys.get(key);
      if (id) return id;
    }
    return undefined;
  }
  async rememberKeys(keys: readonly string[], postingId: string): Promise<void> {
    for (const key of keys) this.keys.set(key, postingId);
  }
  async close(): Promise<void> {}
}
