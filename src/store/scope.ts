import type { Platform } from '../desk/types.js';
import type { ChannelKind, Viewer } from './types.js';

/** What deciding whether a share may be shown needs: where it was made, by whom, to which audience. */
export interface Scoped {
  platform: Platform;
  channel: string;
  user: string;
  /** Absent on records written before scopes existed. */
  kind?: ChannelKind | undefined;
  team?: string | undefined;
}

/**
 * Whether someone asking from `viewer` may be told of a share: only where the share's own
 * audience could have seen it.
 *
 * - a public channel's share: anywhere in the same workspace or server, except a Slack Connect
 *   channel (people from other workspaces read the answer there);
 * - a private channel's (or group DM's) share: in that channel only;
 * - a DM's share: to the same person, in that DM;
 * - a Slack Connect channel's share: in that channel, whichever workspace asks;
 * - a share recorded before scopes existed (no kind): in its own channel only.
 */
export function visibleTo(share: Scoped, viewer: Viewer): boolean {
  if (share.platform !== viewer.platform) return false;
  const sameChannel = share.channel === viewer.channel;
  switch (share.kind) {
    case 'public':
      return sameChannel || (share.team !== undefined && share.team === viewer.team && viewer.kind !== 'connect');
    case 'dm':
      return sameChannel && share.user === viewer.user;
    case 'private':
    case 'connect':
    case undefined:
      return sameChannel;
  }
}

/**
 * The team memory a share belongs to: a channel's recent list and the search index it joins.
 * A Slack Connect channel's memory is the channel's own (both workspaces' members share it,
 * whatever team id their events carry); every other share joins its team's.
 */
export function recentKey(platform: Platform, team: string, channel: string, kind: ChannelKind | undefined): string {
  return kind === 'connect' ? `recent:${platform}:connect:${channel}` : `recent:${platform}:${team}:${channel}`;
}

export function indexBase(platform: Platform, team: string, channel: string, kind: ChannelKind | undefined): string {
  return kind === 'connect' ? `index:${platform}:connect:${channel}` : `index:${platform}:${team}`;
}

/**
 * A channel's log for one UTC hour (`at` is an ISO time): every share made there in that hour,
 * one line each, for its digest. Under the channel's recent list, so whatever forgets or purges
 * team lines (forget, forgetTeam, purge) finds these too.
 */
export function channelLogKey(platform: Platform, team: string, channel: string, kind: ChannelKind | undefined, at: string): string {
  return `${recentKey(platform, team, channel, kind)}:h:${at.slice(0, 13)}`;
}
