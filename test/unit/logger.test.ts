import { Writable } from 'node:stream';
import { boltLogger, createLogger, scrubSecrets } from '../../src/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('logs', () => {
  it('are structured JSON lines', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info({ model: 'TM-1' }, 'created');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      level: 30,
      app: 'threadmodel',
      model: 'TM-1',
      msg: 'created',
    });
  });

  it('never contain tokens, signing data or Redis passwords, in fields or in text', () => {
    const { lines, stream } = capture();
    const logger = createLogger('debug', stream);
    logger.info(
      { token: 'xoxb-123-456-abc', signingSecret: 'abcdef0123456789', headers: { authorization: 'Bearer xoxb-1' } },
      'fields',
    );
    logger.warn(`calling with xoxb-1111-2222-secret and xapp-1-A1-abc, sig v0=${'a'.repeat(64)}`);
    logger.error({ err: new Error('cannot reach redis://:hunter2@cache:6379') }, 'redis');
    boltLogger(logger).warn('Bolt says', 'token=xoxp-9999-secret');
    const all = lines.join('\n');
    for (const secret of [
      'xoxb-123',
      'abcdef0123456789',
      'Bearer',
      'xoxb-1111',
      'xapp-1-A1',
      'a'.repeat(64),
      'hunter2',
      'xoxp-9999',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('[redacted]');
  });

  it('scrubs Slack tokens and URL passwords from free text', () => {
    expect(scrubSecrets('t=xoxb-1-2-3 url=rediss://user:pw@h:1/0')).toBe(
      't=xox?-[redacted] url=rediss://user:[redacted]@h:1/0',
    );
  });

  it('scrubs GitHub and GitLab tokens (a workspace setting) from text, and drops them as fields', () => {
    expect(scrubSecrets('push with ghp_abc123DEF and github_pat_11AB_cd, glpat-x_Y-z')).toBe(
      'push with ghp_[redacted] and github_pat_[redacted], glpat-[redacted]',
    );
    const { lines, stream } = capture();
    createLogger('info', stream).info({ settings: { gitToken: 'plain-one', githubToken: 'plain-two' } }, 'saved');
    expect(lines.join('\n')).not.toMatch(/plain-one|plain-two/);
  });
});
