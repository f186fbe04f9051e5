import type { ImportRequest, ImportRequests } from '../ports/import-requests';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** Import requests as one expiring string each: the user id of who asked. */
export class RedisImportRequests implements ImportRequests {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async open(request: ImportRequest, ttlMs: number): Promise<void> {
    const { workspaceId, channelId, threadTs, userId } = request;
    await this.redis.set(this.keys.importRequest(workspaceId, channelId, threadTs), userId, 'PX', ttlMs);
  }

  async take(workspaceId: string, channelId: string, threadTs: string): Promise<ImportRequest | undefined> {
    // GETDEL: atomic, so of two deliveries of one file only one finds the request.
    const userId = await this.redis.getdel(this.keys.importRequest(workspaceId, channelId, threadTs));
    return userId ? { workspaceId, channelId, threadTs, userId } : undefined;
  }
}
