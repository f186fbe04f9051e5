import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readDataFile } from '../data-files/read-data-file';
import { DataFileError, type DataFileProblem } from '../errors';
import { buildCatalog, type Catalog, type CatalogSource } from './catalog';
import { CatalogFileSchema } from './catalog-schema';

const CATALOG_FILE = /\.ya?ml$/i;

/** Every catalog file below a folder, in a stable order. Generated schemas (JSON) are not catalog files. */
export function catalogFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && CATALOG_FILE.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * Load the catalog from its folders (the shipped one first, then an organisation's), merged into
 * one. Every problem in every file is collected; any problem stops start-up with the full list.
 */
export function loadCatalog(dirs: readonly string[]): Catalog {
  const { catalog, problems } = inspectCatalog(dirs);
  if (problems.length > 0) throw new DataFileError(`The catalog (${dirs.join(', ')})`, problems);
  return catalog;
}

/** Like loadCatalog, but returns the problems instead of throwing (for `catalog lint`). */
export function inspectCatalog(dirs: readonly string[]): { catalog: Catalog; problems: DataFileProblem[] } {
  const problems: DataFileProblem[] = [];
  const sources: CatalogSource[] = [];
  for (const dir of dirs) {
    if (!isDirectory(dir)) {
      problems.push({ file: dir, path: '', message: 'is not a folder' });
      continue;
    }
    const files = catalogFiles(dir);
    if (files.length === 0) problems.push({ file: dir, path: '', message: 'holds no .yaml catalog file' });
    for (const file of files) {
      const result = readDataFile(file, CatalogFileSchema);
      if (result.ok) sources.push({ file: path.relative(process.cwd(), file) || file, content: result.value });
      else
        problems.push(...result.problems.map((p) => ({ ...p, file: path.relative(process.cwd(), p.file) || p.file })));
    }
  }
  const built = buildCatalog(sources);
  return { catalog: built.catalog, problems: [...problems, ...built.problems] };
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
