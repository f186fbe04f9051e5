import { sharedFileJson } from '../../../dev/stand-in/shared-files';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { CHANNELS, TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import { clientFor } from './web-client';

describe('Slack stand-in: files people share', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  function share(content: string, channel: string = CHANNELS.PAYMENTS.id) {
    const file = {
      fileId: standIn.nextId('F'),
      name: 'model.tc.json',
      bytes: Buffer.from(content),
      channel,
      threadTs: '1.000001',
      user: USERS.ALICE.id,
    };
    standIn.sharedFiles.push(file);
    return sharedFileJson(standIn.baseUrl, TEAM_ID, file);
  }

  it('serves url_private_download to the bot token only; without it, redirects to sign-in as Slack does', async () => {
    const json = share('{"threats": []}');
    expect(json).toMatchObject({ name: 'model.tc.json', size: 15, mode: 'hosted', mimetype: 'application/json' });
    const url = json.url_private_download;

    const withToken = await fetch(url, { headers: { authorization: `Bearer ${standIn.token}` } });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toBe('{"threats": []}');

    const anonymous = await fetch(url, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^https:\/\/slack\.com\/signin/);
    const wrong = await fetch(url, { redirect: 'manual', headers: { authorization: 'Bearer xoxb-wrong' } });
    expect(wrong.status).toBe(302);

    expect(standIn.fileDownloads.map((d) => d.authorized)).toEqual([true, false, false]);
  });

  it('answers 404 for a file nobody shared', async () => {
    const missing = await fetch(`${standIn.baseUrl}/files-pri/${TEAM_ID}-F999/download/x.json`, {
      headers: { authorization: `Bearer ${standIn.token}` },
    });
    expect(missing.status).toBe(404);
  });

  it("files.info gives a shared file's full object, and file_not_found for one the bot cannot see", async () => {
    const client = clientFor(standIn);
    const json = share('{"threats": []}');
    const info = await client.files.info({ file: json.id });
    expect(info.file).toMatchObject({
      id: json.id,
      name: 'model.tc.json',
      size: 15,
      url_private_download: json.url_private_download,
    });
    const elsewhere = share('{}', CHANNELS.NO_BOT.id);
    await expect(client.files.info({ file: elsewhere.id })).rejects.toMatchObject({
      data: { error: 'file_not_found' },
    });
    await expect(client.files.info({ file: 'F999' })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
  });
});
