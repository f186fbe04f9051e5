import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalogStats, searchCatalog } from '../catalog/catalog-queries';
import { inspectCatalog } from '../catalog/load-catalog';
import { readDataFile } from '../data-files/read-data-file';
import { FlowSchema } from '../domain/flow';
import { formatDataFileProblem } from '../errors';
import { PROJECT_ROOT, SHIPPED_CATALOG_DIR, SHIPPED_FLOW_FILE } from '../paths';
import { generatedSchemas } from './schemas';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

const USAGE = `Usage: threadmodel <command>

  catalog lint [DIR...] [--only]    validate the catalog: the shipped one merged with DIRs
                                    (--only: just DIRs); exits 1 on any problem
  catalog stats [DIR...] [--only]   counts as JSON: threats, controls, component types, gaps
  catalog search WORDS...           find threats and controls by text or reference id
  flow lint [FILE]                  validate a flow file (default: the shipped flow)
  schema [--check]                  write the JSON Schemas for editors (--check: fail if stale)
  help                              this text`;

/** The command-line entry for catalog and flow maintainers. Returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, sub, ...rest] = argv;
  const flags = new Set(rest.filter((arg) => arg.startsWith('--')));
  const args = rest.filter((arg) => !arg.startsWith('--'));
  const catalogDirs = () => {
    const dirs = args.map((dir) => path.resolve(io.cwd, dir));
    return flags.has('--only') ? dirs : [SHIPPED_CATALOG_DIR, ...dirs.filter((dir) => dir !== SHIPPED_CATALOG_DIR)];
  };

  if (command === 'catalog' && (sub === 'lint' || sub === 'stats')) {
    if (flags.has('--only') && args.length === 0) return usageError(io, '--only needs at least one folder');
    const { catalog, problems } = inspectCatalog(catalogDirs());
    if (problems.length > 0) {
      for (const problem of problems) io.err(formatDataFileProblem(problem));
      io.err(`${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
      return 1;
    }
    const stats = catalogStats(catalog);
    if (sub === 'stats') io.out(JSON.stringify(stats, null, 2));
    else
      io.out(
        `Catalog is valid: ${stats.threats} threats, ${stats.controls} controls, ${stats.componentTypes} component types.`,
      );
    return 0;
  }
  if (command === 'catalog' && sub === 'search') {
    const query = [...args].join(' ');
    if (!query) return usageError(io, 'catalog search needs words to look for');
    const { catalog, problems } = inspectCatalog([SHIPPED_CATALOG_DIR]);
    if (problems.length > 0) return fail(io, 'The shipped catalog is invalid; run `threadmodel catalog lint`.');
    const hits = searchCatalog(catalog, query);
    for (const hit of hits) io.out(`${hit.kind.padEnd(7)} ${hit.entry.id.padEnd(48)} ${hit.entry.title}`);
    if (hits.length === 0) io.out('No match.');
    return 0;
  }
  if (command === 'flow' && sub === 'lint') {
    const file = args[0] ? path.resolve(io.cwd, args[0]) : SHIPPED_FLOW_FILE;
    const result = readDataFile(file, FlowSchema);
    if (!result.ok) {
      for (const problem of result.problems) io.err(formatDataFileProblem(problem));
      io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found.`);
      return 1;
    }
    io.out(`Flow "${result.value.name}" is valid.`);
    return 0;
  }
  if (command === 'schema') {
    return writeSchemas(io, [sub, ...rest].includes('--check'));
  }
  if (command === undefined || command === 'help' || command === '--help') {
    io.out(USAGE);
    return 0;
  }
  return usageError(io, `unknown command: ${argv.join(' ')}`);
}

function writeSchemas(io: CliIo, check: boolean): number {
  let stale = 0;
  for (const { file, content } of generatedSchemas(PROJECT_ROOT)) {
    const current = safeRead(file);
    if (current === content) continue;
    if (check) {
      io.err(`${path.relative(io.cwd, file)} is out of date; run \`threadmodel schema\`.`);
      stale += 1;
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      io.out(`wrote ${path.relative(io.cwd, file)}`);
    }
  }
  return stale > 0 ? 1 : 0;
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function usageError(io: CliIo, message: string): number {
  io.err(`threadmodel: ${message}\n\n${USAGE}`);
  return 2;
}

function fail(io: CliIo, message: string): number {
  io.err(message);
  return 1;
}
