import { renderBlocks } from '../../../dev/playground/render/blocks';
import type { Surface } from '../../../dev/playground/render/context';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { strideCoverage } from '../../../src/domain/coverage';
import { STEPS } from '../../../src/domain/steps';
import { summarize } from '../../../src/domain/summary';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { appHomeView } from '../../../src/slack/views/app-home';
import { coverageModal } from '../../../src/slack/views/coverage-modal';
import { mitigationModal } from '../../../src/slack/views/mitigation-modal';
import { mitigationSummaryMessage } from '../../../src/slack/views/mitigation-summary';
import { modelCard } from '../../../src/slack/views/model-card';
import { reviewCard } from '../../../src/slack/views/review-card';
import { requestChangesModal, reviewRequestModal } from '../../../src/slack/views/review-modals';
import { riskModal } from '../../../src/slack/views/risk-modal';
import { scopeElementModal } from '../../../src/slack/views/scope-element-modal';
import { scopeSummaryMessage } from '../../../src/slack/views/scope-summary';
import { rolesMessage, stepOpenedMessage } from '../../../src/slack/views/thread-messages';
import { threatModal } from '../../../src/slack/views/threat-modal';
import { threatSummaryMessage } from '../../../src/slack/views/threat-summary';
import { buildScopedModel, defaultFlow } from '../../support/build-model';
import { buildApprovedModel } from '../../support/realistic-model';

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);
const flow = defaultFlow();
const names = { users: { U0ALICE01: 'Alice Martin', U0BOB0001: 'Bob Smith' }, channels: {} };

function render(surface: Surface, view: { blocks?: unknown }): string {
  return renderBlocks(Array.isArray(view.blocks) ? view.blocks : [], { names, surface });
}

describe('the app’s own views in the playground', () => {
  const model = buildScopedModel();
  const approved = buildApprovedModel();
  const context = { model, catalog, flow };

  const views: [name: string, surface: Surface, view: { blocks?: unknown }][] = [
    ['the model card', 'message', modelCard(model, summarize(flow, model), flow)],
    ['the roles message', 'message', rolesMessage(model, flow)],
    ...STEPS.map((step): [string, Surface, { blocks?: unknown }] => [
      `the ${step} step message`,
      'message',
      stepOpenedMessage(model, flow, step),
    ]),
    ['the scope summary', 'message', scopeSummaryMessage(approved, catalog)],
    ['the threat summary', 'message', threatSummaryMessage(approved)],
    ['the mitigation summary', 'message', mitigationSummaryMessage(approved)],
    ['the review card', 'message', reviewCard(approved, flow, 'https://acme.slack.com/archives/C1/p1')],
    ['the component modal', 'modal', scopeElementModal('component', context)],
    ['the threat modal', 'modal', threatModal(context)],
    ['the mitigation modal', 'modal', mitigationModal(context)],
    ['the risk modal', 'modal', riskModal({ model: approved, catalog, flow })],
    ['the coverage modal', 'modal', coverageModal(approved, strideCoverage(approved))],
    ['the review request modal', 'modal', reviewRequestModal(model, ['risk'])],
    ['the request changes modal', 'modal', requestChangesModal(approved)],
    [
      'the Home tab',
      'home',
      appHomeView(
        [{ title: 'Your models', empty: 'none', entries: [{ model, permalink: undefined }], total: 1 }],
        flow,
      ),
    ],
  ];

  it.each(views)('renders %s with no unsupported block or element', (_name, surface, view) => {
    const out = render(surface, view);
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toContain('Unsupported');
  });

  it('keeps the form fields of a modal addressable by block id and action id', () => {
    const out = render('modal', threatModal(context));
    expect(out).toMatch(/class="block block-input[^"]*" data-block-id="threatAction" data-required/);
    expect(out).toContain('data-action-id="threatAction"');
  });
});
