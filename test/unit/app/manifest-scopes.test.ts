import path from 'node:path';
import { manifestBotScopes } from '../../../src/app/manifest-scopes';
import { PROJECT_ROOT } from '../../../src/paths';

describe('the bot scopes an OAuth install asks for', () => {
  it('are manifest.json’s, and every manifest asks for the same ones', () => {
    const scopes = manifestBotScopes();
    expect(scopes).toContain('commands');
    expect(scopes).toContain('chat:write');
    for (const other of ['manifest.distributed.json', 'manifest.socket-mode.json']) {
      expect(manifestBotScopes(path.join(PROJECT_ROOT, other))).toEqual(scopes);
    }
  });
});
