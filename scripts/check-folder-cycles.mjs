#!/usr/bin/env node
// No import cycle among the top-level folders of src/ (domain, ports, use-cases, slack, jobs, ...).
// dependency-cruiser's folder rules look at the folder a file sits in directly, so a cycle made of
// edges from subfolders (jobs/processors -> slack/views, slack/listeners -> jobs) passes them; this
// check collapses every module to its top-level folder first. Run by `npm run lint`.
//   node scripts/check-folder-cycles.mjs [<base dir>]   (default: the project root)
// Prints each cycle and exits 1 when there is one; with --json prints the cycles as JSON and exits 0.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';

/** `src/jobs/processors/x.ts` -> `src/jobs`; a file directly in src/ is a folder of its own. */
function topFolder(source) {
  const parts = source.split('/');
  return parts[0] === 'src' && parts.length > 2 ? `src/${parts[1]}` : source;
}

/** The edges between top-level folders of src/, as a map from folder to the folders it imports. */
export async function folderGraph(baseDir) {
  const { output } = await cruise(['src'], { baseDir, tsPreCompilationDeps: true, doNotFollow: 'node_modules' });
  const graph = new Map();
  for (const module of output.modules) {
    if (!module.source.startsWith('src/')) continue;
    const from = topFolder(module.source);
    for (const dependency of module.dependencies) {
      if (!dependency.resolved.startsWith('src/')) continue;
      const to = topFolder(dependency.resolved);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from).add(to);
    }
  }
  return graph;
}

/** Every elementary cycle's folders, each found once (from its alphabetically first folder). */
export function cyclesOf(graph) {
  const cycles = [];
  const nodes = [...graph.keys()].sort();
  for (const start of nodes) {
    const walk = (node, trail) => {
      for (const next of graph.get(node) ?? []) {
        if (next === start) cycles.push([...trail, start]);
        else if (next > start && !trail.includes(next)) walk(next, [...trail, next]);
      }
    };
    walk(start, [start]);
  }
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const baseDir = path.resolve(
    args.find((arg) => !arg.startsWith('--')) ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'),
  );
  const cycles = cyclesOf(await folderGraph(baseDir));
  if (json) {
    process.stdout.write(JSON.stringify(cycles));
  } else if (cycles.length > 0) {
    for (const cycle of cycles) console.error(`folder cycle: ${cycle.join(' -> ')}`);
    process.exit(1);
  } else {
    console.log('no import cycle among the folders of src/');
  }
}
