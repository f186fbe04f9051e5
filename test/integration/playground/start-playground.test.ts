import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startPlayground } from '../../../dev/playground/start-playground';
import { approveOnSlack, finishInstall, startInstall } from '../../../dev/stand-in/browser-install';
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
      // Another site open in the same browser cannot post without a preflight (never granted).
      const simple = await fetch(`${base}/command`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ user: 'U0ALICE01', channel: 'C0PAYMENT', text: '/threatmodel start Forged' }),
      });
      expect(simple.status).toBe(415);
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

  it('serves a second workspace, Globex, installed from the page through the OAuth redirect: each workspace sees only its own models', async () => {
    const folder = tempDir();
    const running = await startPlayground(env(), folder.dir);
    const HANK = 'U0GHANK01';
    const ALICE = 'U0ALICE01';
    try {
      const base = `http://127.0.0.1:${running.port}/playground/api`;
      const post = async (op: string, body: object) =>
        (await (
          await fetch(`${base}/${op}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).json()) as { ok: boolean; error?: string };
      type Shown = { text: string; blocks: unknown[] };
      const state = async (user: string, channel: string) =>
        (await (await fetch(`${base}/state?user=${user}&channel=${channel}`)).json()) as {
          workspace: string;
          workspaces: { teamId: string; name: string; installed: boolean }[];
          users: { id: string; isAppSec: boolean }[];
          channels: { id: string; name: string }[];
          messages: Shown[];
          ephemerals: Shown[];
          home: { blocks: unknown[] } | null;
        };
      const before = await state(HANK, 'C0GPLATF0');
      expect(before.workspace).toBe('T0GLOBEX0');
      expect(before.workspaces).toEqual([
        { teamId: 'T0WORKSPC', name: 'Acme', installed: true, firstUser: ALICE },
        { teamId: 'T0GLOBEX0', name: 'Globex', installed: false, firstUser: HANK },
      ]);
      // Globex's own people and channels, and its own AppSec; none of Acme's.
      expect(before.users.filter((u) => u.isAppSec).map((u) => u.id)).toEqual(['U0GSEC001', 'U0GSEC002']);
      expect(before.users.map((u) => u.id)).not.toContain(ALICE);
      expect(before.channels.map((c) => c.name)).toEqual(['platform', 'launches', 'appsec']);
      expect(
        await post('command', { user: HANK, channel: 'C0GPLATF0', text: '/threatmodel start Rocket API' }),
      ).toEqual({
        ok: false,
        error: 'Threadmodel is not installed in Globex yet: use "Add to Slack" at the top of the page.',
      });

      // Hank installs it: the page's "Add to Slack" (/slack/install), the stand-in's authorize page, the redirect.
      expect(await post('sign-in', { user: HANK })).toEqual({ ok: true });
      const started = await startInstall(running.port);
      const finished = await finishInstall(await approveOnSlack(started.authorizeUrl), started.cookie);
      expect(finished.status).toBe(200);
      expect((await state(HANK, 'C0GPLATF0')).workspaces.map((w) => w.installed)).toEqual([true, true]);

      // A model in each workspace at the same time.
      const [inGlobex, inAcme] = await Promise.all([
        post('command', { user: HANK, channel: 'C0GPLATF0', text: '/threatmodel start Rocket API' }),
        post('command', { user: ALICE, channel: 'C0PAYMENT', text: '/threatmodel start Refunds API' }),
      ]);
      expect([inGlobex, inAcme]).toEqual([{ ok: true }, { ok: true }]);
      // Globex's numbers are its own: its first model is TM-1 (Acme's TM-1 to TM-3 are its past models).
      const globexCard = await eventually('the Globex card', async () =>
        (await state(HANK, 'C0GPLATF0')).messages.find((m) => m.text.startsWith('TM-1')),
      );
      expect(globexCard.text).toContain('Rocket API');
      await eventually('the Acme card', async () =>
        (await state(ALICE, 'C0PAYMENT')).messages.find((m) => m.text.startsWith('TM-4')),
      );

      // The lists and Home tabs: each person sees their own workspace's models only.
      expect(await post('command', { user: HANK, channel: 'C0GPLATF0', text: '/threatmodel list' })).toEqual({
        ok: true,
      });
      const globexList = await eventually('the Globex list', async () =>
        (await state(HANK, 'C0GPLATF0')).ephemerals.find((e) => JSON.stringify(e).includes('Rocket API')),
      );
      expect(JSON.stringify(globexList)).not.toMatch(/Refunds API|TM-4/);
      for (const [user, own, other] of [
        [HANK, 'Rocket API', 'Refunds API'],
        [ALICE, 'Refunds API', 'Rocket API'],
      ] as const) {
        expect(await post('home', { user })).toEqual({ ok: true });
        const home = await eventually(`${user}'s Home tab`, async () => {
          const shown = JSON.stringify((await state(user, '')).home?.blocks ?? []);
          return shown.includes(own) ? shown : undefined;
        });
        expect(home).not.toContain(other);
      }
      // Each workspace's settings name its own AppSec; only an admin sees them (Hank, in Globex).
      const hankHome = JSON.stringify((await state(HANK, '')).home?.blocks ?? []);
      expect(hankHome).toContain('<#C0GAPPSEC>');
      expect(hankHome).toContain('S0GAPPSEC');
      expect(JSON.stringify((await state(ALICE, '')).home?.blocks ?? [])).not.toContain('settings.edit');
    } finally {
      await running.stop();
      folder.cleanup();
    }
  });

  it('seeds the workspace with three approved past models once, not again when it restarts on the same Redis; Globex must be installed again', async () => {
    const folder = tempDir();
    const sameRedis = env();
    const session = async (title: string, globex: (base: string) => Promise<void>) => {
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
        await globex(base);
        return cards.find((m) => m.text.includes(title))?.text ?? '';
      } finally {
        await running.stop();
      }
    };
    const globexInstalled = async (base: string) => {
      const answer = await fetch(`${base}/state?user=U0GHANK01`);
      const { workspaces } = (await answer.json()) as { workspaces: { name: string; installed: boolean }[] };
      return workspaces.find((w) => w.name === 'Globex')?.installed;
    };
    try {
      const first = await session('Refunds API', async (base) => {
        await fetch(`${base}/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'U0GHANK01' }),
        });
        const port = Number(new URL(base).port);
        const started = await startInstall(port);
        expect((await finishInstall(await approveOnSlack(started.authorizeUrl), started.cookie)).status).toBe(200);
        expect(await globexInstalled(base)).toBe(true);
      });
      expect(first).toMatch(/^TM-4\b/);
      // The stand-in's channels start empty on each start; the store kept TM-1 to TM-4. Globex's token
      // died with the first session's stand-in (and was sealed with its key): it is forgotten.
      const second = await session('Payouts scheduler', async (base) => {
        expect(await globexInstalled(base)).toBe(false);
      });
      expect(second).toMatch(/^TM-5\b/);
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
