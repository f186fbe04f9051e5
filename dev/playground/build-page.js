// Builds the playground page: bundles dev/playground/web/main.ts into dist-dev/playground-page/app.js and
// copies index.html and styles.css next to it. `node dev/playground/build-page.js` (part of `npm run build:dev`).
const { copyFile, mkdir } = require('node:fs/promises');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..', '..');
const source = path.join(__dirname, 'web');
const out = path.join(root, 'dist-dev', 'playground-page');

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
