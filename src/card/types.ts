import type { SponsorshipStance } from '../posting.js';

/** Who did something, in the platform's own terms; each renderer formats it its own way. */
export interface PersonRef {
  platform: 'slack' | 'discord' | 'local';
  id: string | null;
  name: string | null;
}

/** The first time this posting was shared, for the "shared before" notice. */
export interface SharedBefore {
  by: PersonRef;
  channelId: string | null;
  /** ISO 8601 timestamp. */
  at: string;
  /** A link to the earlier message, when the platform has one. */
  link: string | null;
}

export interface CardContext {
  sharedBy?: PersonRef;
  sharedBefore?: SharedBefore;
  /** Emoji name (no colons) that asks for the full posting; default `page_facing_up`. */
  fullTextEmoji?: string;
}

/** One pay figure and every place it applies to (identical bands collapsed). */
export interface CardPayGroup {
  /** Places priced with this band, in posting order; empty when it applies everywhere. */
  places: string[];
  /** Human amount: `$158.6k–$181k`, `$45–$55/hr`, `£50k–£60k/yr`, `up to $90k`, `$120k+`. */
  amount: string;
}

/**
 * The neutral card: plain strings (never escaped, never marked up), so that each renderer
 * escapes and decorates them for its own platform.
 */
export interface Card {
  title: {
    /** The job title; null when the posting does not say. */
    title: string | null;
    company: string | null;
    /** Human level ("Senior", "Lead (people leader)", "Senior (by experience)"). */
    level: string | null;
  };
  place: {
    /** Up to four places; `moreLocations` counts the rest. */
    locations: string[];
    moreLocations: number;
    /** "Remote", "Hybrid", "On-site". */
    workplace: string | null;
    /** "Full-time", "Contract", … */
    employmentType: string | null;
  };
  pay: {
    /** Empty: pay not stated. */
    groups: CardPayGroup[];
    /** Groups left off to keep the card compact. */
    more: number;
  };
  sponsorship: {
    stance: SponsorshipStance;
    /** `yes`, `considered`, `no`, `not stated`. */
    label: string;
    /** A short quote of the evidence sentence. */
    quote: string | null;
  };
  /** Three to five key requirements; empty when the posting states none. */
  requirements: string[];
  footer: {
    /** As stated: "Oct 2, 2025", "1 week ago". */
    posted: string | null;
    source: {
      kind: 'paste' | 'link';
      /** Display name of the site ("LinkedIn"), or null. */
      site: string | null;
      url: string | null;
    };
    sharedBy: PersonRef | null;
    /** Emoji name, no colons. */
    fullTextEmoji: string;
  };
  sharedBefore: SharedBefore | null;
  /** The posting's canonical link when it came from a link (http/https only). */
  link: string | null;
}
