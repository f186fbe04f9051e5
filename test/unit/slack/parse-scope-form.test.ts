import { loadCatalog } from '../../../src/catalog/load-catalog';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import type { ViewState } from '../../../src/slack/forms/form-values';
import { parseScopeForm } from '../../../src/slack/forms/parse-scope-form';
import { buildScopedModel } from '../../support/build-model';

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);
const context = { model: buildScopedModel(), catalog };
const text = (value: string | null) => ({ type: 'plain_text_input', value });
const select = (value: string) => ({ type: 'static_select', selected_option: { value } });

describe('parsing a scope modal submission', () => {
  it('builds a component from its fields, taking its diagram kind from the catalog type', () => {
    const state: ViewState = {
      name: { name: text('  Ledger  ') },
      description: { description: text(null) },
      type: { type: select('aws-dynamodb') },
    };
    expect(parseScopeForm('component', state, context)).toEqual({
      ok: true,
      input: { name: 'Ledger', type: 'aws-dynamodb', kind: 'data_store' },
    });
  });

  it('reports every bad field by block id, in words a person understands', () => {
    const state: ViewState = {
      name: { name: text('x'.repeat(76)) },
      classification: { classification: { type: 'static_select', selected_option: null } },
    };
    expect(parseScopeForm('asset', state, context)).toEqual({
      ok: false,
      errors: { name: 'Must be at most 75 characters.', classification: 'Please fill this in.' },
    });
  });

  it('refuses a data flow from an element to itself and an unknown component type', () => {
    const flow: ViewState = {
      from: { from: select('C-1') },
      to: { to: select('C-1') },
      data: { data: text('rows') },
      crossesTrustBoundary: { crossesTrustBoundary: { type: 'radio_buttons', selected_option: { value: 'no' } } },
    };
    expect(parseScopeForm('dataFlow', flow, context)).toMatchObject({
      ok: false,
      errors: { to: 'A data flow connects two different elements.' },
    });
    const component: ViewState = { name: { name: text('X') }, type: { type: select('mainframe') } };
    expect(parseScopeForm('component', component, context)).toMatchObject({
      ok: false,
      errors: { type: 'Choose a type from the list.' },
    });
  });

  it('takes a design link only with an http(s) URL', () => {
    const state = (url: string): ViewState => ({
      title: { title: text('Doc') },
      url: { url: { type: 'url_text_input', value: url } },
    });
    expect(parseScopeForm('designLink', state('https://wiki.example/refunds'), context)).toMatchObject({ ok: true });
    expect(parseScopeForm('designLink', state('javascript:alert(1)'), context)).toMatchObject({
      ok: false,
      errors: { url: expect.any(String) },
    });
  });
});
