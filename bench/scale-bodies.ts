/**
 * The requests of `npm run bench:scale`, built inside the stand-in's process (stand-in-process.ts)
 * from its own state, exactly as Slack would send them, but not sent: the benchmark signs and
 * sends them itself, round-robin over the web processes. A repeating mix of four per team:
 * the owner picks the adversary on the team's model card (a store update and a card refresh),
 * `/threatmodel list` in the team's channel (a read), the owner picks the adversary back, and
 * `/threatmodel start` in another channel of the team (a new model and its card). None of them opens a modal: a trigger_id lives 3 seconds, and
 * bodies built ahead of the run would time out before views.open.
 */
import type { Delivery, Transport } from '../dev/stand-in/driver-transport';
import { FORM, formBody } from '../dev/stand-in/signed-requests';
import { SlackDriver } from '../dev/stand-in/slack-driver';
import type { SlackStandIn } from '../dev/stand-in/stand-in-server';
import { BOT } from '../dev/stand-in/workspace';
import { ACTIONS } from '../src/slack/ids';
import type { BenchTeam, ScaleBody } from './slack-protocol';

/** Keeps each delivery's body instead of sending it; answers as an empty ack. */
class CapturingTransport implements Transport {
  readonly bodies: ScaleBody[] = [];

  async deliver(delivery: Delivery) {
    if (delivery.kind === 'event') throw new Error('bench:scale sends no events');
    const fields = delivery.kind === 'command' ? delivery.fields : { payload: JSON.stringify(delivery.payload) };
    const type = delivery.kind === 'command' ? `/threatmodel ${fields.text?.split(' ')[0] ?? ''}` : 'roles.select';
    this.bodies.push({ type, contentType: FORM, body: formBody(fields) });
    return { status: 200, body: '' };
  }

  replayLast(): never {
    throw new Error('nothing to replay: bodies are only captured');
  }
}

/**
 * The channel where a team starts its new models: not the team's own, so `/threatmodel list`
 * there lists the same one model in every run (a list growing run by run would make each run
 * dearer than the one before, and the runs with more processes come later).
 */
function featuresChannel(standIn: SlackStandIn, team: BenchTeam, index: number): string {
  const id = `C0FEAT${String(index + 1).padStart(4, '0')}`;
  if (!standIn.workspace.channels.some((channel) => channel.id === id)) {
    standIn.workspace.channels.push({
      id,
      name: `bench-features-${index + 1}`,
      is_private: false,
      is_im: false,
      members: [...team.people, BOT.userId],
    });
  }
  return id;
}

export async function scaleBodies(standIn: SlackStandIn, teams: BenchTeam[], count: number): Promise<ScaleBody[]> {
  const transport = new CapturingTransport();
  const driver = new SlackDriver({ transport, standIn });
  for (let i = 0; transport.bodies.length < count; i++) {
    const team = teams[i % teams.length];
    if (!team) throw new Error('no team to build requests for');
    const [owner = '', first = owner, second = first] = team.people;
    const where = { channel: team.channel, in: 'message' as const };
    const pick = ACTIONS.roleSelect('adversary');
    const round = Math.floor(i / teams.length);
    switch (round % 4) {
      case 0:
        await driver.selectUsers(owner, pick, [second], where);
        break;
      case 1:
        await driver.command(owner, team.channel, 'list');
        break;
      case 2:
        await driver.selectUsers(owner, pick, [first], where);
        break;
      default:
        await driver.command(owner, featuresChannel(standIn, team, i % teams.length), `start Scale feature ${i}`);
    }
  }
  return transport.bodies;
}

/**
 * What the app said through response URLs, by the first words of each answer with how often: the
 * lists, and any refusal (a role pick the app turned down answers the clicker that way).
 */
export function scaleAnswers(standIn: SlackStandIn): { answers: Record<string, number> } {
  const answers: Record<string, number> = {};
  for (const response of standIn.responses) {
    const text = typeof response.body.text === 'string' ? response.body.text : '(blocks only)';
    const key = text.replace(/\d+/g, 'N').slice(0, 48);
    answers[key] = (answers[key] ?? 0) + 1;
  }
  return { answers };
}
