import { inspectCatalog, loadCatalog } from '../../../src/catalog/load-catalog';
import { DataFileError } from '../../../src/errors';
import { CONTROLS_YAML, THREATS_YAML, TYPES_YAML } from '../../support/catalog-fixtures';
import { tempDir } from '../../support/temp-dir';

const base = { 'types.yaml': TYPES_YAML, 'threats/storage.yaml': THREATS_YAML, 'controls/all.yaml': CONTROLS_YAML };

describe('loading the catalog', () => {
  const cleanups: (() => void)[] = [];
  const folder = (files: Record<string, string>) => {
    const { dir, cleanup } = tempDir(files);
    cleanups.push(cleanup);
    return dir;
  };
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  const problemsOf = (...dirs: string[]) =>
    inspectCatalog(dirs).problems.map(
      (p) => `${p.file.replace(/^.*threadmodel-test-[^/]+\//, '')} ${p.path}: ${p.message}`,
    );

  it('merges every YAML file below the folder and resolves links both ways', () => {
    const catalog = loadCatalog([folder({ ...base, 'schema/ignored.json': '{}' })]);
    expect([...catalog.threats.keys()].sort()).toEqual([
      'thr-object-overwrite',
      'thr-public-bucket',
      'thr-sql-injection',
    ]);
    expect([...catalog.componentTypes.keys()]).toEqual(['web-api', 'object-store', 'aws-s3']);
    expect(catalog.controlsByThreat.get('thr-public-bucket')).toEqual(['ctl-block-public-access']);
    expect(catalog.threatsByControl.get('ctl-versioning')).toEqual(['thr-object-overwrite']);
    expect(catalog.sources.get('ctl-versioning')).toMatch(/controls\/all\.yaml$/);
  });

  it('merges an organisation folder whose control mitigates a shipped threat', () => {
    const shipped = folder(base);
    const org = folder({
      'acme.yaml': `controls:
  - id: ctl-acme-sql-gateway
    title: Acme SQL gateway
    description: All queries go through the Acme gateway, which only runs vetted statements.
    stride: [T]
    appliesTo: [web-api]
    mitigates: [thr-sql-injection]
`,
    });
    const catalog = loadCatalog([shipped, org]);
    expect(catalog.controlsByThreat.get('thr-sql-injection')).toEqual([
      'ctl-parameterized-queries',
      'ctl-acme-sql-gateway',
    ]);
  });

  it('names both files for a duplicate id', () => {
    const shipped = folder(base);
    const org = folder({ 'acme.yaml': CONTROLS_YAML.replace(/ctl-block-public-access/g, 'thr-sql-injection') });
    expect(problemsOf(shipped, org)).toEqual([
      expect.stringMatching(
        /^acme\.yaml controls\[0\]: duplicate id thr-sql-injection: already defined as a threat in .*threats\/storage\.yaml at threats\[2\]$/,
      ),
      expect.stringMatching(
        /^acme\.yaml controls\[1\]: duplicate id ctl-versioning: already defined as a control in .*controls\/all\.yaml/,
      ),
      expect.stringMatching(/^acme\.yaml controls\[2\]: duplicate id ctl-parameterized-queries/),
    ]);
  });

  it('refuses links to missing ids and to ids of the wrong kind, and threats with no control', () => {
    const threats = THREATS_YAML.replace('controls: [ctl-versioning]', 'controls: [ctl-missing]')
      .replace('appliesTo: [web-api]', 'appliesTo: [web-app]')
      .replace('controls: [ctl-parameterized-queries]', 'controls: [thr-public-bucket]');
    expect(problemsOf(folder({ ...base, 'threats/storage.yaml': threats }))).toEqual([
      expect.stringMatching(
        /storage\.yaml threats\[1\]\.controls\[0\]: links to control ctl-missing, which no catalog file defines$/,
      ),
      expect.stringMatching(
        /storage\.yaml threats\[2\]\.appliesTo\[0\]: links to component type web-app, which no catalog file defines$/,
      ),
      expect.stringMatching(
        /storage\.yaml threats\[2\]\.controls\[0\]: links to thr-public-bucket as a control, but .*storage\.yaml defines it as a threat$/,
      ),
      expect.stringMatching(/storage\.yaml threats\[1\]\.controls: threat thr-object-overwrite links no control$/),
      expect.stringMatching(/storage\.yaml threats\[2\]\.controls: threat thr-sql-injection links no control$/),
    ]);
  });

  it('refuses a component type without native entry-point kinds, and kinds repeated or named custom', () => {
    const types = TYPES_YAML.replace('    entryPointKinds: [{ id: http-api, name: HTTP endpoints }]\n', '')
      .replace('[{ id: object-api, name: Object API, exposure: true }]', '[]')
      .replace(
        '[{ id: s3-api, name: S3 API, exposure: true }]',
        '[{ id: s3-api, name: S3 API }, { id: s3-api, name: Again }, { id: custom, name: Mine }]',
      );
    const problems = problemsOf(folder({ ...base, 'types.yaml': types }));
    expect(problems.filter((p) => p.startsWith('types.yaml'))).toEqual([
      expect.stringMatching(
        /types\.yaml componentTypes\[0\]\.entryPointKinds: Every component type lists its native entry-point kinds \(entryPointKinds\)/i,
      ),
      expect.stringMatching(
        /types\.yaml componentTypes\[1\]\.entryPointKinds: every component type lists at least one native entry-point kind/i,
      ),
      expect.stringMatching(
        /types\.yaml componentTypes\[2\]\.entryPointKinds\[2\]\.id: "custom" is offered on every component/,
      ),
      expect.stringMatching(
        /types\.yaml componentTypes\[2\]\.entryPointKinds\[1\]\.id: duplicate entry-point kind s3-api/,
      ),
    ]);
  });

  it('refuses a type that implements itself through a cycle', () => {
    const types = TYPES_YAML.replace(
      'dfdKind: data_store\n  - id: aws-s3',
      'dfdKind: data_store\n    implements: [aws-s3]\n  - id: aws-s3',
    );
    expect(problemsOf(folder({ ...base, 'types.yaml': types }))).toEqual([
      expect.stringMatching(
        /types\.yaml componentTypes\[1\]\.implements: object-store implements itself through a cycle/,
      ),
      expect.stringMatching(/types\.yaml componentTypes\[2\]\.implements: aws-s3 implements itself through a cycle/),
    ]);
  });

  it('reports schema problems of every file with path and line, not just the first file', () => {
    const dir = folder({
      ...base,
      'a.yaml': 'threats:\n  - id: Bad_Id\n',
      'b.yaml': 'controls: []\nextra: true\n',
    });
    const problems = inspectCatalog([dir]).problems;
    expect(problems.filter((p) => p.file.endsWith('a.yaml')).map((p) => p.path)).toEqual(
      expect.arrayContaining(['threats[0].id', 'threats[0].title', 'threats[0].stride']),
    );
    expect(problems.find((p) => p.path === 'threats[0].id')).toMatchObject({
      line: 2,
      message: expect.stringMatching(/lower-case words/),
    });
    expect(problems.find((p) => p.file.endsWith('b.yaml'))?.message).toMatch(/Unrecognized key: "extra"/);
  });

  it('throws one error listing everything when loading for start-up', () => {
    const dir = folder({ 'empty.yaml': 'threats:\n  - {}\n' });
    expect(() => loadCatalog([dir, '/nonexistent-catalog'])).toThrow(DataFileError);
    expect(() => loadCatalog(['/nonexistent-catalog'])).toThrow(/\/nonexistent-catalog: is not a folder/);
  });

  it('says when a folder holds no catalog file', () => {
    expect(problemsOf(folder({ 'readme.md': 'hi' }))).toEqual([
      expect.stringMatching(/ : holds no \.yaml catalog file$/),
    ]);
  });
});
