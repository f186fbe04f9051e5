import { catalogStats } from './catalog/catalog-queries';
import { loadCatalog } from './catalog/load-catalog';
import { loadConfig } from './config';
import { toAppError } from './errors';
import { loadFlow } from './flows/load-flow';
import { SHIPPED_CATALOG_DIR, SHIPPED_FLOW_FILE } from './paths';

/**
 * Composition root: the only place that reads the environment. It loads configuration, the
 * flow and the catalog, each validated so that a mistake stops start-up with a precise message.
 * The Slack app, the Redis store and the queues are wired here as they arrive.
 */
export function start(env: NodeJS.ProcessEnv = process.env): void {
  const config = loadConfig(env, { cwd: process.cwd(), flowFile: SHIPPED_FLOW_FILE });
  const flow = loadFlow(config.flowFile);
  const catalog = loadCatalog([SHIPPED_CATALOG_DIR, ...config.extraCatalogDirs]);
  const stats = catalogStats(catalog);
  if (config.logLevel !== 'silent') {
    console.log(
      `Threadmodel: flow "${flow.name}" and catalog (${stats.threats} threats, ${stats.controls} controls, ` +
        `${stats.componentTypes} component types) loaded and valid.`,
    );
    console.log('Threadmodel: the Slack app is not part of this build yet; nothing more to start.');
  }
}

if (require.main === module) {
  try {
    start();
  } catch (error) {
    console.error(toAppError(error).message);
    process.exitCode = 1;
  }
}
