import type { Flow } from '../../domain/flow';
import { flowStep } from '../../domain/flow';
import type { ThreatModel } from '../../domain/model';
import { untreatedLabel } from '../../domain/risk';
import { RISK_BANDS } from '../../domain/risk-assessment';
import { statusLabel } from '../../domain/status-labels';
import { NO_ESTIMATES, type StepEstimates } from '../../domain/step-estimates';
import { STEPS, stepNumber } from '../../domain/steps';
import type { ModelSummary } from '../../domain/summary';
import { versionLabel } from '../../domain/versions';
import { ACTIONS, encodeValue } from '../ids';
import { slackDate } from './slack-dates';
import { stepInProgressEstimate } from './step-estimates';
import type { SlackMessage } from './surfaces';
import { actions, button, context, mention, plain, section, truncate, userLine } from './text';

/** ▰▰▰▱▱▱▱▱▱▱ 30% */
export function progressBar(percent: number): string {
  const filled = Math.round(Math.max(0, Math.min(100, percent)) / 10);
  return `${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)} ${percent}%`;
}

/**
 * Threats per band of residual risk (after mitigation), worst first: "1 critical · 2 medium · 1 not
 * rated". The risk left after mitigation is what counts, not the inherent one.
 */
export function residualLine(summary: ModelSummary): string {
  const { residual } = summary;
  const parts = [...RISK_BANDS]
    .reverse()
    .filter((band) => residual[band] > 0)
    .map((band) => `${residual[band]} ${band}`);
  if (residual.unrated > 0) parts.push(`${residual.unrated} not rated`);
  return parts.join(' · ') || 'no threats yet';
}

/**
 * The model card: the message at the top of the model's thread, updated in place. A pure
 * function of the model, its summary, the flow and the workspace's step estimates (passed in as
 * data; the step in progress shows what teams usually spend on it). `interactive: false` drops
 * the buttons (for `/threatmodel status`).
 */
export function modelCard(
  model: ThreatModel,
  summary: ModelSummary,
  flow: Flow,
  interactive = true,
  estimates: StepEstimates = NO_ESTIMATES,
): SlackMessage {
  const step = flowStep(flow, model.currentStep);
  const allDone = STEPS.every((s) => model.completedSteps[s]);
  const stepLine = allDone
    ? '*All four steps are complete*'
    : `*Step ${stepNumber(model.currentStep)} of ${STEPS.length}: ${step.title}*`;
  const { counts } = summary;
  const untreated = summary.untreatedRisks.filter((risk) => risk.kind !== 'not_rated');
  const risks =
    untreated.length === 0
      ? 'none'
      : untreated
          .slice(0, 10)
          .map((risk) => `${risk.threatId} (${untreatedLabel(risk.kind, risk.band)})`)
          .join(', ') + (untreated.length > 10 ? ` and ${untreated.length - 10} more` : '');
  const editable = model.status === 'draft' || model.status === 'changes_requested';
  const review = model.review;
  return {
    text: truncate(
      `${model.id} ${userLine(model.title)}: step ${stepNumber(model.currentStep)} of 4, ${summary.completionPercent}% complete`,
      3000,
    ),
    blocks: [
      { type: 'header', text: plain(`🧵 ${model.title}`, 150) },
      context(`*${model.id}* ${versionLabel(model)} · owner ${mention(model.ownerId)} · ${statusLabel(model.status)}`),
      section(`${stepLine}\n${progressBar(summary.completionPercent)}`),
      ...stepInProgressEstimate(model, estimates),
      {
        type: 'section',
        fields: [
          `*Assets*\n${counts.assets}`,
          `*Entry points*\n${counts.entryPoints}`,
          `*Components*\n${counts.components}`,
          `*Data flows*\n${counts.dataFlows}`,
          `*Threats*\n${counts.threats}`,
          `*Mitigations*\n${counts.mitigations}`,
          `*Residual risk*\n${residualLine(summary)}`,
          `*Untreated risks*\n${risks}`,
        ].map((text) => ({ type: 'mrkdwn', text })),
      },
      ...(review && model.status === 'in_review'
        ? [
            context(
              `:mag: In AppSec review${review.reviewerId ? ` by ${mention(review.reviewerId)}` : ''}` +
                (review.dueAt ? `, due ${slackDate(review.dueAt)}` : ''),
            ),
          ]
        : []),
      ...(interactive
        ? [
            actions('card_actions', [
              ...(editable && !allDone
                ? [
                    button(
                      `Finish step ${stepNumber(model.currentStep)}`,
                      ACTIONS.finishStep,
                      encodeValue(model.id, model.currentStep),
                      'primary',
                    ),
                  ]
                : []),
              ...(editable
                ? [
                    button(
                      model.status === 'changes_requested' ? 'Request review again' : 'Request AppSec review',
                      ACTIONS.reviewRequest,
                      encodeValue(model.id),
                      allDone ? 'primary' : undefined,
                    ),
                  ]
                : []),
              // The use case decides who may (owner or role holder); the button only shows when it can apply.
              ...(model.status === 'approved' ? [button('Revise', ACTIONS.revise, encodeValue(model.id))] : []),
              ...(model.revision
                ? [
                    button(
                      `What changed since v${model.revision.approved.at(-1)?.number ?? 1}`,
                      ACTIONS.versionChanges,
                      encodeValue(model.id),
                    ),
                  ]
                : []),
              // Reading the trail changes nothing: offered whatever the status.
              button('History', ACTIONS.history, encodeValue(model.id)),
            ]),
          ]
        : []),
      context('Everything about this model happens in its thread. 🧵'),
    ],
  };
}
