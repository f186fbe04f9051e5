import type { Flow } from '../../domain/flow';
import type { ThreatModel } from '../../domain/model';
import { countedResidualRating, untreatedLabel, untreatedThreats } from '../../domain/risk';
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
 * and after mitigation, and the threats whose residual risk is not adequately treated (above the
 * flow's appetite and not accepted by someone allowed to): the risk after mitigation is what counts.
 */
export function riskMatrixMessage(model: ThreatModel, flow: Flow): SlackMessage {
  const before = model.threats.flatMap((t) => (t.risk.before ? [t.risk.before] : []));
  // The residual risk as approval counts it, as the exported matrix and report count it.
  const after = model.threats.flatMap((t) => countedResidualRating(t, model.mitigations) ?? []);
  const untreated = untreatedThreats(flow, model);
  const rated = untreated.filter((item) => item.kind !== 'not_rated');
  const unrated = untreated.length - rated.length;
  const appetite = `the risk appetite (${flow.risk.appetite} after mitigation)`;
  const openText =
    rated.length === 0
      ? `Every threat rated after mitigation is within ${appetite} or accepted by someone allowed to.`
      : `*Not adequately treated* (approval waits for these; ${appetite}): ${truncate(
          rated
            .sort((a, b) => (b.residual?.score ?? 0) - (a.residual?.score ?? 0))
            .map((item) => `${item.threat.id} (${untreatedLabel(item.kind, item.residual?.band)})`)
            .join(', '),
          2300,
        )}`;
  const unratedText = unrated > 0 ? `\n${unrated} not rated after mitigation yet.` : '';
  return {
    text: `Risk matrix of ${model.id}: ${before.length} of ${model.threats.length} threats rated`,
    blocks: [
      section(`*Risk matrix of ${model.id}* · ${before.length} of ${model.threats.length} threats rated`),
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Before mitigation*\n\`\`\`${grid(before)}\`\`\`` },
          { type: 'mrkdwn', text: `*After mitigation (what counts)*\n\`\`\`${grid(after)}\`\`\`` },
        ],
      },
      section(`${openText}${unratedText}`),
      context("L = likelihood, I = impact (1 to 5); bands come from the flow's matrix."),
    ],
  };
}
