import type { CommandEvent, DeskReply } from '../desk/types.js';
import { explainFilter } from './explain.js';
import { formatFilter, parseFilter } from './filter.js';
import { DIGEST_PERIOD_MS } from './digest.js';
import { DigestEvery, MAX_WATCHES, type AlertMemory } from './memory.js';

/** Help lines for the alert commands (the Desk's help lists them). */
export const ALERT_HELP = [
  '• `/jd watch level:senior+ sponsorship:yes,considered place:"New York" remote pay:>=150k`: a DM with the card when a matching posting is shared where you can see it (`title:`, `skill:` too)',
  '• `/jd watch`: your watches with their ids; `/jd unwatch <id>` stops one',
  '• `/jd digest weekly|daily|off`: a summary in this channel of the postings shared here',
];

const notice = (text: string): DeskReply => ({ kind: 'notice', text });
const CHANNEL_MANAGERS_ONLY = "Only someone who can manage this channel (Manage Channels or Manage Messages) can turn its digest on or off. `/jd digest` says what it gets now.";

/** Watches belong to a workspace or server: a Discord DM has neither. */
function noTeam(ev: CommandEvent): boolean {
  return ev.platform === 'discord' && ev.team === 'dm';
}

/** `/jd watch [filter]`: save a watch and say it back in words, or list the person's watches. */
export async function watchCommand(memory: AlertMemory, ev: CommandEvent, filterText: string, now: Date): Promise<DeskReply> {
  if (noTeam(ev)) return notice('Set watches from a channel of the server whose postings you want to hear about.');
  if (filterText.trim() === '') return listWatches(memory, ev);
  const parsed = parseFilter(filterText);
  if (!parsed.ok) return notice(parsed.error);
  const text = formatFilter(parsed.filter);
  const added = await memory.addWatch({ platform: ev.platform, team: ev.team, user: ev.user, filter: parsed.filter, text, createdAt: now.toISOString() });
  if (!added.ok && added.reason === 'duplicate') return notice(`You already have that watch (#${added.watch?.id}).`);
  if (!added.ok) return notice(`You have ${MAX_WATCHES} watches, the most one person may keep: \`/jd unwatch <id>\` one first (\`/jd watch\` lists them).`);
  return notice(`${explainFilter(parsed.filter)}. Watch #${added.watch.id} saved: I'll DM you the card when a matching posting is shared where you can see it. \`/jd unwatch ${added.watch.id}\` stops it.`);
}

async function listWatches(memory: AlertMemory, ev: CommandEvent): Promise<DeskReply> {
  const mine = await memory.watchesOf(ev.platform, ev.team, ev.user);
  if (mine.length === 0) return notice('You have no watches. Start one with `/jd watch level:senior+ remote pay:>=150k`.');
  // A notice, not a list: a person's watches are theirs alone (Discord shows lists to the channel).
  const lines = mine.map((w) => `• #${w.id} ${explainFilter(w.filter).replace(/^Watching: /, '')} (${w.text})`);
  return notice([`Your watches (${mine.length} of ${MAX_WATCHES}); \`/jd unwatch <id>\` stops one:`, ...lines].join('\n'));
}

/** `/jd unwatch <id>`. */
export async function unwatchCommand(memory: AlertMemory, ev: CommandEvent, arg: string): Promise<DeskReply> {
  if (noTeam(ev)) return notice('Watches are kept per server: run `/jd unwatch` in a channel of that server.');
  const id = /^#?(\d{1,3})$/.exec(arg.trim())?.[1];
  if (!id) return notice('Say which watch to stop: `/jd unwatch 2` (`/jd watch` lists yours with their ids).');
  const removed = await memory.removeWatch(ev.platform, ev.team, ev.user, Number(id));
  if (!removed) return notice(`You have no watch #${id}. \`/jd watch\` lists yours.`);
  return notice(`Stopped watch #${removed.id}: ${explainFilter(removed.filter).replace(/^Watching: /, '')}.`);
}

/** `/jd digest weekly|daily|off` in a channel: its summary of shared postings, from one period from now. */
export async function digestCommand(memory: AlertMemory, ev: CommandEvent, arg: string, now: Date): Promise<DeskReply> {
  const word = arg.trim().toLowerCase();
  if ((ev.kind ?? 'private') === 'dm' || noTeam(ev)) return notice('Digests are for channels: run `/jd digest weekly` in the channel to summarise.');
  const changes = word === 'off' || word === 'stop' || DigestEvery.safeParse(word).success;
  // The channel's digest is the channel's: only who may manage it turns it on or off (anyone may ask what it is).
  if (changes && ev.mayManageChannel === false) return notice(CHANNEL_MANAGERS_ONLY);
  if (word === 'off' || word === 'stop') {
    const had = await memory.digestOf(ev.platform, ev.channel);
    await memory.setDigest(ev.platform, ev.channel, null);
    return notice(had ? 'Digest stopped for this channel.' : 'This channel has no digest.');
  }
  const every = DigestEvery.safeParse(word);
  if (!every.success) {
    const current = await memory.digestOf(ev.platform, ev.channel);
    const state = current ? `This channel gets a ${current.every} digest; the next one is due ${current.nextAt.slice(0, 16).replace('T', ' ')} UTC. ` : '';
    return notice(`${state}Use \`/jd digest weekly\`, \`/jd digest daily\` or \`/jd digest off\`.`);
  }
  const nextAt = new Date(now.getTime() + DIGEST_PERIOD_MS[every.data]).toISOString();
  await memory.setDigest(ev.platform, ev.channel, {
    platform: ev.platform, team: ev.team, channel: ev.channel, kind: ev.kind ?? 'private', every: every.data, nextAt, setBy: ev.user,
  });
  return notice(`This channel gets a ${every.data} digest of the postings shared here; the first is due ${nextAt.slice(0, 16).replace('T', ' ')} UTC.`);
}
