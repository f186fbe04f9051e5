import { readFileSync } from 'node:fs';
import { DataFileError } from '../../../src/errors';
import { loadFlow } from '../../../src/flows/load-flow';
import { SHIPPED_FLOW_FILE } from '../../../src/paths';
import { tempDir } from '../../support/temp-dir';

const shipped = readFileSync(SHIPPED_FLOW_FILE, 'utf8');

function problemsOf(content: string) {
  const { dir, cleanup } = tempDir({ 'flow.yaml': content });
  try {
    loadFlow(`${dir}/flow.yaml`);
    throw new Error('expected the flow to be refused');
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    return error.problems.map((p) => ({ ...p, file: p.file.replace(dir, '<dir>') }));
  } finally {
    cleanup();
  }
}

describe('loading a flow file', () => {
  it('loads the shipped flow: four steps, the method minimums, a 5x5 matrix', () => {
    const flow = loadFlow(SHIPPED_FLOW_FILE);
    expect(flow.steps.map((s) => s.id)).toEqual(['scope', 'threats', 'mitigations', 'risk']);
    expect(flow.steps[0]?.completion).toEqual([
      { rule: 'min_count', of: 'assets', min: 1 },
      { rule: 'min_count', of: 'entryPoints', min: 1 },
      { rule: 'min_count', of: 'components', min: 2 },
    ]);
    expect(flow.reminders.draftIdle.afterWorkingDays).toBe(2);
  });

  it('ships the risk appetite and who may accept each residual band', () => {
    const { risk } = loadFlow(SHIPPED_FLOW_FILE);
    expect(risk.appetite).toBe('medium');
    expect(risk.acceptance).toEqual({
      low: { by: 'team', confirmedByAppSec: false },
      medium: { by: 'team', confirmedByAppSec: false },
      high: { by: 'business', confirmedByAppSec: true },
      critical: { by: 'business', confirmedByAppSec: true },
    });
  });

  it('loads an older flow file without appetite or acceptance rules, with the defaults', () => {
    const older = shipped.replace(
      /\n {2}# The highest residual band[\s\S]*?critical: \{ by: business, confirmedByAppSec: true \}\n/,
      '\n',
    );
    expect(older).not.toContain('appetite');
    const { dir, cleanup } = tempDir({ 'flow.yaml': older });
    try {
      const { risk } = loadFlow(`${dir}/flow.yaml`);
      expect(risk.appetite).toBe('medium');
      expect(risk.acceptance).toEqual(loadFlow(SHIPPED_FLOW_FILE).risk.acceptance);
    } finally {
      cleanup();
    }
  });

  it('refuses an unknown accepter or band in the acceptance rules', () => {
    const broken = shipped
      .replace('high: { by: business', 'high: { by: ceo')
      .replace('appetite: medium', 'appetite: moderate');
    expect(problemsOf(broken).map((p) => p.path)).toEqual(['risk.appetite', 'risk.acceptance.high.by']);
  });

  it('names the file, the path inside it, the line and the problem for an unknown placeholder', () => {
    const broken = shipped.replace('{stride} on {element}', '{stride} on {component}');
    const line = broken.split('\n').findIndex((l) => l.includes('{component}')) + 1;
    expect(problemsOf(broken)).toEqual([
      {
        file: '<dir>/flow.yaml',
        path: 'steps[1].prompts.adversary[0].text',
        line,
        message: 'unknown placeholder {component}; use {feature}, {element}, {stride}, {strideQuestion}',
      },
    ]);
  });

  it('refuses steps out of order, an unknown rule and a short matrix row, all at once', () => {
    const broken = shipped
      .replace('  - id: mitigations', '  - id: risk_tmp')
      .replace('{ rule: every_threat_addressed }', '{ rule: every_threat_loved }')
      .replace('[low, low, low, medium, medium]', '[low, low, low, medium]');
    const paths = problemsOf(broken).map((p) => `${p.path}: ${p.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^steps\[2\]\.id: /),
        expect.stringMatching(/^steps\[2\]\.completion\[0\]\.rule: /),
        'risk.bands[0]: each row must have five bands, impact 1 to 5',
      ]),
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('version: 1\nname: [unclosed\n')).toEqual([
      expect.objectContaining({
        file: '<dir>/flow.yaml',
        path: '',
        line: expect.any(Number),
        message: expect.stringMatching(/^not valid YAML/),
      }),
    ]);
  });

  it('refuses duplicate keys instead of silently keeping the last', () => {
    expect(problemsOf(`${shipped}\nname: again\n`)[0]?.message).toMatch(/not valid YAML: Map keys must be unique/);
  });

  it('says when the file does not exist', () => {
    expect(() => loadFlow('/nonexistent/flow.yaml')).toThrow('/nonexistent/flow.yaml: file not found');
  });
});
