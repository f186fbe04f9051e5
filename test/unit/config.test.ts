import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';

const defaults = { cwd: '/srv/app', flowFile: '/opt/threadmodel/flows/default.yaml' };

describe('configuration', () => {
  it('has working defaults for everything', () => {
    expect(loadConfig({}, defaults)).toEqual({
      logLevel: 'info',
      flowFile: '/opt/threadmodel/flows/default.yaml',
      extraCatalogDirs: [],
    });
  });

  it('resolves paths against the working directory', () => {
    const config = loadConfig({ FLOW_FILE: 'ours/flow.yaml', CATALOG_DIRS: ' org-catalog , /abs/more,' }, defaults);
    expect(config.flowFile).toBe(path.resolve('/srv/app/ours/flow.yaml'));
    expect(config.extraCatalogDirs).toEqual(['/srv/app/org-catalog', '/abs/more']);
  });

  it('lists every bad variable at once, with what was wrong and what is expected', () => {
    let error: unknown;
    try {
      loadConfig({ LOG_LEVEL: 'loud', FLOW_FILE: '   ' }, defaults);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.name)).toEqual(['LOG_LEVEL', 'FLOW_FILE']);
    expect((error as ConfigError).message).toMatch(
      /^Configuration is invalid \(2 problems\):\n {2}- LOG_LEVEL: is "loud"; expected one of fatal, error, warn, info, debug, trace, silent\n {2}- FLOW_FILE: is " {3}"; expected a path to a flow YAML file$/,
    );
  });
});
