import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'yaml';
import { parseDataFile } from '../data-files/read-data-file';
import { type DataFileProblem, formatDataFileProblem } from '../errors';
import { buildCatalog, type Catalog } from './catalog';
import type { CatalogProposalFile } from './catalog-proposal';
import { CatalogFileSchema } from './catalog-schema';

/**
 * A proposal as the YAML file AppSec reviews: a comment naming where it came from (ids only, no
 * user text), then the entry. User text is written by the YAML library as quoted or block
 * scalars, never spliced into the file, so a `: `, `#`, `---`, `&`, `*` or `!` in it stays data.
 * No anchors or aliases: the file reads the same to any YAML reader.
 */
export function proposalYaml(proposal: CatalogProposalFile, modelId: string): string {
  const header = [
    `# Proposed for the catalog from ${proposal.itemId} of threat model ${modelId}, by Threadmodel.`,
    '# Review it like code: reword it for any team, check appliesTo, controls and severity, then merge.',
    '',
  ].join('\n');
  return `${header}${stringify(proposal.content, { aliasDuplicateObjects: false, lineWidth: 0 })}`;
}

/**
 * The problems `catalog lint` would report on the proposal's file merged with the catalog the app
 * runs with: the file read back with the real loader's parser, compared with what was meant, and
 * its links checked against the catalog. Empty when the file is good to write.
 */
export function proposalProblems(catalog: Catalog, proposal: CatalogProposalFile, yaml: string): string[] {
  const file = `${proposal.catalogId}.yaml`;
  const parsed = parseDataFile(file, yaml, CatalogFileSchema);
  if (!parsed.ok) return parsed.problems.map(formatDataFileProblem);
  const problems: DataFileProblem[] = [];
  if (!isDeepStrictEqual(parsed.value, proposal.content)) {
    problems.push({ file, path: '', message: 'does not read back as the entry it was written from' });
  }
  const running = {
    file: 'the running catalog',
    content: {
      componentTypes: [...catalog.componentTypes.values()],
      threats: [...catalog.threats.values()],
      controls: [...catalog.controls.values()],
    },
  };
  problems.push(...buildCatalog([running, { file, content: parsed.value }]).problems);
  return problems.map(formatDataFileProblem);
}
