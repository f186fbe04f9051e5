import path from 'node:path';

/**
 * The project's root folder, where the shipped `flows/` and `catalog/` live. This file compiles
 * to `dist/paths.js` and runs from `src/paths.ts` under tests; both sit one level below the root.
 */
export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const SHIPPED_CATALOG_DIR = path.join(PROJECT_ROOT, 'catalog');
export const SHIPPED_FLOW_FILE = path.join(PROJECT_ROOT, 'flows', 'default.yaml');
