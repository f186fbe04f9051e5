import path from 'node:path';
import { z } from 'zod';
import { CatalogFileSchema } from '../catalog/catalog-schema';
import { FlowSchema } from '../domain/flow';

/**
 * JSON Schemas generated from the zod schemas, committed next to the data so that catalog and
 * flow authors get completion and checks in their editor (the YAML files name them in their
 * first line). A test fails when a committed schema is out of date.
 */
export function generatedSchemas(root: string): { file: string; content: string }[] {
  const render = (schema: z.ZodType, title: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title }, null, 2)}\n`;
  return [
    {
      file: path.join(root, 'catalog', 'schema', 'catalog-file.schema.json'),
      content: render(CatalogFileSchema, 'Threadmodel catalog file'),
    },
    { file: path.join(root, 'flows', 'schema', 'flow.schema.json'), content: render(FlowSchema, 'Threadmodel flow') },
  ];
}
