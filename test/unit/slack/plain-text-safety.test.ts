import { loadCatalog } from '../../../src/catalog/load-catalog';
import type { ThreatModel } from '../../../src/domain/model';
import { summarize } from '../../../src/domain/summary';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { modelCard } from '../../../src/slack/views/model-card';
import { reviewCard } from '../../../src/slack/views/review-card';
import { approveModal, requestChangesModal, reviewRequestModal } from '../../../src/slack/views/review-modals';
import { riskModal } from '../../../src/slack/views/risk-modal';
import { scopeElementModal } from '../../../src/slack/views/scope-element-modal';
import { inputText, plain, truncate } from '../../../src/slack/views/text';
import { stepOpenedMessage } from '../../../src/slack/views/thread-messages';
import { threatModal } from '../../../src/slack/views/threat-modal';
import { buildModelReadyForThreats, defaultFlow } from '../../support/build-model';
import { hiddenCharactersIn } from '../../support/hidden-characters';

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);
const flow = defaultFlow();

/**
 * A model whose text did not come through the schema (as if written by an older version, or by
 * hand): the views must not pass its hidden characters on. Defence in depth; the store cleans.
 */
function dirtyModel(): ThreatModel {
  const model = buildModelReadyForThreats();
  const [asset, ...assets] = model.scope.assets;
  return {
    ...model,
    title: 'Refunds \u202Edevorppa\u202C\u0000',
    scope: { ...model.scope, assets: asset ? [{ ...asset, name: 'Card\u2066 token\u0000' }, ...assets] : [] },
  };
}

describe('plain text in views', () => {
  it('is cleaned, so a header or a context line never shows a reordered title or a NUL', () => {
    const model = dirtyModel();
    const views = {
      card: modelCard(model, summarize(flow, model), flow),
      status: modelCard(model, summarize(flow, model), flow, false),
      reviewCard: reviewCard(model, flow, undefined),
      reviewRequest: reviewRequestModal(model, []),
      requestChanges: requestChangesModal(model),
      approve: approveModal(model),
      threat: threatModal({ model, catalog }),
      asset: scopeElementModal('asset', { model, catalog }, model.scope.assets[0]),
      risk: riskModal({ model, catalog, flow }),
      stepOpened: stepOpenedMessage(model, flow, 'scope'),
    };
    expect(hiddenCharactersIn(views)).toEqual([]);
    expect(views.card.blocks?.[0]).toMatchObject({ type: 'header', text: { text: '🧵 Refunds devorppa' } });
    expect(JSON.stringify(views.asset)).toContain('"initial_value":"Card token"');
  });

  it('keeps a title with a replacement pattern as typed in a step intro', () => {
    const model = { ...buildModelReadyForThreats(), title: "Refunds $& $' API" };
    expect(JSON.stringify(stepOpenedMessage(model, flow, 'scope'))).not.toContain('{feature}');
    expect(JSON.stringify(stepOpenedMessage(model, flow, 'scope'))).toContain("Refunds $&amp; $' API");
  });

  it('never cuts an emoji in half', () => {
    expect(truncate('ab🧵cd', 4)).toBe('ab…');
    expect(truncate('abc🧵', 4)).toBe('abc…');
    expect(plain('🧵'.repeat(100), 150).text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(inputText('a\u202Eb\u0000')).toBe('ab');
  });
});
