// Validates Kubernetes objects against the API's schemas with the kubernetes-models package, which
// is ESM only (jest runs CommonJS, so the manifest test runs this in a node process of its own).
// stdin: a JSON array of objects; stdout: a JSON array, per object, of the schema's complaints
// (empty when it is valid).
import { readFileSync } from 'node:fs';

/** `apps/v1` -> `kubernetes-models/apps/v1`; the core group `v1` -> `kubernetes-models/v1`. */
async function modelClass(apiVersion, kind) {
  const models = await import(`kubernetes-models/${apiVersion}`);
  const Model = models[kind];
  if (typeof Model !== 'function') throw new Error(`no model for ${apiVersion} ${kind}`);
  return Model;
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) {
  try {
    const Model = await modelClass(object.apiVersion, object.kind);
    new Model(object).validate();
    results.push([]);
  } catch (error) {
    const details = (error.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
    results.push(details.length > 0 ? details : [String(error.message ?? error)]);
  }
}
process.stdout.write(JSON.stringify(results));
