import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths';

const ManifestSchema = z.looseObject({
  oauth_config: z.looseObject({
    scopes: z.looseObject({
      bot: z
        .array(z.string().regex(/^[a-z_:.]{1,60}$/))
        .min(1)
        .max(100),
    }),
  }),
});

/**
 * The bot scopes an OAuth install asks for: manifest.json's, so the app created from the
 * manifest and the install link never disagree (one source for the scopes).
 */
export function manifestBotScopes(file = path.join(PROJECT_ROOT, 'manifest.json')): string[] {
  return ManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).oauth_config.scopes.bot;
}
