import type { Catalog } from '../catalog/catalog';
import { catalogStats } from '../catalog/catalog-queries';
import { loadCatalog } from '../catalog/load-catalog';
import type { Config } from '../config';
import type { Flow } from '../domain/flow';
import { loadFlow } from '../flows/load-flow';
import type { Logger } from '../logger';
import { SHIPPED_CATALOG_DIR } from '../paths';

/**
 * The flow and the catalog (the shipped one, then the organisation's folders), parsed and checked:
 * a mistake in either stops start-up with the file, path and line.
 */
export function loadFlowAndCatalog(config: Config, logger?: Logger): { flow: Flow; catalog: Catalog } {
  const flow = loadFlow(config.flowFile);
  const catalog = loadCatalog([SHIPPED_CATALOG_DIR, ...config.extraCatalogDirs]);
  const stats = catalogStats(catalog);
  logger?.info({ flow: flow.name, threats: stats.threats, controls: stats.controls }, 'flow and catalog loaded');
  return { flow, catalog };
}
