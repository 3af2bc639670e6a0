import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../adapters/slack/install.js';
import { JD_COMMAND } from '../../../adapters/slack/listeners/command.js';
import { repoRoot } from './harness.js';

/** The items of a YAML list under `key:` (two-space indented `- item` lines), comments skipped. */
function yamlList(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  if (start === -1) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const t = line.trim();
    if (t.startsWith('#')) continue;
    if (!t.startsWith('- ')) break;
    items.push(t.slice(2).trim());
  }
  return items;
}

const MANIFESTS = ['manifest.yml', 'manifest.socket-mode.yml'];

describe.each(MANIFESTS)('%s', (name) => {
  const yaml = readFileSync(path.join(repoRoot, 'adapters/slack', name), 'utf8');

  it('asks for the scopes the app uses, and no others', () => {
    expect(yamlList(yaml, 'bot').sort()).toEqual([
      'channels:history', 'channels:read', 'chat:write', 'commands', 'files:read', 'groups:history', 'groups:read',
      'im:history', 'im:read', 'im:write', 'mpim:history', 'mpim:read', 'reactions:read',
    ]);
    // Add to Slack asks for the same scopes as the manifest.
    expect([...BOT_SCOPES].sort()).toEqual(yamlList(yaml, 'bot').sort());
  });

  it('subscribes to the events the listeners handle', () => {
    expect(yamlList(yaml, 'bot_events').sort()).toEqual([
      'app_uninstalled', 'message.channels', 'message.groups', 'message.im', 'message.mpim', 'reaction_added', 'tokens_revoked',
    ]);
  });

  it('names the OAuth redirect the app serves, in HTTP mode (Add to Slack)', () => {
    if (name.includes('socket')) expect(yaml).not.toContain('redirect_urls');
    else expect(yamlList(yaml, 'redirect_urls')).toEqual(['https://YOUR-HOST/slack/oauth_redirect']);
  });

  it('declares the command the app listens for', () => {
    expect(yaml).toContain(`- command: ${JD_COMMAND}\n`);
  });

  it('sets Socket Mode to match its name', () => {
    expect(yaml).toContain(`socket_mode_enabled: ${name.includes('socket') ? 'true' : 'false'}`);
  });
});
