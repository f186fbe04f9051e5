/**
 * What the stand-in recorded, read out for `npm run bench:slack` in the stand-in's process: the
 * Web API calls (method, status, Slack's error, the trigger a views call spent) and every version
 * of each model's card by content fingerprint. All times are the stand-in's own.
 */
import type { SlackStandIn } from '../dev/stand-in/stand-in-server';
import type { RecordedCall } from '../dev/stand-in/stand-in-types';
import { cardFingerprint } from './card-fingerprint';
import type { BenchTeam, CallRecord, CardRecord, Records } from './slack-protocol';

function callRecord(call: RecordedCall): CallRecord {
  const { error } = call.response;
  const trigger = call.args.trigger_id;
  return {
    method: call.method,
    at: call.at.getTime(),
    status: call.status,
    ok: call.response.ok === true,
    ...(typeof error === 'string' && { error }),
    ...(typeof trigger === 'string' && { triggerId: trigger }),
  };
}

export function cardRecords(standIn: SlackStandIn, teams: readonly BenchTeam[]): CardRecord[] {
  return teams.map((team) => ({
    modelId: team.modelId,
    versions: (standIn.message(team.channel, team.cardTs)?.versions ?? []).map((version) => ({
      at: version.at.getTime(),
      fingerprint: cardFingerprint(version),
    })),
  }));
}

export function records(standIn: SlackStandIn, teams: readonly BenchTeam[], since: number): Records {
  return {
    calls: standIn.calls.filter((call) => call.at.getTime() >= since).map(callRecord),
    cards: cardRecords(standIn, teams),
  };
}
