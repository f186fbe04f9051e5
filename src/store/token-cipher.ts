import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One encryption key: its id (written on every record it seals) and 32 bytes of key. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** What a sealed value starts with; a later format would take the next version. */
const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value the keys cannot open: tampered with, sealed for another record, or its key is gone. */
export class SealedValueError extends Error {
  constructor(reason: string) {
    super(`cannot open a sealed value: ${reason}`);
    this.name = 'SealedValueError';
  }
}

/**
 * Seals secrets at rest (bot tokens, a workspace's Git or GitHub token) with AES-256-GCM. Each
 * sealed value names the key that sealed it, so keys rotate: new values take the current key
 * (the first one configured), and values sealed with an older key still open while that key is
 * configured. The context (the Redis key the value lives under) is authenticated too, so a value
 * copied into another workspace's record does not open there. Neither a key nor a plaintext is
 * ever part of an error message.
 */
export class TokenCipher {
  private readonly byId: ReadonlyMap<string, Buffer>;
  private readonly current: EncryptionKey;

  constructor(keys: readonly EncryptionKey[]) {
    const [current] = keys;
    if (!current) throw new Error('TokenCipher needs at least one key');
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new Error(`encryption key ${id} is not 32 bytes`);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id))
        throw new Error('an encryption key id is not 1 to 32 letters, digits, _ or -');
    }
    this.current = current;
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  /** `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url), bound to `context`. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url'));
    return [FORMAT, this.current.id, ...parts].join(':');
  }

  /** The plaintext of a value `seal` made for the same context; SealedValueError otherwise. */
  open(value: string, context: string): string {
    const [format, keyId, iv, tag, sealed, more] = value.split(':');
    if (format !== FORMAT || !keyId || !iv || !tag || sealed === undefined || more !== undefined) {
      throw new SealedValueError('not a sealed value');
    }
    const key = this.byId.get(keyId);
    if (!key) throw new SealedValueError(`key ${keyId} is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedValueError('it does not authenticate (tampered with, or sealed for another record)');
    }
  }

  /** The id of the key a sealed value names (to find records still sealed with an old key). */
  static keyIdOf(value: string): string | undefined {
    const [format, keyId] = value.split(':');
    return format === FORMAT ? keyId : undefined;
  }
}
