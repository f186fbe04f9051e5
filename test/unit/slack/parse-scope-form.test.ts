import { loadCatalog } from '../../../src/catalog/load-catalog';
import { addScopeElement } from '../../../src/domain/scope-edits';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import type { ViewState } from '../../../src/slack/forms/form-values';
import { parseScopeForm } from '../../../src/slack/forms/parse-scope-form';
import { SCOPE_FIELDS } from '../../../src/slack/forms/scope-fields';
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
      input: { name: 'Ledger', type: 'aws-dynamodb', kind: 'data_store', responsibility: 'abstracted' },
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

  describe('an entry point and its kind', () => {
    const withBucket = addScopeElement(buildScopedModel(), 'component', {
      name: 'Uploads',
      type: 'aws-s3',
      kind: 'data_store',
    }).model;
    const bucketContext = { model: withBucket, catalog };
    const entryPoint = (componentId: string, kind: string, exposure?: string): ViewState => ({
      name: { name: text('Upload URL') },
      componentId: { componentId: select(componentId) },
      kind: { kind: select(kind) },
      ...(exposure && { exposure: { exposure: select(exposure) } }),
      authentication: { authentication: select('aws_iam') },
    });

    it('offers the native kinds of each component type in the model, then Custom', () => {
      const field = SCOPE_FIELDS.entryPoint.find((f) => f.name === 'kind');
      expect(field?.choices?.(bucketContext)).toEqual([
        {
          label: 'AWS Lambda',
          choices: expect.arrayContaining([{ text: 'Lambda Invoke API', value: 'aws-lambda/invoke-api' }]),
        },
        { label: 'Amazon RDS or Aurora', choices: expect.any(Array) },
        { label: 'Amazon SQS', choices: expect.any(Array) },
        { label: 'Amazon S3', choices: [{ text: 'S3 API (bucket and object requests)', value: 'aws-s3/s3-api' }] },
        { label: 'Any component', choices: [{ text: 'Custom: something the feature adds', value: 'custom' }] },
      ]);
    });

    it("stores the kind of the component's own type, with the exposure the kind asks for", () => {
      expect(parseScopeForm('entryPoint', entryPoint('C-4', 'aws-s3/s3-api', 'public'), bucketContext)).toEqual({
        ok: true,
        input: {
          name: 'Upload URL',
          componentId: 'C-4',
          kind: 's3-api',
          exposure: 'public',
          authentication: 'aws_iam',
        },
      });
      expect(parseScopeForm('entryPoint', entryPoint('C-4', 'aws-s3/s3-api'), bucketContext)).toEqual({
        ok: false,
        errors: { exposure: 'S3 API (bucket and object requests) can be private or public: choose one.' },
      });
    });

    it("refuses a kind of another component's type, and drops exposure where the kind has none", () => {
      expect(parseScopeForm('entryPoint', entryPoint('C-4', 'aws-lambda/invoke-api'), bucketContext)).toEqual({
        ok: false,
        errors: { kind: "That is not a way into C-4 (Amazon S3): choose one of Amazon S3's kinds, or Custom." },
      });
      expect(parseScopeForm('entryPoint', entryPoint('C-1', 'aws-lambda/invoke-api', 'public'), bucketContext)).toEqual(
        {
          ok: true,
          input: { name: 'Upload URL', componentId: 'C-1', kind: 'invoke-api', authentication: 'aws_iam' },
        },
      );
      expect(parseScopeForm('entryPoint', entryPoint('C-4', 'custom', 'private'), bucketContext)).toMatchObject({
        ok: true,
        input: { kind: 'custom', exposure: 'private' },
      });
    });

    it('takes the responsibility model of a component from its catalog type', () => {
      const state: ViewState = { name: { name: text('Box') }, type: { type: select('aws-ec2') } };
      expect(parseScopeForm('component', state, context)).toEqual({
        ok: true,
        input: { name: 'Box', type: 'aws-ec2', kind: 'process', responsibility: 'infrastructure' },
      });
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
