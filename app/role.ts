/**
 * Which part of jobcard this process runs, named on the command line (`npm start -- web`):
 *
 * - `all` (no argument): every platform whose credentials are set, or the playground.
 * - `web`: Slack in HTTP mode only, on $PORT. It can run as many copies as traffic needs
 *   when they share a store (Redis or Postgres): each request reaches one copy, and the store
 *   lets only one copy answer an event Slack delivers twice.
 * - `worker`: Slack Socket Mode and the Discord gateway, which hold one outbound connection
 *   each and take no inbound traffic: one copy.
 *
 * Every process type reads the same environment (a platform gives all of them the same config
 * vars); the role only decides which credentials this process acts on.
 */
export type Role = 'all' | 'web' | 'worker';

const ROLES: readonly Role[] = ['all', 'web', 'worker'];

/** Variables each role must not act on, though they may be set for the other role. */
const IGNORED: Record<Role, readonly string[]> = {
  all: [],
  web: ['SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID'],
  // Add to Slack runs in HTTP mode, in the web process.
  worker: ['SLACK_SIGNING_SECRET', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_REDIRECT_URI', 'JOBCARD_INSTALL_KEY', 'JOBCARD_INSTALL_KEY_PREVIOUS'],
};

export function parseRole(args: readonly string[]): Role | { problem: string } {
  const positional = args.filter((a) => !a.startsWith('-'));
  if (positional.length === 0) return 'all';
  const [name] = positional;
  if (positional.length === 1 && ROLES.includes(name as Role)) return name as Role;
  return { problem: `unknown arguments "${positional.join(' ')}": run with no argument, "web" (Slack HTTP mode) or "worker" (Slack Socket Mode and Discord)` };
}

const isSet = (v: string | undefined): boolean => v !== undefined && v.trim() !== '';

/**
 * The environment this role acts on, or one line saying why the role has nothing to run
 * (a web process without Slack HTTP credentials must fail loudly, not serve the playground).
 */
export function environmentFor(role: Role, env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; problems: string[] } {
  const selected: NodeJS.ProcessEnv = { ...env };
  for (const name of IGNORED[role]) delete selected[name];
  const problems: string[] = [];
  if (role === 'web' && !((isSet(env.SLACK_BOT_TOKEN) || isSet(env.SLACK_CLIENT_ID)) && isSet(env.SLACK_SIGNING_SECRET))) {
    problems.push('web: set SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and the other Add to Slack variables) and SLACK_SIGNING_SECRET (Slack HTTP mode); Socket Mode and Discord run in the worker');
  }
  if (role === 'worker') {
    // Without an app token, Slack runs in the web process: the worker leaves it alone.
    if (!isSet(env.SLACK_APP_TOKEN)) delete selected.SLACK_BOT_TOKEN;
    if (!isSet(env.SLACK_APP_TOKEN) && !isSet(env.DISCORD_TOKEN)) {
      problems.push('worker: set SLACK_APP_TOKEN (Slack Socket Mode, with SLACK_BOT_TOKEN) or DISCORD_TOKEN; Slack HTTP mode runs in the web process');
    }
  }
  return { env: selected, problems };
}
