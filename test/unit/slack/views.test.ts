import { blockKitProblems } from '../../../dev/stand-in/block-kit-rules';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { strideCoverage } from '../../../src/domain/coverage';
import { addMitigation } from '../../../src/domain/mitigation-edits';
import { ThreatModelSchema } from '../../../src/domain/model';
import { addScopeElement, SCOPE_KINDS } from '../../../src/domain/scope-edits';
import { summarize } from '../../../src/domain/summary';
import { addThreat } from '../../../src/domain/threat-edits';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { SCOPE_FIELDS } from '../../../src/slack/forms/scope-fields';
import { appHomeView } from '../../../src/slack/views/app-home';
import { coverageModal } from '../../../src/slack/views/coverage-modal';
import { mitigationModal } from '../../../src/slack/views/mitigation-modal';
import { mitigationSummaryMessage } from '../../../src/slack/views/mitigation-summary';
import { modelCard } from '../../../src/slack/views/model-card';
import { personaPromptsMessage } from '../../../src/slack/views/persona-prompts';
import { riskModal } from '../../../src/slack/views/risk-modal';
import { scopeElementModal } from '../../../src/slack/views/scope-element-modal';
import { SCOPE_PAGE_SIZE, scopeSummaryMessage } from '../../../src/slack/views/scope-summary';
import { rolesMessage, stepOpenedMessage, stepsReopenedMessage } from '../../../src/slack/views/thread-messages';
import { threatModal } from '../../../src/slack/views/threat-modal';
import { buildModel, buildScopedModel, defaultFlow } from '../../support/build-model';

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);
const flow = defaultFlow();
const LONG = `${'Ünïcødé 🧵 '.repeat(7)}<!channel>`.slice(0, 75);

/** A model at the limits: 120-character title, 100 components, 100 actors, long names everywhere. */
function hugeModel() {
  let model = buildModel({ title: 'T'.repeat(119) + '🧵'.slice(0, 1) });
  for (let i = 0; i < 100; i++) {
    model = addScopeElement(model, 'component', {
      name: `${LONG}`.slice(0, 70) + i,
      type: 'aws-lambda',
      kind: 'process',
      description: 'd'.repeat(1000),
    }).model;
    model = addScopeElement(model, 'actor', {
      name: `Actor ${i} ${LONG}`.slice(0, 75),
      kind: 'human',
      trustLevel: 'x'.repeat(75),
    }).model;
  }
  return ThreatModelSchema.parse(model);
}

describe('Block Kit views stay within Slack limits', () => {
  it('the card, at the longest title and any progress', () => {
    const model = hugeModel();
    const card = modelCard(model, summarize(flow, model), flow);
    expect(blockKitProblems('message', card)).toEqual([]);
    expect(card.blocks[0]).toMatchObject({ type: 'header' });
  });

  it('the roles and step messages', () => {
    const model = buildScopedModel();
    expect(blockKitProblems('message', rolesMessage(model, flow))).toEqual([]);
    for (const step of ['scope', 'threats', 'mitigations', 'risk'] as const) {
      expect(blockKitProblems('message', stepOpenedMessage(model, flow, step))).toEqual([]);
    }
  });

  it('the scope summary paginates 200 elements into valid pages of 20', () => {
    const model = hugeModel();
    const pages = Math.ceil(200 / SCOPE_PAGE_SIZE);
    for (let page = 1; page <= pages; page++) {
      const { page: shown, ...message } = scopeSummaryMessage(model, catalog, page);
      expect(shown).toBe(page);
      expect(blockKitProblems('message', message)).toEqual([]);
      expect(JSON.stringify(message.blocks)).toContain(`Page ${page} of ${pages}`);
    }
    expect(scopeSummaryMessage(model, catalog, 99).page).toBe(pages);
  });

  it.each(SCOPE_KINDS)('the %s modal, empty and when editing, with 100+ things to choose from', (kind) => {
    const model = hugeModel();
    const view = scopeElementModal(kind, { model, catalog });
    expect(blockKitProblems('modal', view)).toEqual([]);
    const withElement = addScopeElement(model, 'asset', { name: LONG, classification: 'internal' }).model;
    const existing = kind === 'asset' ? withElement.scope.assets[0] : undefined;
    if (existing)
      expect(blockKitProblems('modal', scopeElementModal(kind, { model: withElement, catalog }, existing))).toEqual([]);
    const inputs = (view.blocks as { type: string; block_id?: string }[])
      .filter((b) => b.type === 'input')
      .map((b) => b.block_id);
    expect(inputs.length).toBeGreaterThan(0);
    // The element's own fields, then the "After saving" menu a new element's form ends with.
    expect(inputs.slice(0, -1).every((id) => SCOPE_FIELDS[kind].some((f) => f.name === id))).toBe(true);
    expect(inputs.at(-1)).toBe('afterSaving');
  });

  it('the Home tab, with three full sections of long titles', () => {
    const model = hugeModel();
    const entries = Array.from({ length: 15 }, () => ({
      model,
      permalink: 'https://acme.slack.com/archives/C0PAYMENT/p1700000000000100',
    }));
    const view = appHomeView(
      ['Waiting for you', 'Your models', 'Recently updated in your channels'].map((title) => ({
        title,
        empty: 'none',
        entries,
        total: 15,
      })),
      flow,
    );
    expect(blockKitProblems('home', view)).toEqual([]);
  });

  it('the threat modal, empty and with a long preview, for a model at the limits', () => {
    const model = hugeModel();
    expect(blockKitProblems('modal', threatModal({ model, catalog }))).toEqual([]);
    const values = {
      threatSource: 's'.repeat(200),
      prerequisites: 'p'.repeat(200),
      threatAction: 'a'.repeat(200),
      threatImpact: 'i'.repeat(200),
      impactedGoals: ['integrity'],
      impactedAssetIds: [],
      stride: ['T' as const],
      affectedElementIds: ['C-1', 'AC-1'],
    };
    const view = threatModal({ model, catalog }, { values, preview: 'x'.repeat(1400), previewed: 'abc' });
    expect(blockKitProblems('modal', view)).toEqual([]);
  });

  it('the coverage modal, for 200 elements', () => {
    const model = hugeModel();
    const view = coverageModal(model, strideCoverage(model));
    expect(blockKitProblems('modal', view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain('110 more elements');
  });

  it('component types come grouped, generic and AWS', () => {
    const view = scopeElementModal('component', { model: buildModel(), catalog });
    const select = (
      view.blocks as { block_id?: string; element?: { option_groups?: { label: { text: string } }[] } }[]
    ).find((b) => b.block_id === 'type');
    expect(select?.element?.option_groups?.map((g) => g.label.text)).toEqual(['Generic', 'AWS']);
  });
});

describe('persona prompt messages', () => {
  it('stay within limits for a model at the limits, for every step and role', () => {
    const model = ThreatModelSchema.parse({
      ...hugeModel(),
      roles: {
        business: ['U0ALICE01'],
        developer: ['U0BOB0001'],
        adversary: ['U0BOB0001'],
        defender: ['U0CAROL01'],
        appsec_sme: ['U0CAROL01'],
      },
    });
    for (const step of ['scope', 'threats', 'mitigations', 'risk'] as const) {
      for (const role of ['business', 'developer', 'adversary', 'defender', 'appsec_sme'] as const) {
        expect(blockKitProblems('message', personaPromptsMessage(model, flow, step, role))).toEqual([]);
        expect(blockKitProblems('message', personaPromptsMessage(model, flow, step, role, 9999))).toEqual([]);
      }
    }
  });
});

describe('the mitigation modal', () => {
  it('stays within limits with 150 threats and the whole control catalog', () => {
    let model = hugeModel();
    for (let i = 0; i < 150; i++) {
      model = addThreat(
        model,
        {
          threatSource: 's',
          threatAction: `${'a'.repeat(190)} ${i}`,
          impactedGoals: [],
          impactedAssetIds: [],
          stride: ['T'],
          affectedElementIds: [],
        },
        'U0BOB0001',
        new Date(),
        { type: 'catalog', catalogThreatId: 'thr-sql-injection' },
      ).model;
    }
    const view = mitigationModal({ model, catalog });
    expect(blockKitProblems('modal', view)).toEqual([]);
    // Every one of the 150 threats can be chosen: two groups of up to 100.
    const threats = (
      view.blocks as { block_id?: string; element?: { option_groups?: { options: unknown[] }[] } }[]
    ).find((b) => b.block_id === 'threatIds');
    expect(threats?.element?.option_groups?.map((g) => g.options.length)).toEqual([100, 50]);
  });
});

describe('the risk modal', () => {
  it('explains each level and stays within limits with 150 threats', () => {
    let model = hugeModel();
    for (let i = 0; i < 150; i++) {
      model = addThreat(
        model,
        {
          threatSource: 's',
          threatAction: `${'a'.repeat(190)} ${i}`,
          impactedGoals: [],
          impactedAssetIds: [],
          stride: ['T'],
          affectedElementIds: [],
        },
        'U0BOB0001',
        new Date(),
      ).model;
    }
    const view = riskModal({ model, catalog, flow });
    expect(blockKitProblems('modal', view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain('5 Severe: regulatory breach, large loss, lasting harm');
  });
});

describe('the mitigations list', () => {
  it('pages 120 mitigations in valid pages of 20', () => {
    let model = hugeModel();
    model = addThreat(
      model,
      {
        threatSource: 's',
        threatAction: 'a',
        impactedGoals: [],
        impactedAssetIds: [],
        stride: ['T'],
        affectedElementIds: [],
      },
      'U0BOB0001',
      new Date(),
    ).model;
    for (let i = 0; i < 120; i++) {
      model = addMitigation(
        model,
        {
          description: `${'d'.repeat(900)} ${i}`,
          threatIds: ['T-1'],
          status: 'planned',
          references: [],
          owner: 'U0BOB0001',
          baselineControlId: 'ctl-x',
        },
        'U0BOB0001',
        new Date(),
      ).model;
    }
    for (let page = 1; page <= 6; page++) {
      const message = mitigationSummaryMessage(model, page);
      expect(blockKitProblems('message', message)).toEqual([]);
      expect(JSON.stringify(message.blocks)).toContain(`Page ${page} of 6`);
    }
  });
});

describe('the steps-reopened message', () => {
  it('says which steps are open again and why, once, within Slack limits', () => {
    const model = buildScopedModel();
    const reasons = Array.from({ length: 60 }, (_, i) => `T-${i + 1} has no mitigation and no risk decision.`);
    const message = stepsReopenedMessage(model, { steps: ['mitigations', 'risk'], reasons, backToTeam: false });
    expect(blockKitProblems('message', message)).toEqual([]);
    expect(message.text).toContain('Step 3 (mitigations) and step 4 (risk review) of TM-1 are open again');
    expect(message.text).toContain('• T-1 has no mitigation and no risk decision.');
    expect(message.text).not.toContain('review goes back');
  });

  it('says when a model in review went back to the team', () => {
    const message = stepsReopenedMessage(buildScopedModel(), {
      steps: ['scope', 'threats', 'mitigations', 'risk'],
      reasons: ['Add at least 2 components (1 so far).'],
      backToTeam: true,
    });
    expect(message.text).toContain('Step 1 (scope), step 2 (threats), step 3 (mitigations) and step 4 (risk review)');
    expect(message.text).toContain('The review goes back to the team: changes made during review.');
  });
});
