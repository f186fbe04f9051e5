import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startPlayground } from '../../../dev/playground/start-playground';
import { eventually } from '../../support/eventually';
import { testRedis, uniquePrefix } from '../../support/redis-server';
import { tempDir } from '../../support/temp-dir';

/** The local addresses listening on a TCP port, from Linux's socket tables ("127.0.0.1", "0.0.0.0", "::" ...). */
function listeningAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== '0A' || !local) continue; // 0A = LISTEN
      const [hex = '', portHex = ''] = local.split(':');
      if (Number.parseInt(portHex, 16) !== port) continue;
      addresses.push(hex.length === 8 ? ipv4(hex) : hex === '0'.repeat(32) ? '::' : `ipv6:${hex}`);
    }
  }
  return addresses;
}

/** /proc/net/tcp writes an IPv4 address as one little-endian hex word. */
function ipv4(hex: string): string {
  return (hex.match(/../g) ?? [])
    .reverse()
    .map((byte) => Number.parseInt(byte, 16))
    .join('.');
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the playground (npm start with no Slack credentials)', () => {
  let redis: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    redis = await testRedis();
  });
  afterAll(() => redis.close());

  const env = () => ({ LOG_LEVEL: 'silent', PORT: '0', REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix() });

  it('serves a Slack workspace of its own: a slash command typed in the page reaches the app as Slack sends it', async () => {
    const folder = tempDir();
    const running = await startPlayground(env(), folder.dir);
    try {
      const base = `http://127.0.0.1:${running.port}/playground/api`;
      const post = (op: string, body: object) =>
        fetch(`${base}/${op}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const state = async () =>
        (await (await fetch(`${base}/state?user=U0ALICE01&channel=C0PAYMENT`)).json()) as {
          users: { id: string; isAppSec: boolean }[];
          messages: { text: string; replyCount: number; blocks: unknown[] }[];
        };
      expect((await state()).users.filter((u) => u.isAppSec).map((u) => u.id)).toEqual(['U0SEC0001', 'U0SEC0002']);
      expect(
        await (
          await post('command', { user: 'U0ALICE01', channel: 'C0PAYMENT', text: '/threatmodel start Refunds API' })
        ).json(),
      ).toEqual({ ok: true });
      // TM-1 to TM-3 are the workspace's past models (dev/playground/past-models.ts).
      const card = await eventually('the model card', async () =>
        (await state()).messages.find((m) => m.text.startsWith('TM-4')),
      );
      expect(card.text).toContain('Refunds API');
      // Their step times make an estimate: the medians of 26, 28 and 30 hours of scoping.
      expect(JSON.stringify(card.blocks)).toContain('Teams usually spend about a day on scope.');
      expect(existsSync(path.join(folder.dir, '.threadmodel', 'playground', 'exports.git', 'HEAD'))).toBe(true);
      // Not a member of #appsec: Alice cannot act there.
      expect(
        await (await post('command', { user: 'U0ALICE01', channel: 'C0APPSEC0', text: '/threatmodel list' })).json(),
      ).toEqual({
        ok: false,
        error: 'You are not a member of this channel.',
      });
    } finally {
      await running.stop();
      folder.cleanup();
    }
  });

  it('seeds the workspace with three approved past models once, not again when it restarts on the same Redis', async () => {
    const folder = tempDir();
    const sameRedis = env();
    const startModel = async (title: string) => {
      const running = await startPlayground(sameRedis, folder.dir);
      try {
        const base = `http://127.0.0.1:${running.port}/playground/api`;
        await fetch(`${base}/command`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'U0ALICE01', channel: 'C0PAYMENT', text: `/threatmodel start ${title}` }),
        });
        const cards = await eventually('the model card', async () => {
          const answer = await fetch(`${base}/state?user=U0ALICE01&channel=C0PAYMENT`);
          const { messages } = (await answer.json()) as { messages: { text: string }[] };
          return messages.some((m) => m.text.includes(title)) ? messages : undefined;
        });
        return cards.find((m) => m.text.includes(title))?.text ?? '';
      } finally {
        await running.stop();
      }
    };
    try {
      expect(await startModel('Refunds API')).toMatch(/^TM-4\b/);
      // The stand-in's channels start empty on each start; the store kept TM-1 to TM-4.
      expect(await startModel('Payouts scheduler')).toMatch(/^TM-5\b/);
    } finally {
      folder.cleanup();
    }
  });

  it('listens on 127.0.0.1 only: its page acts as anyone in the workspace, so no other machine may reach it', async () => {
    const folder = tempDir();
    const running = await startPlayground(env(), folder.dir);
    try {
      expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
      expect(listeningAddresses(running.port)).toEqual(['127.0.0.1']);
      const outward = Object.values(os.networkInterfaces())
        .flat()
        .filter((address) => address !== undefined && !address.internal && address.family === 'IPv4')
        .map((address) => address?.address ?? '');
      for (const address of outward) expect(await accepts(address, running.port)).toBe(false);
    } finally {
      await running.stop();
      folder.cleanup();
    }
  });

  it('refuses to start with NODE_ENV=production, naming what to set instead', async () => {
    const folder = tempDir();
    try {
      await expect(startPlayground({ ...env(), NODE_ENV: 'production' }, folder.dir)).rejects.toThrow(
        /does not start with NODE_ENV=production\. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET \(or SLACK_APP_TOKEN/,
      );
      expect(existsSync(path.join(folder.dir, '.threadmodel'))).toBe(false); // nothing was set up
    } finally {
      folder.cleanup();
    }
  });
});
