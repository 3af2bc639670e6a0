import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { commands } from '../adapters/discord/commands/index.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { errorMessage } from '../src/errors.js';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** One server only: updates show at once. Without it, commands are global. */
  guildId?: string | undefined;
  /** DISCORD_API_URL, for REST proxies and tests. */
  apiUrl?: string | undefined;
}

export interface RegisterResult {
  scope: 'global' | 'guild';
  names: string[];
}

/**
 * Register /jd and "Summarize job posting" by replacing the application's command set
 * (a bulk PUT: commands removed from the code disappear from Discord too).
 */
export async function registerCommands(opts: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST(opts.apiUrl ? { api: opts.apiUrl } : {}).setToken(opts.token);
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId)
    : Routes.applicationCommands(opts.applicationId);
  const body = commands.map((c) => c.data);
  const saved = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: opts.guildId ? 'guild' : 'global', names: saved.map((c) => c.name) };
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const missing = (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const).filter((k) => !config[k]);
  if (missing.length > 0) throw new ConfigError(missing.map((k) => `${k}: is required to register commands`));
  const result = await registerCommands({
    token: config.DISCORD_TOKEN as string,
    applicationId: config.DISCORD_APPLICATION_ID as string,
    guildId: config.DISCORD_GUILD_ID,
    apiUrl: config.DISCORD_API_URL,
  });
  const where = result.scope === 'guild' ? `in guild ${config.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to show)';
  console.log(`Registered ${result.names.map((n) => `"${n}"`).join(', ')} ${where}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError) {
      for (const line of err.problems) console.error(line);
    } else {
      const status = (err as { status?: unknown }).status;
      const hint = status === 401 ? ' (check DISCORD_TOKEN)' : status === 404 || status === 403 ? ' (check DISCORD_APPLICATION_ID / DISCORD_GUILD_ID, and that the bot was invited with applications.commands)' : '';
      console.error(`Registering commands failed: ${errorMessage(err)}${hint}`);
    }
    process.exitCode = 2;
  });
}
