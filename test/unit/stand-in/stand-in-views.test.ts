import type { View } from '@slack/web-api';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { BOT, TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import { input, modal, plain, section, textInput } from './block-kit-fixtures';
import { clientFor } from './web-client';

const { ALICE, BOB } = USERS;
const view = (title: string, extra: object = {}) =>
  modal([input(textInput('name'), { block_id: 'name_block' })], { title: plain(title), ...extra }) as View;

describe('Slack stand-in: views.*', () => {
  let clock = 1_700_000_000_000;
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn({ now: () => clock });
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('opens a modal on a fresh trigger like Slack: id, hash, team, empty state, root of the user stack', async () => {
    const client = clientFor(standIn);
    const opened = await client.views.open({
      trigger_id: standIn.issueTrigger(ALICE.id),
      view: view('Add asset', { callback_id: 'asset' }),
    });
    expect(opened.view).toMatchObject({
      id: expect.stringMatching(/^V\d+$/),
      hash: expect.any(String),
      team_id: TEAM_ID,
      type: 'modal',
      callback_id: 'asset',
      state: { values: {} },
      app_id: BOT.appId,
      bot_id: BOT.botId,
      previous_view_id: null,
    });
    expect(opened.view?.root_view_id).toBe(opened.view?.id);
    expect(standIn.openViews(ALICE.id).map((v) => v.id)).toEqual([opened.view?.id]);
    expect(standIn.openViews(BOB.id)).toEqual([]);
  });

  it('refuses unknown, reused and expired trigger ids', async () => {
    const client = clientFor(standIn);
    await expect(client.views.open({ trigger_id: '123.456.abc', view: view('A') })).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
    const trigger = standIn.issueTrigger(ALICE.id);
    await client.views.open({ trigger_id: trigger, view: view('A') });
    await expect(client.views.open({ trigger_id: trigger, view: view('B') })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
    const late = standIn.issueTrigger(ALICE.id);
    clock += 3001;
    await expect(client.views.open({ trigger_id: late, view: view('C') })).rejects.toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
  });

  it('pushes up to three views, then push_limit_reached', async () => {
    const client = clientFor(standIn);
    const root = await client.views.open({ trigger_id: standIn.issueTrigger(ALICE.id), view: view('Root') });
    const second = await client.views.push({ trigger_id: standIn.issueTrigger(ALICE.id), view: view('Second') });
    expect(second.view).toMatchObject({ root_view_id: root.view?.id, previous_view_id: root.view?.id });
    await client.views.push({ trigger_id: standIn.issueTrigger(ALICE.id), view: view('Third') });
    await expect(
      client.views.push({ trigger_id: standIn.issueTrigger(ALICE.id), view: view('Fourth') }),
    ).rejects.toMatchObject({
      data: { error: 'push_limit_reached' },
    });
    expect(standIn.openViews(ALICE.id).map((v) => v.title)).toEqual([plain('Root'), plain('Second'), plain('Third')]);
  });

  it('updates by view_id or external_id with a new hash, refusing a stale hash and unknown views', async () => {
    const client = clientFor(standIn);
    const opened = await client.views.open({
      trigger_id: standIn.issueTrigger(ALICE.id),
      view: view('One', { external_id: 'tm-1' }),
    });
    const id = opened.view?.id ?? '';
    const hash = opened.view?.hash ?? '';
    const updated = await client.views.update({ view_id: id, hash, view: view('Two', { external_id: 'tm-1' }) });
    expect(updated.view).toMatchObject({ id, title: plain('Two') });
    expect(updated.view?.hash).not.toBe(hash);
    await expect(client.views.update({ view_id: id, hash, view: view('Three') })).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    await expect(client.views.update({ view_id: 'V404', view: view('X') })).rejects.toMatchObject({
      data: { error: 'not_found' },
    });
    await client.views.update({ external_id: 'tm-1', view: view('Four', { external_id: 'tm-1' }) });
    expect(standIn.openViews(ALICE.id)[0]?.title).toEqual(plain('Four'));
  });

  it('refuses invalid views with invalid_arguments (and a modal with inputs but no submit)', async () => {
    const client = clientFor(standIn);
    const trigger = standIn.issueTrigger(ALICE.id);
    await expect(
      client.views.open({ trigger_id: trigger, view: view('A title longer than 24 chars') }),
    ).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: { messages: ['title.text: 28 characters, more than 24'] },
      },
    });
    await expect(
      client.views.open({ trigger_id: trigger, view: view('No submit', { submit: undefined }) }),
    ).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
    expect(standIn.blockKitViolations).toHaveLength(2);
    // A refused view does not spend the trigger.
    await expect(client.views.open({ trigger_id: trigger, view: view('Fine') })).resolves.toMatchObject({ ok: true });
  });

  it('publishes one Home tab per user, keeping its id', async () => {
    const client = clientFor(standIn);
    const first = await client.views.publish({
      user_id: ALICE.id,
      view: { type: 'home', blocks: [section('Hello')] } as View,
    });
    const second = await client.views.publish({
      user_id: ALICE.id,
      view: { type: 'home', blocks: [section('Again')] } as View,
    });
    expect(second.view?.id).toBe(first.view?.id);
    expect(JSON.stringify(standIn.home(ALICE.id)?.blocks)).toContain('Again');
    expect(standIn.home(BOB.id)).toBeUndefined();
  });
});
