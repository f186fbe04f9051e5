// Builds the playground page: bundles src/playground/web/main.ts into dist/playground-page/app.js and
// copies index.html and styles.css next to it. `node scripts/build-playground.js`.
const { copyFile, mkdir } = require('node:fs/promises');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'src', 'playground', 'web');
const out = path.join(root, 'dist', 'playground-page');

async function main() {
  await mkdir(out, { recursive: true });
  await Promise.all([
    esbuild.build({
      entryPoints: [path.join(source, 'main.ts')],
      outfile: path.join(out, 'app.js'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      tsconfig: path.join(source, 'tsconfig.json'),
      logLevel: 'warning',
    }),
    copyFile(path.join(source, 'index.html'), path.join(out, 'index.html')),
    copyFile(path.join(source, 'styles.css'), path.join(out, 'styles.css')),
  ]);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
