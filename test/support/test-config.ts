import { type Config, loadConfig } from '../../src/config';
import { PROJECT_ROOT, SHIPPED_FLOW_FILE } from '../../src/paths';

/**
 * A configuration as the app would read it from this environment (defaults for everything not
 * given), logging at TEST_LOG_LEVEL (silent by default). Tests compose the app from it.
 */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig(
    { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env },
    { cwd: PROJECT_ROOT, flowFile: SHIPPED_FLOW_FILE },
  );
}
