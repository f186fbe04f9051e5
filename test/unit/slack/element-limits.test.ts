import { z } from 'zod';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { strideCoverage } from '../../../src/domain/coverage';
import { LIMITS } from '../../../src/domain/limits';
import { BaselineDeviationSchema, MitigationSchema } from '../../../src/domain/mitigation';
import { RiskDecisionSchema } from '../../../src/domain/risk-assessment';
import { SCOPE_KINDS } from '../../../src/domain/scope-edits';
import { ThreatSchema } from '../../../src/domain/threat';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import type { Field } from '../../../src/slack/forms/field';
import { MITIGATION_FIELDS } from '../../../src/slack/forms/mitigation-fields';
import { ELEMENT_SCHEMAS } from '../../../src/slack/forms/parse-scope-form';
import { RISK_FIELDS } from '../../../src/slack/forms/risk-fields';
import { SCOPE_FIELDS } from '../../../src/slack/forms/scope-fields';
import { THREAT_FIELDS } from '../../../src/slack/forms/threat-fields';
import { baselineControlsModal } from '../../../src/slack/views/baseline-controls-modal';
import { catalogSuggestionsModal } from '../../../src/slack/views/catalog-suggestions-modal';
import { coverageModal } from '../../../src/slack/views/coverage-modal';
import { mitigationModal } from '../../../src/slack/views/mitigation-modal';
import { noticeModal } from '../../../src/slack/views/notice-modal';
import { approveModal, requestChangesModal, reviewRequestModal } from '../../../src/slack/views/review-modals';
import { riskModal } from '../../../src/slack/views/risk-modal';
import { scopeElementModal } from '../../../src/slack/views/scope-element-modal';
import { rolesMessage } from '../../../src/slack/views/thread-messages';
import { threatModal } from '../../../src/slack/views/threat-modal';
import { unaddressedModal } from '../../../src/slack/views/unaddressed-modal';
import { buildMitigation, buildModelReadyForThreats, buildThreat, defaultFlow } from '../../support/build-model';

/**
 * Slack enforces an element's limits in the person's client, before anything is sent: a text input
 * holds at most `max_length` characters, a multi-select at most `max_selected_items` choices. Every
 * one the app shows carries the limit the model enforces, so an over-long title or a 25th role holder
 * is refused by Slack first, with Slack's own message. A field added without its limit fails here.
 */

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);
const flow = defaultFlow();
/** Block Kit: a plain_text_input's max_length is 1 to 3000. */
const SLACK_TEXT_INPUT_MAX = 3000;

const model = buildModelReadyForThreats(
  [buildThreat('T-1', { origin: { type: 'catalog', catalogThreatId: 'thr-sql-injection' } })],
  [buildMitigation('M-1', ['T-1'])],
);
const context = { model, catalog, flow };
const threat = model.threats[0] ?? buildThreat('T-1');

/** Every modal and message with inputs the app builds. */
const SURFACES: [string, unknown][] = [
  ...SCOPE_KINDS.map((kind): [string, unknown] => [`scope modal: ${kind}`, scopeElementModal(kind, context)]),
  ['threat modal', threatModal(context)],
  ['mitigation modal', mitigationModal(context)],
  ['risk modal', riskModal(context)],
  ['review request modal', reviewRequestModal(model, ['risk'])],
  ['request changes modal', requestChangesModal(model)],
  ['approve modal', approveModal(model)],
  ['suggestions modal', catalogSuggestionsModal(model, [], { modelId: model.id, page: 1, picked: [] })],
  ['coverage modal', coverageModal(model, strideCoverage(model))],
  ['unaddressed modal', unaddressedModal(model)],
  ['baseline controls modal', baselineControlsModal(model, threat, [])],
  ['notice modal', noticeModal('Only members of <#C0PAYMENT> can see TM-1.')],
  ['roles message', rolesMessage(model, flow)],
];

type Element = Record<string, unknown>;

/** Every element of a kind in a payload, however deeply it sits. */
function elementsOfType(value: unknown, matches: (type: string) => boolean, found: Element[] = []): Element[] {
  if (Array.isArray(value)) for (const item of value) elementsOfType(item, matches, found);
  else if (value && typeof value === 'object') {
    const element = value as Element;
    if (typeof element.type === 'string' && matches(element.type)) found.push(element);
    for (const inner of Object.values(element)) elementsOfType(inner, matches, found);
  }
  return found;
}

const isTextInput = (type: string) => type === 'plain_text_input';
/** multi_static_select, multi_users_select, ...: checkboxes have no max_selected_items in Block Kit. */
const isMultiSelect = (type: string) => type.startsWith('multi_') && type.endsWith('_select');

describe('Slack refuses first: every input carries the limit the model enforces', () => {
  it.each(SURFACES)('%s: every text input has max_length, every multi-select max_selected_items', (_, surface) => {
    for (const input of elementsOfType(surface, isTextInput)) {
      expect({ [String(input.action_id)]: input.max_length }).toEqual({
        [String(input.action_id)]: expect.any(Number),
      });
      expect(input.max_length).toBeGreaterThanOrEqual(1);
      expect(input.max_length).toBeLessThanOrEqual(SLACK_TEXT_INPUT_MAX);
    }
    for (const select of elementsOfType(surface, isMultiSelect)) {
      expect({ [String(select.action_id)]: select.max_selected_items }).toEqual({
        [String(select.action_id)]: expect.any(Number),
      });
      expect(select.max_selected_items).toBeGreaterThanOrEqual(1);
    }
  });

  it('walks every kind of input the app shows', () => {
    const types = new Set(SURFACES.flatMap(([, s]) => elementsOfType(s, (t) => isTextInput(t) || isMultiSelect(t))));
    expect(new Set([...types].map((e) => e.type))).toEqual(
      new Set(['plain_text_input', 'multi_static_select', 'multi_users_select']),
    );
  });

  describe('form fields: the limit of the schema field they fill, capped at what Slack allows', () => {
    /** One item per line: n items and the n - 1 line breaks between them. */
    const lines = (items: number, itemMax: number) => items * itemMax + items - 1;
    /** Fields whose input is not one schema property. */
    const SPECIAL: Record<string, number> = {
      references: lines(LIMITS.referencesMax, LIMITS.referenceMax),
      deviationExplanation: limitsOf(BaselineDeviationSchema).explanation ?? 0,
    };
    const TABLES: [string, readonly Field[], z.ZodType][] = [
      ...SCOPE_KINDS.map((kind): [string, readonly Field[], z.ZodType] => [
        `scope: ${kind}`,
        SCOPE_FIELDS[kind],
        ELEMENT_SCHEMAS[kind],
      ]),
      ['threat', THREAT_FIELDS, ThreatSchema],
      ['mitigation', MITIGATION_FIELDS, MitigationSchema],
      ['risk', RISK_FIELDS, RiskDecisionSchema],
    ];

    it.each(TABLES)('%s', (_, fields, schema) => {
      const limits = { ...limitsOf(schema), ...SPECIAL };
      for (const field of fields) {
        if (field.type === 'text' || field.type === 'multiline') {
          expect({ [field.name]: field.maxLength }).toEqual({
            [field.name]: Math.min(limits[field.name] ?? Number.NaN, SLACK_TEXT_INPUT_MAX),
          });
        }
        if (field.type === 'multiselect') {
          expect({ [field.name]: field.maxSelected }).toEqual({ [field.name]: limits[field.name] });
        }
      }
    });

    it('review modals: comments and notes as long as a review comment, follow-ups as many as allowed', () => {
      const maxLengths = (surface: unknown) =>
        Object.fromEntries(elementsOfType(surface, isTextInput).map((e) => [e.action_id, e.max_length]));
      const comment = Math.min(LIMITS.commentMax, SLACK_TEXT_INPUT_MAX);
      expect(maxLengths(reviewRequestModal(model, []))).toEqual({ note: comment });
      expect(maxLengths(requestChangesModal(model))).toEqual({ comment });
      expect(maxLengths(approveModal(model))).toEqual({
        comment,
        follow_ups: Math.min(lines(LIMITS.followUpsMax, LIMITS.followUpMax), SLACK_TEXT_INPUT_MAX),
      });
    });

    it('role pickers: as many people as a role may have', () => {
      const pickers = elementsOfType(rolesMessage(model, flow), isMultiSelect);
      expect(pickers.map((p) => p.max_selected_items)).toEqual(pickers.map(() => LIMITS.roleHoldersMax));
    });
  });
});

/** The maximum length (strings) or number of items (arrays) of each property of an object schema. */
function limitsOf(schema: z.ZodType): Record<string, number> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { maxLength?: number; maxItems?: number }>;
  };
  return Object.fromEntries(
    Object.entries(json.properties ?? {}).flatMap(([name, property]) => {
      const limit = property.maxLength ?? property.maxItems;
      return limit === undefined ? [] : [[name, limit]];
    }),
  );
}
