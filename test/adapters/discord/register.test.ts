import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { INVITE_PERMISSIONS, inviteUrl } from '../../../adapters/discord/invite.js';
import { registerCommands } from '../../../scripts/discord-register.js';
import type { RecordedRequest } from '../../fakes/discord-rest.js';
import { startDiscordWorld, type DiscordWorld } from '../../fakes/discord-world.js';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Discord answers a bulk PUT with the saved commands, ids added. */
function acceptCommands(w: DiscordWorld): void {
  w.rest.override('PUT', /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/, (req: RecordedRequest) => ({
    status: 200,
    json: (req.body as unknown as Array<Record<string, unknown>>).map((c) => ({ ...c, id: '1', application_id: w.applicationId, version: '1' })),
  }));
}

describe('npm run discord:register', () => {
  it('registers /jd (text, url) and "Summarize job posting" globally', async () => {
    world = await startDiscordWorld();
    acceptCommands(world);
    const result = await registerCommands({ token: world.token, applicationId: world.applicationId, apiUrl: world.rest.api });
    expect(result).toEqual({ scope: 'global', names: ['jd', 'Summarize job posting'] });
    const put = world.rest.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${world.applicationId}/commands`);
    expect(put?.headers.authorization).toBe(`Bot ${world.token}`);
    const body = put?.body as unknown as Array<{ name: string; type: number; options?: Array<{ name: string; type: number }> }>;
    const jd = body.find((c) => c.name === 'jd');
    expect(jd?.type).toBe(1);
    expect(jd?.options?.map((o) => [o.name, o.type])).toEqual([['text', 3], ['url', 3]]);
    expect(body.find((c) => c.name === 'Summarize job posting')?.type).toBe(3);
  });

  it('registers to one guild when DISCORD_GUILD_ID is given', async () => {
    world = await startDiscordWorld();
    acceptCommands(world);
    const result = await registerCommands({ token: world.token, applicationId: world.applicationId, guildId: world.guildId, apiUrl: world.rest.api });
    expect(result.scope).toBe('guild');
    expect(world.rest.requests.find((r) => r.method === 'PUT')?.path).toBe(`/applications/${world.applicationId}/guilds/${world.guildId}/commands`);
  });
});

describe('invite link', () => {
  it('asks for exactly the eight permissions the bot uses', () => {
    const expected = new PermissionsBitField([
      PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.SendMessagesInThreads,
      PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.AttachFiles,
      PermissionFlagsBits.ReadMessageHistory, PermissionFlagsBits.AddReactions,
    ]);
    expect(INVITE_PERMISSIONS.bitfield).toBe(expected.bitfield);
    expect(INVITE_PERMISSIONS.toArray()).toHaveLength(8);
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('permissions')).toBe('309237763136');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
  });

  it('matches the number the README gives', () => {
    const readme = readFileSync(new URL('../../../adapters/discord/README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`permissions=${INVITE_PERMISSIONS.bitfield.toString()}`);
  });
});
