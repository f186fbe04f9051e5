import type { Flow } from '../../domain/flow';
import type { ThreatModel } from '../../domain/model';
import { openHighRisks } from '../../domain/risk';
import type { RiskRating } from '../../domain/risk-assessment';
import type { SlackMessage } from './surfaces';
import { context, section, truncate } from './text';

/** A 5x5 grid of counts, likelihood down (5 at the top), impact across, as monospace text. */
function grid(ratings: readonly RiskRating[]): string {
  const count = (l: number, i: number) => ratings.filter((r) => r.likelihood === l && r.impact === i).length;
  const rows = [5, 4, 3, 2, 1].map(
    (l) => `L${l} | ${[1, 2, 3, 4, 5].map((i) => String(count(l, i) || '·').padStart(2)).join(' ')}`,
  );
  return [...rows, '     ------------------', '     I1 I2 I3 I4 I5'].join('\n');
}

/**
 * The risk matrix in the thread: how many threats sit in each likelihood × impact cell before
 * and after mitigation, and the threats still open at high or critical.
 */
export function riskMatrixMessage(model: ThreatModel, flow: Flow): SlackMessage {
  const before = model.threats.flatMap((t) => (t.risk.before ? [t.risk.before] : []));
  const after = model.threats.flatMap((t) => (t.risk.after ? [t.risk.after] : []));
  const open = openHighRisks(flow.risk, model.threats, model.mitigations).sort((a, b) => b.score - a.score);
  const openText =
    open.length === 0
      ? 'No threat is open at high or critical.'
      : `*Open at high or critical:* ${truncate(open.map((r) => `${r.threat.id} (${r.band}, ${r.score})`).join(', '), 2500)}`;
  return {
    text: `Risk matrix of ${model.id}: ${before.length} of ${model.threats.length} threats rated`,
    blocks: [
      section(`*Risk matrix of ${model.id}* · ${before.length} of ${model.threats.length} threats rated`),
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Before mitigation*\n\`\`\`${grid(before)}\`\`\`` },
          { type: 'mrkdwn', text: `*After mitigation*\n\`\`\`${grid(after)}\`\`\`` },
        ],
      },
      section(openText),
      context("L = likelihood, I = impact (1 to 5); bands come from the flow's matrix."),
    ],
  };
}
