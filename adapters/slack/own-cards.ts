import type { Place } from '../../src/desk/index.js';
import { unwrapSlackMarkup } from './markup.js';

/** How long a /jd card waits for its echo; Slack delivers it within seconds. */
const TTL_MS = 5 * 60 * 1000;
const MAX_PENDING = 1_000;

interface Pending {
  place: Place;
  postingId: string;
  at: number;
}

/**
 * Cards posted through a /jd response_url come back without a ts, so a reaction on them could
 * not be traced to the posting. In channels the app is in (the only ones whose reactions it
 * hears), Slack echoes the card as the app's own message event: matched here by its fallback
 * text, the echo gives the ts to remember.
 */
export class OwnCards {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number = Date.now) {}

  expect(place: Place, text: string, postingId: string): void {
    this.prune();
    this.pending.set(key(place.channel, text), { place, postingId, at: this.now() });
    if (this.pending.size > MAX_PENDING) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.pending.delete(oldest);
    }
  }

  /** The card a message of ours in `channel` with this text is, if we were waiting for it. */
  take(channel: string, text: string): Pending | null {
    const k = key(channel, text);
    const found = this.pending.get(k);
    if (!found) return null;
    this.pending.delete(k);
    return this.now() - found.at <= TTL_MS ? found : null;
  }

  private prune(): void {
    const cutoff = this.now() - TTL_MS;
    for (const [k, v] of this.pending) {
      if (v.at >= cutoff) break;
      this.pending.delete(k);
    }
  }
}

/** Slack may re-escape or re-space what it echoes; compare what a person would read. */
function key(channel: string, text: string): string {
  return `${channel}\n${unwrapSlackMarkup(text).replace(/\s+/g, ' ').trim()}`;
}
