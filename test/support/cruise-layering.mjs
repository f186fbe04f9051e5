// Runs dependency-cruiser's API (`cruise`) with the project's layering rules (.dependency-cruiser.js)
// over the `src/` of each folder given, and prints, as JSON, each folder's violations:
// [{ dir, violations: [{ rule, from, to }] }]. dependency-cruiser is ESM only, so Jest tests run
// this in a child process (test/unit/architecture/layering.test.ts).
//   node test/support/cruise-layering.mjs <folder> [<folder> ...]
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.js');
const { tsConfig: _projectTsConfig, ...options } = config.options;

const results = [];
for (const dir of process.argv.slice(2)) {
  const { output } = await cruise(['src'], {
    ...options,
    baseDir: dir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  results.push({
    dir,
    violations: output.summary.violations.map((violation) => ({
      rule: violation.rule.name,
      from: violation.from,
      to: violation.to,
    })),
  });
}
process.stdout.write(JSON.stringify(results));
