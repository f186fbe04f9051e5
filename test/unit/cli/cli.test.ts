import { runCli } from '../../../src/cli/main';
import { CONTROLS_YAML, THREATS_YAML, TYPES_YAML } from '../../support/catalog-fixtures';
import { tempDir } from '../../support/temp-dir';

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), cwd: process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the threadmodel command line', () => {
  let fixture: ReturnType<typeof tempDir>;
  beforeAll(() => {
    fixture = tempDir({ 'types.yaml': TYPES_YAML, 'threats.yaml': THREATS_YAML, 'controls.yaml': CONTROLS_YAML });
  });
  afterAll(() => fixture.cleanup());

  describe('catalog lint', () => {
    it('passes the shipped catalog', () => {
      const result = run('catalog', 'lint');
      expect(result).toMatchObject({ code: 0, err: '' });
      expect(result.out).toMatch(/^Catalog is valid: \d+ threats, \d+ controls, \d+ component types\.$/);
    });

    it('lints a folder on its own with --only', () => {
      expect(run('catalog', 'lint', fixture.dir, '--only')).toMatchObject({
        code: 0,
        out: 'Catalog is valid: 3 threats, 3 controls, 3 component types.',
      });
    });

    it('exits 1 with one precise line per problem', () => {
      const broken = tempDir({ 'org.yaml': 'threats:\n  - id: thr-x\n    title: X\n' });
      try {
        const result = run('catalog', 'lint', broken.dir, '--only');
        expect(result.code).toBe(1);
        expect(result.err).toMatch(/org\.yaml:2 at threats\[0\]\.threatSource: is required \(string\)$/m);
        expect(result.err.split('\n').at(-1)).toMatch(/^\d+ problems found\.$/);
      } finally {
        broken.cleanup();
      }
    });

    it('exits 1 on a component type that lists no native entry-point kinds, naming it', () => {
      const noKinds = tempDir({
        'types.yaml': TYPES_YAML.replace('    entryPointKinds: [{ id: http-api, name: HTTP endpoints }]\n', ''),
        'threats.yaml': THREATS_YAML,
        'controls.yaml': CONTROLS_YAML,
      });
      try {
        const result = run('catalog', 'lint', noKinds.dir, '--only');
        expect(result.code).toBe(1);
        expect(result.err).toMatch(
          /types\.yaml:\d+ at componentTypes\[0\]\.entryPointKinds: Every component type lists its native entry-point kinds/i,
        );
      } finally {
        noKinds.cleanup();
      }
    });

    it('merged with the shipped catalog, a folder that repeats an id fails naming both files', () => {
      const result = run('catalog', 'lint', fixture.dir);
      // the fixture's component types share ids with the shipped ones
      expect(result.code).toBe(1);
      expect(result.err).toMatch(
        /types\.yaml at componentTypes\[0\]: duplicate id web-api: already defined as a component type in catalog\/component-types\.yaml/,
      );
    });
  });

  it('catalog stats prints counts as JSON', () => {
    const result = run('catalog', 'stats', fixture.dir, '--only');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      threats: 3,
      controls: 3,
      componentTypes: 3,
      threatsWithoutControls: 0,
    });
  });

  it('catalog search lists matches', () => {
    const result = run('catalog', 'search', 'sql', 'injection');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^threat {2}thr-\S*sql\S* /m);
  });

  it('flow lint checks the shipped flow and reports a broken one', () => {
    expect(run('flow', 'lint')).toMatchObject({ code: 0, out: 'Flow "Threadmodel four-step flow" is valid.' });
    const broken = tempDir({ 'flow.yaml': 'version: 2\n' });
    try {
      const result = run('flow', 'lint', `${broken.dir}/flow.yaml`);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/flow\.yaml:1 at version: /);
    } finally {
      broken.cleanup();
    }
  });

  it('the committed JSON Schemas are up to date', () => {
    expect(run('schema', '--check')).toEqual({ code: 0, out: '', err: '' });
  });

  it('explains usage on an unknown command', () => {
    const result = run('catalog', 'frobnicate');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^threadmodel: unknown command: catalog frobnicate\n\nUsage:/);
  });
});
