import { ThreatModelSchema } from '../../../src/domain/model';
import { addScopeElement, SCOPE_LISTS, type ScopeElementInput, type ScopeKind } from '../../../src/domain/scope-edits';
import { markdownReport } from '../../../src/export/markdown-report';
import { fromNativeJson, toNativeJson } from '../../../src/export/native-json';
import { defaultFlow } from '../../support/build-model';
import { buildApprovedModel } from '../../support/realistic-model';

const flow = defaultFlow();

/** The realistic model with an S3 bucket (its public S3 API an entry point) and an EC2 box with SSH. */
function withBucket() {
  let model = buildApprovedModel();
  const add = <K extends ScopeKind>(kind: K, input: ScopeElementInput<K>) => {
    const added = addScopeElement(model, kind, input);
    model = added.model;
    return added.model.scope[SCOPE_LISTS[kind]].at(-1)?.id ?? '';
  };
  const bucket = add('component', {
    name: 'Uploads bucket',
    type: 'aws-s3',
    kind: 'data_store',
    responsibility: 'abstracted',
  });
  const box = add('component', {
    name: 'Build box',
    type: 'aws-ec2',
    kind: 'process',
    responsibility: 'infrastructure',
  });
  add('entryPoint', {
    name: 'Upload URL',
    componentId: bucket,
    kind: 's3-api',
    exposure: 'public',
    authentication: 'aws_iam',
  });
  add('entryPoint', { name: 'Admin SSH', componentId: box, kind: 'ssh', authentication: 'other' });
  return ThreatModelSchema.parse(model);
}

describe('service-specific entry points and shared responsibility in the exports', () => {
  it('native JSON round-trips entry-point kinds, exposure and responsibility; models saved before them still load', () => {
    const model = withBucket();
    expect(fromNativeJson(toNativeJson(model))).toEqual({ ok: true, model });
    const old = buildApprovedModel();
    expect(old.scope.entryPoints.every((e) => e.kind === undefined)).toBe(true);
    expect(fromNativeJson(toNativeJson(old))).toEqual({ ok: true, model: old });
  });

  it("the report's entry-points table shows each kind, with exposure where there is one", () => {
    const report = markdownReport({ model: withBucket(), flow });
    expect(report).toContain('| Id | Entry point | Component | Kind | Authentication |');
    expect(report).toContain('| EP-2 | Upload URL | C-4 Uploads bucket | s3-api, public | aws_iam |');
    expect(report).toContain('| EP-3 | Admin SSH | C-5 Build box | ssh | other |');
  });

  it('the report lists every component with its shared-responsibility model: who secures what', () => {
    const report = markdownReport({ model: withBucket(), flow });
    const section = report.slice(report.indexOf('## Shared responsibility'));
    expect(section).toMatch(
      /^## Shared responsibility\n\n\| Component \| Model \| The provider secures \| The team must mitigate \|/,
    );
    expect(section).toMatch(
      /\| C-4 Uploads bucket \| Abstracted service \| the provider runs and secures the hosts[^|]*\| the API actions it allows and the policies granting them/,
    );
    expect(section).toMatch(
      /\| C-5 Build box \| Infrastructure service \| [^|]*virtualisation layer \| the operating system and up/,
    );
    // Components saved before Threadmodel kept the model say so rather than guess.
    expect(section).toMatch(/\| C-2 Payments DB \| Not recorded \|/);
  });
});
