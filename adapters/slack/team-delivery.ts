import type { AlertDelivery } from '../../src/alerts/alerts.js';
import type { DigestDelivery } from '../../src/alerts/digests.js';
import type { SlackDeps } from './deps.js';
import { slackAlertDelivery, slackDigestDelivery } from './alerts.js';

/** The deps to act with in a workspace outside any request (its installation's token), or undefined when it has none. */
export type DepsOfTeam = (team: string) => Promise<SlackDeps | undefined>;

/**
 * Alerts and digests go out with no request to take a token from: with Add to Slack, each is
 * sent with the token of the workspace it belongs to (read from its installation); a workspace
 * that removed the app gets nothing.
 */
export function perWorkspaceDeliveries(depsOfTeam: DepsOfTeam): { alerts: AlertDelivery; digests: DigestDelivery } {
  const alerts = new WeakMap<SlackDeps, AlertDelivery>();
  const digests = new WeakMap<SlackDeps, DigestDelivery>();
  const alertsIn = async (team: string): Promise<AlertDelivery | undefined> => {
    const deps = await depsOfTeam(team);
    if (!deps) return undefined;
    let delivery = alerts.get(deps);
    if (!delivery) alerts.set(deps, (delivery = slackAlertDelivery(deps)));
    return delivery;
  };
  const digestsIn = async (team: string): Promise<DigestDelivery | undefined> => {
    const deps = await depsOfTeam(team);
    if (!deps) return undefined;
    let delivery = digests.get(deps);
    if (!delivery) digests.set(deps, (delivery = slackDigestDelivery(deps)));
    return delivery;
  };
  return {
    alerts: {
      canSee: async (user, share) => (await alertsIn(share.team))?.canSee(user, share) ?? false,
      send: async (alert) => (await alertsIn(alert.share.team))?.send(alert) ?? false,
    },
    digests: {
      post: async (schedule, digest) => (await digestsIn(schedule.team))?.post(schedule, digest) ?? false,
    },
  };
}
