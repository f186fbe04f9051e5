import { REPOSITORY_PATH_MAX, repositoryPath } from '../../../src/export/repository-path';

describe('a path typed for the export repository', () => {
  it.each([
    'threat-models/tm-3-search/threat-model.tc.json',
    'model.json',
    'docs/Threat Models/Café shop.json',
    'a/.hidden/b..c.json',
  ])('takes %j as it is', (path) => {
    expect(repositoryPath(path)).toEqual({ ok: true, path });
  });

  it('drops the backticks of a path pasted as code', () => {
    expect(repositoryPath('`threat-models/model.json`')).toEqual({ ok: true, path: 'threat-models/model.json' });
  });

  it.each([
    ['nothing', '', /^No path given/],
    ['a leading slash', '/etc/passwd', /starts with `\/`/],
    ['a climb out', 'threat-models/../../etc/passwd', /an empty, `\.` or `\.\.` part/],
    ['a lone dot', './model.json', /an empty, `\.` or `\.\.` part/],
    ['an empty part', 'threat-models//model.json', /an empty, `\.` or `\.\.` part/],
    ['a trailing slash', 'reports/', /an empty, `\.` or `\.\.` part/],
    ['a NUL', 'model.json\u0000.png', /control or invisible characters/],
    ['a newline', 'model\n.json', /control or invisible characters/],
    ['a bidi override', 'model\u202Enosj.json', /control or invisible characters/],
    ['a backslash', '..\\..\\model.json', /backslash, backtick or angle bracket/],
    ['a mention', '<!channel>.json', /backslash, backtick or angle bracket/],
    ['too many characters', `${'a'.repeat(REPOSITORY_PATH_MAX)}.json`, /over 300 characters/],
    ['too many folders', `${'a/'.repeat(20)}model.json`, /more than 20 folders deep/],
  ])('refuses %s, saying what a path looks like and never repeating it', (_what, path, why) => {
    const checked = repositoryPath(path);
    expect(checked).toEqual({ ok: false, problem: expect.stringMatching(why) });
    expect(!checked.ok && checked.problem).toContain('`threat-models/tm-3-search/threat-model.tc.json`');
    if (path !== '') expect(!checked.ok && checked.problem).not.toContain(path);
  });
});
