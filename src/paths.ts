import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's root folder, where the shipped `flows/` and `catalog/` live: the nearest folder
 * above this file holding package.json. This file runs as `src/paths.ts` under tests, as
 * `dist/paths.js` in production and deeper in benchmark builds, so the depth is not fixed.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
export const SHIPPED_CATALOG_DIR = path.join(PROJECT_ROOT, 'catalog');
export const SHIPPED_FLOW_FILE = path.join(PROJECT_ROOT, 'flows', 'default.yaml');
