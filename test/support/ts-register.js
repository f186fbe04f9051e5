// Lets a child process run the project's TypeScript as jest does (`node -r ./test/support/ts-register.js x.ts`):
// each .ts file is transpiled on load with the project's TypeScript compiler, types not checked.
// The output is kept in a cache folder by the source's hash, so the test's next process (a test
// may start four at once, each loading all of src/) spends no CPU transpiling the same files again.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// The compiler is loaded only on a cache miss: a process whose files are all cached (every test
// process after the first) does without its megabytes. The cache is per version of TypeScript.
const TS_VERSION = require('typescript/package.json').version;
const CACHE = path.join(os.tmpdir(), `threadmodel-ts-register-${TS_VERSION}`);
let ts;

function transpiled(filename, source) {
  const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  ts ??= require('typescript');
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    sourceMap: false,
  };
  const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions });
  try {
    // Written aside, then renamed: a process reading the cache at the same time never sees half a file.
    fs.mkdirSync(CACHE, { recursive: true });
    const aside = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(aside, outputText);
    fs.renameSync(aside, cached);
  } catch {
    // A cache that cannot be written only costs time.
  }
  return outputText;
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(transpiled(filename, fs.readFileSync(filename, 'utf8')), filename);
};
