/**
 * What Slack sends from another workspace than the stand-in's own: the same payload with that
 * workspace's ids (and its Enterprise Grid organisation's, for a workspace of an org), where Slack
 * puts them for commands, interactions and events. A driver made `asTeam` sends every request so.
 */
import type { Delivery } from './driver-transport';
import type { JsonObject } from './json';

export interface DriverTeam {
  teamId: string;
  enterpriseId?: string;
  /** The app is installed org-wide in the organisation. */
  orgWide?: boolean;
}

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function asTeam(delivery: Delivery, team: DriverTeam): Delivery {
  const enterprise = team.enterpriseId ?? null;
  const orgWide = team.orgWide === true;
  if (delivery.kind === 'command') {
    return {
      ...delivery,
      fields: {
        ...delivery.fields,
        team_id: team.teamId,
        ...(team.enterpriseId && { enterprise_id: team.enterpriseId }),
        is_enterprise_install: String(orgWide),
      },
    };
  }
  if (delivery.kind === 'interaction') {
    const payload = structuredClone(delivery.payload);
    payload.team = { ...(isObject(payload.team) ? payload.team : {}), id: team.teamId, enterprise_id: enterprise };
    if (isObject(payload.user)) payload.user.team_id = team.teamId;
    payload.enterprise = team.enterpriseId ? { id: team.enterpriseId, name: team.enterpriseId } : null;
    payload.is_enterprise_install = orgWide;
    return { ...delivery, payload };
  }
  const body = structuredClone(delivery.body);
  body.team_id = team.teamId;
  body.enterprise_id = enterprise;
  body.authorizations = [
    {
      enterprise_id: enterprise,
      team_id: orgWide ? null : team.teamId,
      user_id: 'U0BOT0001',
      is_bot: true,
      is_enterprise_install: orgWide,
    },
  ];
  return { ...delivery, body };
}
