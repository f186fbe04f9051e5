import { randomBytes } from 'node:crypto';
import { loadConfig, requireSlackCredentials, requireWorkerSlack } from '../../src/config';
import { PROJECT_ROOT, SHIPPED_FLOW_FILE } from '../../src/paths';

const defaults = { cwd: PROJECT_ROOT, flowFile: SHIPPED_FLOW_FILE };
const KEY1 = randomBytes(32).toString('base64');
const KEY2 = randomBytes(32).toString('base64');
const OAUTH = {
  SLACK_CLIENT_ID: '1111111111.2222222222',
  SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef0123456789',
  SLACK_STATE_SECRET: 'a-long-random-state-secret-of-32-chars!',
  INSTALLATION_ENCRYPTION_KEYS: `k2:${KEY2},k1:${KEY1}`,
  SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
};

describe('OAuth configuration', () => {
  it('is off by default: the single-workspace token mode', () => {
    const config = loadConfig(
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: OAUTH.SLACK_SIGNING_SECRET },
      defaults,
    );
    expect(config.slack.oauth).toBeUndefined();
    expect(requireSlackCredentials(config)).toMatchObject({ mode: 'http', botToken: 'xoxb-1' });
  });

  it('turns on with the client id and secret, the keys in order (the first seals new tokens)', () => {
    const config = loadConfig(OAUTH, defaults);
    expect(config.slack.oauth).toMatchObject({ clientId: OAUTH.SLACK_CLIENT_ID, redirectUri: undefined });
    expect(config.slack.oauth?.encryptionKeys.map((key) => key.id)).toEqual(['k2', 'k1']);
    expect(config.slack.oauth?.encryptionKeys[0]?.key).toEqual(Buffer.from(KEY2, 'base64'));
    expect(requireSlackCredentials(config)).toMatchObject({ mode: 'oauth', signingSecret: OAUTH.SLACK_SIGNING_SECRET });
    expect(requireWorkerSlack(config)).toMatchObject({ oauth: { clientId: OAUTH.SLACK_CLIENT_ID } });
  });

  it('names each missing half: the secret without the id, and the state secret and keys', () => {
    expect(() => loadConfig({ SLACK_CLIENT_SECRET: OAUTH.SLACK_CLIENT_SECRET }, defaults)).toThrow(
      /SLACK_CLIENT_ID: is missing \(SLACK_CLIENT_SECRET is set\)[\s\S]*SLACK_STATE_SECRET: is missing[\s\S]*INSTALLATION_ENCRYPTION_KEYS: is missing/,
    );
  });

  it('refuses a bot token or an app token beside OAuth, and a state secret without it', () => {
    expect(() => loadConfig({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1' }, defaults)).toThrow(
      /SLACK_BOT_TOKEN: is set in OAuth mode/,
    );
    expect(() => loadConfig({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1-A-1' }, defaults)).toThrow(
      /SLACK_APP_TOKEN: is set in OAuth mode/,
    );
    expect(() => loadConfig({ SLACK_STATE_SECRET: OAUTH.SLACK_STATE_SECRET }, defaults)).toThrow(
      /SLACK_STATE_SECRET: is set without SLACK_CLIENT_ID/,
    );
  });

  it('refuses malformed keys without echoing them: a short key, duplicate ids', () => {
    const short = randomBytes(16).toString('base64');
    for (const keys of [`k1:${short}`, `k1:${KEY1},k1:${KEY2}`, KEY1]) {
      try {
        loadConfig({ ...OAUTH, INSTALLATION_ENCRYPTION_KEYS: keys }, defaults);
        throw new Error('expected a refusal');
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toContain('INSTALLATION_ENCRYPTION_KEYS: is not valid (value not shown)');
        expect(message).not.toContain(KEY1);
        expect(message).not.toContain(short);
      }
    }
  });

  it('needs the signing secret to serve Slack, and fails closed on a stand-in authorize page in production', () => {
    const { SLACK_SIGNING_SECRET: _omitted, ...withoutSigning } = OAUTH;
    expect(() => requireSlackCredentials(loadConfig(withoutSigning, defaults))).toThrow(
      /SLACK_SIGNING_SECRET: is missing/,
    );
    expect(() =>
      loadConfig(
        { ...OAUTH, NODE_ENV: 'production', SLACK_OAUTH_AUTHORIZE_URL: 'http://127.0.0.1:1/oauth/v2/authorize' },
        defaults,
      ),
    ).toThrow(/SLACK_OAUTH_AUTHORIZE_URL: is set with NODE_ENV=production/);
  });
});
