import { loadCatalog } from '../../../src/catalog/load-catalog';
import { addScopeElement } from '../../../src/domain/scope-edits';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { mitigationModal } from '../../../src/slack/views/mitigation-modal';
import { componentAddedMessage } from '../../../src/slack/views/responsibility-messages';
import { buildScopedModel } from '../../support/build-model';

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);

describe('shared responsibility, shown where the team decides', () => {
  it('says, when an EC2 instance is added, that the team must mitigate the operating system and up', () => {
    const message = componentAddedMessage(
      'U1',
      { id: 'C-4', name: 'Build box', type: 'aws-ec2', kind: 'process', responsibility: 'infrastructure' },
      catalog,
    );
    expect(message.text).toMatch(
      /^<@U1> added \*C-4\* Build box \(Amazon EC2\)\.\n\*Shared responsibility: infrastructure service\.\* The provider secures the hardware[^*]*\*The team must mitigate\* the operating system and up/,
    );
  });

  it('says nothing about it for a generic type that names no model', () => {
    const message = componentAddedMessage('U1', { id: 'C-4', name: 'API', type: 'web-api', kind: 'process' }, catalog);
    expect(message.text).toBe('<@U1> added *C-4* API (Web API).');
  });

  it("lists in step 3's mitigation modal what the team must mitigate per component, from the catalog for older components", () => {
    const model = addScopeElement(buildScopedModel(), 'component', {
      name: 'Ledger',
      type: 'aws-rds',
      kind: 'data_store',
      responsibility: 'container',
    }).model;
    const text = JSON.stringify(mitigationModal({ model, catalog }).blocks);
    expect(text).toContain('*Shared responsibility.* The provider secures the rest; the team must mitigate:');
    // C-1 (aws-lambda) was saved without a model: its catalog type's is shown.
    expect(text).toMatch(/\*C-1\* Refunds API \(abstracted service\): the API actions it allows and the policies/);
    expect(text).toMatch(/\*C-4\* Ledger \(container service\): the engine and above/);
  });
});
