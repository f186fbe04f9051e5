/** `npm start`'s launcher (scripts/start.js): which entry it runs for which environment. */
const { chooseEntry } = require('../../../scripts/start.js') as {
  chooseEntry: (env: Record<string, string | undefined>) => 'product' | 'playground';
};

describe('npm start', () => {
  it('opens the playground on a developer machine with no Slack variable at all', () => {
    expect(chooseEntry({})).toBe('playground');
    expect(chooseEntry({ NODE_ENV: 'development', PLAYGROUND: 'auto', SLACK_BOT_TOKEN: '' })).toBe('playground');
  });

  it('runs the product as soon as any SLACK_* variable is set, so a half-configured app fails with what is missing', () => {
    expect(chooseEntry({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBe('product');
    expect(chooseEntry({ SLACK_SIGNING_SECRET: 'abc' })).toBe('product');
    expect(chooseEntry({ SLACK_APP_TOKEN: 'xapp-1' })).toBe('product');
    expect(chooseEntry({ SLACK_API_URL: 'http://127.0.0.1:1/api/' })).toBe('product');
  });

  it('never opens the playground with NODE_ENV=production or PLAYGROUND=off', () => {
    expect(chooseEntry({ NODE_ENV: 'production' })).toBe('product');
    expect(chooseEntry({ NODE_ENV: 'production', PLAYGROUND: 'auto' })).toBe('product');
    expect(chooseEntry({ PLAYGROUND: 'off' })).toBe('product');
  });

  it('refuses a PLAYGROUND that is neither auto nor off', () => {
    expect(() => chooseEntry({ PLAYGROUND: 'on' })).toThrow('PLAYGROUND is "on"; expected auto (default');
  });
});
