import { randomBytes } from 'node:crypto';
import { SealedValueError, TokenCipher } from '../../../src/store/token-cipher';

const OLD = { id: 'k1', key: randomBytes(32) };
const NEW = { id: 'k2', key: randomBytes(32) };
const TOKEN = 'xoxb-1234-5678-secret';

describe('TokenCipher', () => {
  it('seals a token so that its text appears nowhere in the sealed value, and opens it again', () => {
    const cipher = new TokenCipher([OLD]);
    const sealed = cipher.seal(TOKEN, 'install:team:T1');
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).not.toContain('xoxb');
    expect(sealed.startsWith('v1:k1:')).toBe(true);
    expect(cipher.open(sealed, 'install:team:T1')).toBe(TOKEN);
  });

  it('seals the same token differently each time (a fresh IV per value)', () => {
    const cipher = new TokenCipher([OLD]);
    expect(cipher.seal(TOKEN, 'ctx')).not.toBe(cipher.seal(TOKEN, 'ctx'));
  });

  describe('when keys rotate', () => {
    it('seals new values with the first key and still opens values sealed with an older one', () => {
      const before = new TokenCipher([OLD]).seal(TOKEN, 'ctx');
      const rotated = new TokenCipher([NEW, OLD]);
      expect(rotated.currentKeyId).toBe('k2');
      expect(TokenCipher.keyIdOf(rotated.seal(TOKEN, 'ctx'))).toBe('k2');
      expect(rotated.open(before, 'ctx')).toBe(TOKEN);
    });

    it('cannot open a value whose key was removed, and says which key is missing', () => {
      const before = new TokenCipher([OLD]).seal(TOKEN, 'ctx');
      expect(() => new TokenCipher([NEW]).open(before, 'ctx')).toThrow(
        new SealedValueError('key k1 is not configured'),
      );
    });
  });

  it('refuses a value sealed for another record (context bound) or altered', () => {
    const cipher = new TokenCipher([OLD]);
    const sealed = cipher.seal(TOKEN, 'install:team:T1');
    expect(() => cipher.open(sealed, 'install:team:T2')).toThrow(SealedValueError);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.open(parts.join(':'), 'install:team:T1')).toThrow(SealedValueError);
    expect(() => cipher.open('not-sealed', 'install:team:T1')).toThrow(SealedValueError);
  });

  it('never puts the key or the plaintext into its errors', () => {
    const cipher = new TokenCipher([OLD]);
    const sealed = cipher.seal(TOKEN, 'a');
    try {
      cipher.open(sealed, 'b');
      throw new Error('expected a refusal');
    } catch (error) {
      const text = String((error as Error).message);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(OLD.key.toString('base64'));
    }
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new TokenCipher([{ id: 'short', key: randomBytes(16) }])).toThrow('not 32 bytes');
    expect(() => new TokenCipher([])).toThrow('at least one key');
  });
});
