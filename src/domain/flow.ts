import { z } from 'zod';
import { LIMITS } from './limits';
import { RISK_BANDS, RISK_LEVEL_MAX, RISK_LEVEL_MIN, type RiskBand, RiskBandSchema } from './risk-assessment';
import { ROLES } from './roles';
import { STEPS } from './steps';
import { StrideSchema } from './stride';

/**
 * The guided flow, as data an AppSec team edits (flows/*.yaml): per step its intro, the prompts
 * each persona gets, the rules that decide when the step is complete; plus reminder timings and
 * the risk matrix. The domain interprets it; nothing here is Slack-specific.
 */

/** Lists of a model that completion rules can count. */
export const COUNTABLE_LISTS = [
  'assets',
  'actors',
  'entryPoints',
  'components',
  'dataFlows',
  'trustBoundaries',
  'useCases',
  'threats',
  'mitigations',
] as const;
export type CountableList = (typeof COUNTABLE_LISTS)[number];

export const CompletionRuleSchema = z
  .discriminatedUnion('rule', [
    z
      .strictObject({
        rule: z.literal('min_count'),
        of: z.enum(COUNTABLE_LISTS),
        min: z.number().int().min(1).max(LIMITS.elementsMax),
      })
      .describe('At least `min` items in a list'),
    z
      .strictObject({ rule: z.literal('every_threat_addressed') })
      .describe('Every threat has an active mitigation or an accept/transfer/avoid decision'),
    z.strictObject({ rule: z.literal('every_threat_classified') }).describe('Every threat has a STRIDE category'),
    z
      .strictObject({ rule: z.literal('every_threat_rated') })
      .describe('Every threat has likelihood and impact before and after mitigation'),
    z
      .strictObject({ rule: z.literal('every_threat_decided') })
      .describe('Every threat has a risk decision; "mitigate" needs an active mitigation'),
    z
      .strictObject({ rule: z.literal('roles_assigned'), roles: z.array(z.enum(ROLES)).min(1) })
      .describe('Each listed role has at least one holder'),
  ])
  .describe('A condition a step needs before it can be completed');
export type CompletionRule = z.infer<typeof CompletionRuleSchema>;

/** Elements a prompt can be repeated for; `{element}` in its text names each one. */
export const PROMPT_TARGETS = ['asset', 'actor', 'entry_point', 'component', 'data_flow'] as const;
export type PromptTarget = (typeof PROMPT_TARGETS)[number];

/** Placeholders a prompt text may use. */
export const PROMPT_PLACEHOLDERS = ['feature', 'element', 'stride', 'strideQuestion'] as const;

export const PromptSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
      .describe('Stable id, recorded as the origin of threats the prompt leads to'),
    text: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.descriptionMax)
      .describe('The question; placeholders: {feature}, {element}, {stride}, {strideQuestion}'),
    forEach: z.enum(PROMPT_TARGETS).optional().describe('Ask once per element of this kind'),
    strideFor: z
      .union([z.literal('per_element'), z.array(StrideSchema).min(1)])
      .optional()
      .describe('Ask once per STRIDE category: those that apply to the element, or the listed ones'),
  })
  .superRefine((prompt, ctx) => {
    for (const [, name] of prompt.text.matchAll(/\{([^{}]*)\}/g)) {
      if (!PROMPT_PLACEHOLDERS.includes(name as (typeof PROMPT_PLACEHOLDERS)[number])) {
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: `unknown placeholder {${name}}; use ${PROMPT_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        });
      }
    }
    if (prompt.text.includes('{element}') && !prompt.forEach) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: '{element} needs forEach to say which elements' });
    }
    if (/\{stride(Question)?\}/.test(prompt.text) && !prompt.strideFor) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: '{stride} needs strideFor to say which categories' });
    }
    if (prompt.strideFor === 'per_element' && (!prompt.forEach || prompt.forEach === 'asset')) {
      ctx.addIssue({
        code: 'custom',
        path: ['strideFor'],
        message: 'per_element needs forEach naming a diagram element (actor, entry_point, component or data_flow)',
      });
    }
  })
  .describe('A question for one persona');
export type Prompt = z.infer<typeof PromptSchema>;

const prompts = z.array(PromptSchema).max(50).default([]);

export const FlowStepSchema = z
  .strictObject({
    id: z.enum(STEPS),
    title: z.string().trim().min(1).max(LIMITS.nameMax),
    intro: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.descriptionMax)
      .refine((intro) => [...intro.matchAll(/\{([^{}]*)\}/g)].every(([, name]) => name === 'feature'), {
        message: 'an intro may only use the {feature} placeholder',
      })
      .describe('Posted in the thread when the step opens; may use {feature}'),
    prompts: z
      .strictObject({
        business: prompts,
        developer: prompts,
        adversary: prompts,
        defender: prompts,
        appsec_sme: prompts,
      })
      .partial()
      .default({})
      .describe('Prompts per persona'),
    completion: z.array(CompletionRuleSchema).default([]).describe('All must hold to complete the step'),
    idleNudgeAfterWorkingDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .describe('Overrides reminders.draftIdle.afterWorkingDays for this step'),
  })
  .describe('One step of the guided flow');
export type FlowStep = z.infer<typeof FlowStepSchema>;

export { RISK_BANDS, type RiskBand, RiskBandSchema } from './risk-assessment';

/** Who may accept, transfer or avoid a risk: the team (the owner or any role holder), or one role's holders. */
export const RISK_ACCEPTERS = ['team', ...ROLES] as const;
export type RiskAccepter = (typeof RISK_ACCEPTERS)[number];

export const RiskAcceptanceRuleSchema = z
  .strictObject({
    by: z
      .enum(RISK_ACCEPTERS)
      .describe(
        '"team": the owner or any role holder; a role (e.g. "business"): only its holders, whom a proposal from anyone else asks',
      ),
    confirmedByAppSec: z
      .boolean()
      .default(false)
      .describe('The AppSec reviewer confirms such an acceptance when approving the model'),
  })
  .describe('Who may accept, transfer or avoid a risk of one residual band');
export type RiskAcceptanceRule = z.infer<typeof RiskAcceptanceRuleSchema>;

const DEFAULT_ACCEPTANCE = {
  low: { by: 'team', confirmedByAppSec: false },
  medium: { by: 'team', confirmedByAppSec: false },
  high: { by: 'business', confirmedByAppSec: true },
  critical: { by: 'business', confirmedByAppSec: true },
} as const satisfies Record<RiskBand, RiskAcceptanceRule>;

const levelLabels = z
  .array(z.string().trim().min(1).max(LIMITS.nameMax))
  .length(RISK_LEVEL_MAX - RISK_LEVEL_MIN + 1, 'must list exactly five levels, from 1 to 5');

export const RiskMatrixSchema = z
  .strictObject({
    likelihoodLevels: levelLabels.describe('Labels of likelihood 1 to 5, each explaining the level'),
    impactLevels: levelLabels.describe('Labels of impact 1 to 5, each explaining the level'),
    bands: z
      .array(z.array(RiskBandSchema).length(5, 'each row must have five bands, impact 1 to 5'))
      .length(5, 'must have five rows, likelihood 1 to 5')
      .describe('bands[likelihood-1][impact-1]'),
    appetite: RiskBandSchema.default('medium').describe(
      'The highest residual band accepted without a decision: a threat whose risk after mitigation is in ' +
        'this band or below is adequately treated; above it, its risk must be accepted, transferred or avoided',
    ),
    acceptance: z
      .strictObject({
        low: RiskAcceptanceRuleSchema,
        medium: RiskAcceptanceRuleSchema,
        high: RiskAcceptanceRuleSchema,
        critical: RiskAcceptanceRuleSchema,
      })
      .default(DEFAULT_ACCEPTANCE)
      .describe('Per residual band, who may accept, transfer or avoid the risk'),
  })
  .superRefine((matrix, ctx) => {
    const rank = (band: RiskBand) => RISK_BANDS.indexOf(band);
    matrix.bands.forEach((row, l) => {
      row.forEach((band, i) => {
        const left = row[i - 1];
        const below = matrix.bands[l - 1]?.[i];
        if ((left && rank(band) < rank(left)) || (below && rank(band) < rank(below))) {
          ctx.addIssue({
            code: 'custom',
            path: ['bands', l, i],
            message: 'a band may not fall as likelihood or impact rises',
          });
        }
      });
    });
  })
  .describe('The risk matrix');
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;

const workingDays = z.number().int().min(1).max(60);

export const RemindersSchema = z
  .strictObject({
    draftIdle: z.strictObject({
      afterWorkingDays: workingDays.describe('Nudge the owner after this many working days without a change'),
      repeatEveryWorkingDays: workingDays.describe('Then again this often'),
      notifyRoleHoldersAfterNudges: z
        .number()
        .int()
        .min(1)
        .max(10)
        .describe('After this many unanswered nudges, mention the role holders too'),
      maxNudges: z.number().int().min(1).max(20),
    }),
    reviewOverdue: z.strictObject({
      localHour: z.number().int().min(0).max(23).describe("Reviewer's local hour for daily nudges"),
      escalateAfterWorkingDays: workingDays.describe('Overdue working days before the AppSec channel is told'),
    }),
  })
  .describe('Reminder timings');
export type Reminders = z.infer<typeof RemindersSchema>;

const brief = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.descriptionMax)
  .describe('What the role does, posted when someone is given it');

export const RoleBriefsSchema = z
  .strictObject({
    business: brief,
    developer: brief,
    adversary: brief,
    defender: brief,
    appsec_sme: brief,
  })
  .describe('A short brief per role');

export const FlowSchema = z
  .strictObject({
    version: z.literal(1),
    name: z.string().trim().min(1).max(LIMITS.nameMax),
    roles: RoleBriefsSchema,
    steps: z.array(FlowStepSchema).superRefine((steps, ctx) => {
      const ids = steps.map((step) => step.id).join(', ');
      if (ids !== STEPS.join(', ')) {
        ctx.addIssue({
          code: 'custom',
          message: `must list the steps ${STEPS.join(', ')} in that order (found: ${ids})`,
        });
      }
    }),
    risk: RiskMatrixSchema,
    reminders: RemindersSchema,
  })
  .describe('A Threadmodel guided flow');
export type Flow = z.infer<typeof FlowSchema>;

export function flowStep(flow: Flow, step: (typeof STEPS)[number]): FlowStep {
  const found = flow.steps.find((candidate) => candidate.id === step);
  if (!found) throw new Error(`flow has no step ${step}`); // FlowSchema guarantees all four
  return found;
}
